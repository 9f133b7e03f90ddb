package org.markwatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markwatch.detectors.DetectorConfig;
import org.markwatch.detectors.Detectors;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Listing;
import org.markwatch.model.Money;
import org.markwatch.model.Scored;
import org.markwatch.model.Signal;
import org.markwatch.pipeline.rules.RulesetPublisher;
import org.markwatch.storage.Database;
import org.markwatch.storage.RulesetFileStore;
import org.markwatch.storage.TestDatabase;

/**
 * A ruleset published in the database while the job runs (the code path of {@code markwatch rules
 * publish}) reaches both scoring subtasks through the database broadcast, without a restart; the
 * publisher refuses a ruleset whose examples fail (nothing stored); a broken ruleset that reaches
 * the database anyway (stored by hand) is refused by the job, and the last good ruleset keeps
 * scoring. Real PostgreSQL, MiniCluster.
 */
class RulesetPublishIT {
  private static final Duration PATIENCE = Duration.ofSeconds(120);
  private static final String RULE = "misleading.test-widget";

  private static final String GOOD =
      """
      rules:
        - id: misleading.test-widget
          description: a rule published while the job runs
          violation: misleading
          legalBasis: "test"
          weight: 0.9
          when: {terms: {in: [title], any: [zorblax]}}
          examples:
            fire: ["Máy lọc zorblax"]
            quiet: ["Máy lọc nước"]
      """;

  private static final String BAD_EXAMPLE =
      GOOD.replace("fire: [\"Máy lọc zorblax\"]", "fire: [\"Máy lọc nước\"]");

  private static final String BAD_REGEX =
      GOOD.replace("{terms: {in: [title], any: [zorblax]}}", "{patterns: {any: [\"zorb(lax\"]}}");

  @TempDir Path dir;

  @Test
  void aPublishedRulesetReachesTheRunningJobAndABrokenOneIsRefused() throws Exception {
    DetectorConfig original = ScoringJobTest.detectorConfig();
    String v1 = version(original);
    try (TestDatabase scratch = TestDatabase.create(TestDatabase.Backend.POSTGRES)) {
      Path spool = Files.createDirectories(dir.resolve("spool"));
      ScoringJob job =
          ScoringJob.builder()
              .spoolDir(spool)
              .deadLetterFile(dir.resolve("dead.jsonl"))
              .database(scratch.settings())
              .detectorConfig(original)
              .watch(Duration.ofMillis(300))
              .databaseRefresh(Duration.ofMillis(300))
              .checkpointInterval(Duration.ofSeconds(2))
              .parallelism(2)
              .build();
      try (RunningScoringJob running = job.start();
          Database db = Database.openWithoutMigrating(scratch.settings())) {
        spool(spool, "a", "Máy lọc zorblax gia đình");
        waitFor("first file stored", () -> ScoringJobWatchTest.stored(db, "a") == 1);
        assertThat(ScoringJobWatchTest.verdicts(db, "a"))
            .extracting(Scored::rulesetVersion)
            .containsExactly(v1);

        // the publisher refuses a ruleset whose own example fails: nothing is stored
        RulesetPublisher publisher = new RulesetPublisher(db.dataSource());
        RulesetPublisher.Outcome refused =
            publisher.publish(with(original, BAD_EXAMPLE), "analyst-a", "broken example");
        assertThat(refused.published()).isFalse();
        assertThat(refused.problems()).anyMatch(p -> p.contains(RULE));
        assertThat(count(db, "SELECT COUNT(*) FROM ruleset_files")).isZero();

        // a good one is published and taken up by both scoring subtasks
        RulesetPublisher.Outcome published =
            publisher.publish(with(original, GOOD), "analyst-a", "adds the widget rule");
        assertThat(published.published()).isTrue();
        String v2 = published.version();
        assertThat(v2).isNotEqualTo(v1);
        waitFor("both subtasks took up " + v2, () -> running.rulesReloaded() == 2);
        spool(spool, "b", "Máy lọc zorblax văn phòng");
        waitFor("second file stored", () -> ScoringJobWatchTest.stored(db, "b") == 1);
        Scored b = ScoringJobWatchTest.verdicts(db, "b").get(0);
        assertThat(b.rulesetVersion()).isEqualTo(v2);
        assertThat(b.signals()).extracting(Signal::rule).contains(RULE);

        // a ruleset that does not compile, stored behind the publisher's back: refused by the job
        DetectorConfig broken = with(original, BAD_REGEX);
        Map<String, String> files = new TreeMap<>(broken.brandFiles());
        files.putAll(broken.ruleFiles());
        new RulesetFileStore(db.dataSource())
            .publish("sha256:broken-by-hand", files, "someone", "bypassed the publisher");
        waitFor("both subtasks refused it", () -> running.rulesRefused() == 2);
        spool(spool, "c", "Máy lọc zorblax mini");
        waitFor("third file stored", () -> ScoringJobWatchTest.stored(db, "c") == 1);
        assertThat(ScoringJobWatchTest.verdicts(db, "c").get(0).rulesetVersion()).isEqualTo(v2);
        running.stop();
      }
    }
  }

  private static DetectorConfig with(DetectorConfig base, String ruleFile) {
    Map<String, String> rules = new TreeMap<>(base.ruleFiles());
    rules.put("rules/test-widget.yaml", ruleFile);
    return new DetectorConfig(base.brandFiles(), rules);
  }

  private static String version(DetectorConfig config) {
    try (Detectors d = Detectors.create(config)) {
      return d.rulesetVersion();
    }
  }

  private static void spool(Path spool, String name, String... titles) throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < titles.length; i++) {
      lines.add(
          JsonCodec.encode(
              Listing.builder(
                      "shop:" + name + i,
                      "shop",
                      "https://shop.example.vn/" + name + i,
                      "2026-11-20T08:00:00Z")
                  .title(titles[i])
                  .price(Money.vnd(1_000_000))
                  .build()));
    }
    Path hidden = spool.resolve("." + name + ".jsonl");
    Files.write(hidden, lines);
    Files.move(hidden, spool.resolve(name + ".jsonl"), StandardCopyOption.ATOMIC_MOVE);
  }

  private static long count(Database db, String sql) throws Exception {
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for: " + what);
      }
      Thread.sleep(200);
    }
  }
}
