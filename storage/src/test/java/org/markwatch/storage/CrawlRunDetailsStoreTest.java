package org.markwatch.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CrawlRunDetailsStoreTest {

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void savingAgainReplacesTheRunsDetails(TestDatabase.Backend backend) throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      new CrawlRunStore(db.dataSource())
          .start(
              CrawlRun.started(
                  "run-1", Instant.parse("2026-11-01T02:00:00Z"), List.of("shop", "feed")));
      CrawlRunDetailsStore details = new CrawlRunDetailsStore(db.dataSource());
      CrawlRunSource shop =
          new CrawlRunSource(
              "run-1",
              "shop",
              "chosi",
              "static",
              CrawlRunSource.Status.OK,
              120,
              2,
              3,
              1,
              4,
              100,
              0,
              5_000_000L,
              12_000L,
              null);
      CrawlRunSource feed =
          new CrawlRunSource(
              "run-1",
              "feed",
              "mangxa",
              "browser",
              CrawlRunSource.Status.SKIPPED,
              0,
              0,
              0,
              0,
              0,
              0,
              0,
              0L,
              0L,
              "Chromium not found");
      details.save(
          "run-1",
          List.of(shop, feed),
          Map.of(
              CrawlRunDetailsStore.OUTCOME, Map.of("OK", 120L, "HTTP_ERROR", 2L),
              CrawlRunDetailsStore.ERROR, Map.of("HTTP 404", 2L)));
      assertThat(details.sources("run-1")).containsExactly(feed, shop);
      assertThat(details.counts("run-1", CrawlRunDetailsStore.ERROR))
          .containsExactly(Map.entry("HTTP 404", 2L));

      details.save(
          "run-1", List.of(shop), Map.of(CrawlRunDetailsStore.OUTCOME, Map.of("OK", 120L)));
      assertThat(details.sources("run-1")).containsExactly(shop);
      assertThat(details.counts("run-1", CrawlRunDetailsStore.ERROR)).isEmpty();
      assertThat(details.counts("run-1", CrawlRunDetailsStore.OUTCOME))
          .containsExactly(Map.entry("OK", 120L));
    }
  }
}
