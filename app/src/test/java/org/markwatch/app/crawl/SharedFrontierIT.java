package org.markwatch.app.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markwatch.storage.Database;
import org.markwatch.storage.TestDatabase;
import org.markwatch.storage.frontier.FrontierStore;

/**
 * Two {@code markwatch crawl} worker processes share one frontier on PostgreSQL; one is killed with
 * SIGKILL mid-run and started again. Counted at the HTTP server: every page fetched, and none twice
 * except a page whose fetch was in flight at the kill (the frontier records it as taken back from
 * the dead worker). Afterwards nothing is due: every page waits for its re-visit.
 */
class SharedFrontierIT {
  @TempDir Path dir;

  @Test
  void twoWorkersOneKilledAndRestartedLoseNoUrlAndRepeatNone() throws Exception {
    try (LoopbackShops shops = new LoopbackShops(3, 2, 8, 150);
        TestDatabase pg = TestDatabase.create(TestDatabase.Backend.POSTGRES)) {
      Path conf = Files.createDirectories(dir.resolve("conf/sources"));
      StringBuilder yaml =
          new StringBuilder("sources:\n  - id: shops\n    platform: web\n    seeds:\n");
      shops.homes().forEach(h -> yaml.append("      - ").append(h).append('\n'));
      yaml.append(
          """
              follow: ['/c/\\d+']
              products: ['/p/\\d+-\\d+']
              politeness: {delayMs: 0}
          """);
      Files.writeString(conf.resolve("shops.yaml"), yaml.toString());
      String dbUrl = pg.settings().url();

      Process a = worker(dbUrl, "a1");
      waitFor(() -> shops.total() >= 3, a, "a1");
      Process b = worker(dbUrl, "b");
      waitFor(() -> shops.total() >= 20, a, "a1");
      a.destroyForcibly(); // SIGKILL: no shutdown hook, no lease released
      a.waitFor(10, TimeUnit.SECONDS);
      int atKill = shops.total();
      Process a2 = worker(dbUrl, "a2");
      assertThat(a2.waitFor(90, TimeUnit.SECONDS)).as("restarted worker finished").isTrue();
      assertThat(b.waitFor(90, TimeUnit.SECONDS)).as("second worker finished").isTrue();
      assertThat(b.exitValue()).as(log("b")).isZero();
      assertThat(a2.exitValue()).as(log("a2")).isZero();

      Map<String, Integer> fetches = shops.fetches();
      assertThat(atKill).isLessThan(shops.pages().size()); // the kill was mid-run
      assertThat(fetches.keySet()).as("no URL lost").containsAll(shops.pages());
      try (Database db = Database.open(pg.settings())) {
        FrontierStore store = FrontierStore.of(db);
        List<String> reclaimed = store.reclaimedUrls("shops");
        assertThat(reclaimed)
            .as("at most the one page in flight at the kill")
            .hasSizeLessThanOrEqualTo(1);
        List<String> twice = new ArrayList<>();
        fetches.forEach(
            (url, n) -> {
              if (n > 1) twice.add(url);
            });
        assertThat(twice).as("fetched twice").isSubsetOf(reclaimed);
        FrontierStore.Counts counts = store.counts("shops", Instant.now());
        assertThat(counts.urls()).isEqualTo(shops.pages().size());
        assertThat(counts.fetching()).isZero();
        assertThat(counts.fetched()).isEqualTo(shops.pages().size());
      }

      // every page waits for its re-visit: a run now would fetch nothing
      try (Database db = Database.open(pg.settings())) {
        assertThat(FrontierStore.of(db).counts("shops", Instant.now()).due()).isZero();
        assertThat(FrontierStore.of(db).nextDue("shops").orElseThrow()).isAfter(Instant.now());
      }
    }
  }

  private Process worker(String dbUrl, String name) throws Exception {
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            "org.markwatch.app.Main",
            "crawl",
            "--source",
            "shops",
            "--conf",
            dir.resolve("conf").toString(),
            "--data",
            dir.resolve("data").toString(),
            "--allow-loopback",
            "--lease-seconds",
            "3");
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("MARKWATCH_DB_URL", dbUrl);
    pb.environment().put("MARKWATCH_DB_USER", "postgres");
    pb.environment().put("MARKWATCH_DB_PASSWORD", "");
    pb.redirectOutput(dir.resolve(name + ".out").toFile());
    pb.redirectError(dir.resolve(name + ".err").toFile());
    return pb.start();
  }

  private String log(String name) {
    try {
      return Files.readString(dir.resolve(name + ".out"))
          + Files.readString(dir.resolve(name + ".err"));
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }

  private void waitFor(java.util.function.BooleanSupplier condition, Process alive, String name)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 60 s").isLessThan(deadline);
      if (!alive.isAlive()) {
        throw new AssertionError("worker " + name + " ended early: " + log(name));
      }
      Thread.sleep(10);
    }
  }
}
