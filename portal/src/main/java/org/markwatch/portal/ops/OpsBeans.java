package org.markwatch.portal.ops;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.markwatch.storage.CrawlRunDetailsStore;
import org.markwatch.storage.CrawlRunStore;
import org.markwatch.storage.MorningReportStore;
import org.markwatch.storage.backtest.Backtest;
import org.markwatch.storage.report.ReportQuery;
import org.markwatch.storage.rulesconsole.RulesetPublisher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Storage's operator classes over the portal's DataSource, and the conf directory. */
@Configuration
class OpsBeans {
  /**
   * The conf directory: {@code markwatch.conf-dir} when set, else {@code ${markwatch.home}/conf},
   * else {@code ./conf} (as the command line finds it).
   */
  static Path confDir(String property) {
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    String home = System.getProperty("markwatch.home");
    return home != null && !home.isBlank() ? Path.of(home, "conf") : Path.of("conf");
  }

  @Bean
  RulesetPublisher rulesetPublisher(DataSource dataSource) {
    return new RulesetPublisher(dataSource);
  }

  @Bean
  RulesWorkspace rulesWorkspace(
      @Value("${markwatch.conf-dir:}") String confDir, RulesetPublisher publisher) {
    return new RulesWorkspace(confDir(confDir), publisher);
  }

  @Bean
  Backtest backtest(DataSource dataSource) {
    return new Backtest(dataSource);
  }

  @Bean
  ReportQuery reportQuery(DataSource dataSource) {
    return new ReportQuery(dataSource);
  }

  @Bean
  CrawlRunStore opsCrawlRunStore(DataSource dataSource) {
    return new CrawlRunStore(dataSource);
  }

  @Bean
  CrawlRunDetailsStore opsCrawlRunDetailsStore(DataSource dataSource) {
    return new CrawlRunDetailsStore(dataSource);
  }

  @Bean
  MorningReportStore opsMorningReportStore(DataSource dataSource) {
    return new MorningReportStore(dataSource);
  }

  @Bean(destroyMethod = "close")
  OpsJobs opsJobs() {
    return new OpsJobs();
  }
}
