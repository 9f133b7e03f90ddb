package org.markwatch.portal;

import javax.sql.DataSource;
import org.markwatch.storage.feed.ApiFeed;
import org.markwatch.storage.origin.OriginStore;
import org.markwatch.storage.publicsite.PublicRegistry;
import org.markwatch.storage.publicsite.WarningStore;
import org.markwatch.storage.tips.TipStore;
import org.markwatch.storage.users.ApiClientStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Storage's stores behind the public site and the agencies' API (issue 13). */
@Configuration
class PublicBeans {
  @Bean
  ApiClientStore apiClientStore(DataSource dataSource) {
    return new ApiClientStore(dataSource);
  }

  @Bean
  ApiFeed apiFeed(DataSource dataSource) {
    return new ApiFeed(dataSource);
  }

  @Bean
  TipStore tipStore(DataSource dataSource) {
    return new TipStore(dataSource);
  }

  @Bean
  PublicRegistry publicRegistry(DataSource dataSource) {
    return new PublicRegistry(dataSource);
  }

  @Bean
  WarningStore warningStore(DataSource dataSource) {
    return new WarningStore(dataSource);
  }

  @Bean
  OriginStore originStore(DataSource dataSource) {
    return new OriginStore(dataSource);
  }
}
