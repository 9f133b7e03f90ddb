package org.markwatch.app.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markwatch.storage.CrawlRun;
import org.markwatch.storage.CrawlRunStore;
import org.markwatch.storage.Database;
import org.markwatch.storage.MorningReport;
import org.markwatch.storage.MorningReportStore;
import org.markwatch.storage.TestDatabase;

/**
 * Two {@code markwatch scheduler} processes on one PostgreSQL database with one scheduled source:
 * the due crawl runs once, on one of them (counted at the HTTP server and in crawl_runs), and its
 * morning report is stored.
 */
class SchedulerIT {
  @TempDir Path dir;

  @Test
  void twoSchedulersRunADueCrawlOnceAndStoreItsMorningReport() throws Exception {
    try (LoopbackShops shops = new LoopbackShops(1, 2, 5, 20);
        TestDatabase pg = TestDatabase.create(TestDatabase.Backend.POSTGRES)) {
      Path conf = Files.createDirectories(dir.resolve("conf/sources"));
      Files.writeString(
          conf.resolve("shops.yaml"),
          "sources:\n  - id: shop\n    platform: web\n    seeds: ['"
              + shops.homes().get(0)
              + "']\n"
              + "    follow: ['/c/\\d+']\n    products: ['/p/\\d+-\\d+']\n"
              + "    politeness: {delayMs: 0}\n"
              + "    schedule: '*/3 * * * * *'\n");
      try (Database db = Database.open(pg.settings())) { // migrated once, before both start
        Process one = scheduler(pg.settings().url(), "one");
        Process two = scheduler(pg.settings().url(), "two");
        MorningReportStore reports = new MorningReportStore(db.dataSource());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (reports.latest().isEmpty()) {
          assertThat(System.nanoTime()).as(log("one") + log("two")).isLessThan(deadline);
          assertThat(one.isAlive() && two.isAlive()).as(log("one") + log("two")).isTrue();
          Thread.sleep(100);
        }
        Thread.sleep(3500); // a later due time passes too: nothing left to fetch then
        one.destroy();
        two.destroy();
        assertThat(one.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(two.waitFor(30, TimeUnit.SECONDS)).isTrue();

        String logs = log("one") + log("two");
        Matcher started = Pattern.compile("crawl due at (\\S+ \\S+) starts on").matcher(logs);
        List<String> dueTimes = started.results().map(r -> r.group(1)).toList();
        assertThat(dueTimes).as(logs).isNotEmpty().doesNotHaveDuplicates();
        assertThat(shops.fetches().keySet()).containsExactlyInAnyOrderElementsOf(shops.pages());
        assertThat(shops.fetches().values()).as("each page once").containsOnly(1);
        List<CrawlRun> runs = new CrawlRunStore(db.dataSource()).recent(10);
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).id()).startsWith("sched-shop-");
        MorningReport report = reports.latest().orElseThrow();
        assertThat(report.runId()).isEqualTo(runs.get(0).id());
        assertThat(report.text())
            .contains("Trang: 13 đã tải")
            .contains("Nguồn thất bại\n  (không có)");
        assertThat(report.html()).startsWith("<!DOCTYPE html>").doesNotContain("<script");
      }
    }
  }

  private Process scheduler(String dbUrl, String name) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            "org.markwatch.app.Main",
            "scheduler",
            "--conf",
            dir.resolve("conf").toString(),
            "--data",
            dir.resolve("data-" + name).toString(),
            "--no-score",
            "--poll-ms",
            "300",
            "--allow-loopback");
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
}
