package org.markwatch.portal;

import javax.sql.DataSource;
import org.markwatch.storage.ListingStore;
import org.markwatch.storage.SummaryQuery;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The storage module's queries over the portal's DataSource: storage owns every SQL statement. */
@Configuration
class StorageBeans {
  @Bean
  ListingStore listingStore(DataSource dataSource) {
    return new ListingStore(dataSource);
  }

  @Bean
  SummaryQuery summaryQuery(DataSource dataSource) {
    return new SummaryQuery(dataSource);
  }
}
