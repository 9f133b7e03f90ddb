package org.markwatch.portal.review;

import javax.sql.DataSource;
import org.markwatch.storage.review.ReasonCodes;
import org.markwatch.storage.review.ReviewQueue;
import org.markwatch.storage.review.ReviewStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The storage module's review workflow over the portal's DataSource. */
@Configuration
class ReviewBeans {
  @Bean
  ReviewStore reviewStore(DataSource dataSource) {
    return new ReviewStore(dataSource);
  }

  @Bean
  ReviewQueue reviewQueue(DataSource dataSource) {
    return new ReviewQueue(dataSource);
  }

  @Bean
  ReasonCodes reasonCodes(DataSource dataSource) {
    return new ReasonCodes(dataSource);
  }
}
