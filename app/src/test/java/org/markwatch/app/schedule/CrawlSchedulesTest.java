package org.markwatch.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.markwatch.storage.Database;
import org.markwatch.storage.TestDatabase;
import org.markwatch.storage.Transactions;

/**
 * The missed-run policy on the embedded database: a nightly run nobody was up for runs once when an
 * instance starts if it is at most the catch-up time late, and is skipped when older; both are then
 * due at the cron's next occurrence.
 */
class CrawlSchedulesTest {
  @Test
  void aRecentlyMissedRunRunsOnceAndAnOldOneIsSkipped() throws Exception {
    try (TestDatabase scratch = TestDatabase.create(TestDatabase.Backend.H2);
        Database db = Database.open(scratch.settings())) {
      Instant now = Instant.now();
      try (Connection c = db.connection()) {
        missed(c, "crawl:recent", now.minus(Duration.ofHours(1)));
        missed(c, "crawl:old", now.minus(Duration.ofHours(7)));
      }
      List<String> ran = new CopyOnWriteArrayList<>();
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      List<CrawlSchedules.Entry> entries =
          List.of(
              new CrawlSchedules.Entry("recent", "0 0 2 * * *", "a.yaml"),
              new CrawlSchedules.Entry("old", "0 0 2 * * *", "a.yaml"));
      try (CrawlSchedules schedules =
          new CrawlSchedules(
              db.dataSource(),
              entries,
              (id, due) -> ran.add(id),
              "test",
              Duration.ofMillis(100),
              Duration.ofHours(6),
              Clock.systemUTC(),
              new PrintStream(log, true, StandardCharsets.UTF_8))) {
        schedules.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (nextRun(db, "crawl:recent").isBefore(now)
            || nextRun(db, "crawl:old").isBefore(now)) {
          assertThat(System.nanoTime()).isLessThan(deadline);
          Thread.sleep(50);
        }
      }
      assertThat(ran).containsExactly("recent");
      assertThat(log.toString(StandardCharsets.UTF_8))
          .contains("old: the run due at")
          .contains("skipped");
      Instant next = CrawlSchedules.next(entries.get(0), now);
      assertThat(nextRun(db, "crawl:recent")).isEqualTo(next);
      assertThat(nextRun(db, "crawl:old")).isEqualTo(next);
    }
  }

  private static void missed(Connection c, String task, Instant due) throws Exception {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version)"
                + " VALUES (?, 'recurring', ?, FALSE, 1)")) {
      ps.setString(1, task);
      ps.setObject(2, Transactions.at(due));
      ps.executeUpdate();
    }
  }

  private static Instant nextRun(Database db, String task) throws Exception {
    try (Connection c = db.connection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT execution_time FROM scheduled_tasks WHERE task_name = ? AND picked = FALSE")) {
      ps.setString(1, task);
      try (var rs = ps.executeQuery()) {
        return rs.next() ? Transactions.instant(rs, 1) : Instant.MIN;
      }
    }
  }
}
