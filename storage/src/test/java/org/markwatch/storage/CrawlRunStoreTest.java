package org.markwatch.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CrawlRunStoreTest {

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void startThenFinishUpdatesOneRow(TestDatabase.Backend backend) throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      CrawlRunStore runs = new CrawlRunStore(db.dataSource());
      CrawlRun started =
          CrawlRun.started(
              "run-1", Instant.parse("2026-11-01T02:00:00Z"), List.of("demo-shop", "demo-feed"));
      runs.start(started);
      assertThat(runs.find("run-1")).contains(started);

      CrawlRun done =
          started.finished(
              Instant.parse("2026-11-01T02:03:30Z"), CrawlRun.Status.FINISHED, 120, 2, 300, "ok");
      runs.finish(done);
      runs.finish(done);
      assertThat(runs.find("run-1")).contains(done);
      runs.start(CrawlRun.started("run-2", Instant.parse("2026-11-02T02:00:00Z"), List.of()));
      assertThat(runs.recent(10)).extracting(CrawlRun::id).containsExactly("run-2", "run-1");
      assertThat(runs.find("run-3")).isEmpty();
    }
  }
}
