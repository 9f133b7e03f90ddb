package org.markwatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.markwatch.detectors.DetectorConfig;
import org.markwatch.detectors.Detectors;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Listing;
import org.markwatch.model.Money;
import org.markwatch.model.Scored;
import org.markwatch.storage.Database;
import org.markwatch.storage.TestDatabase;
import org.slf4j.LoggerFactory;

/**
 * The continuous job on a real MiniCluster over H2 and the real PostgreSQL server: it scores spool
 * files as they appear, takes up a good new rule file while running (later verdicts carry the new
 * ruleset version and the new rule's signal), and refuses a bad one (a log line naming file and
 * line, a counter) while the last good ruleset keeps scoring.
 */
class ScoringJobWatchTest {
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final String RULE = "misleading.test-widget";

  @TempDir Path dir;

  private static final String GOOD =
      """
      rules:
        - id: misleading.test-widget
          description: a rule added while the job runs
          violation: misleading
          legalBasis: "test"
          weight: 0.9
          when: {terms: {in: [title], any: [zorblax]}}
          examples:
            fire: ["Máy lọc zorblax"]
            quiet: ["Máy lọc nước"]
      """;

  /** Line 7 holds a regular expression that does not compile. */
  private static final String BAD_REGEX =
      GOOD.replace("{terms: {in: [title], any: [zorblax]}}", "{patterns: {any: [\"zorb(lax\"]}}");

  /** Compiles, but its own example says it fires on what it does not. */
  private static final String BAD_EXAMPLE =
      GOOD.replace("fire: [\"Máy lọc zorblax\"]", "fire: [\"Máy lọc nước\"]");

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void takesUpAGoodRuleFileWhileRunningAndRefusesABadOne(TestDatabase.Backend backend)
      throws Exception {
    Path conf = dir.resolve("conf");
    copy(ScoringJobTest.CONF, conf);
    Path spool = Files.createDirectories(dir.resolve("spool"));
    DetectorConfig original = DetectorConfFiles.read(conf);
    String v1 = version(original);
    ch.qos.logback.classic.Logger log =
        (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(ScoreFunction.class);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    log.addAppender(logs);
    ch.qos.logback.classic.Logger stopLog =
        (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(RunningScoringJob.class);
    stopLog.addAppender(logs);
    Level oldLevel = log.getLevel();
    log.setLevel(Level.INFO);
    try (TestDatabase scratch = TestDatabase.create(backend)) {
      ScoringJob job =
          ScoringJob.builder()
              .spoolDir(spool)
              .deadLetterFile(dir.resolve("dead.jsonl"))
              .database(scratch.settings())
              .confDir(conf)
              .watch(Duration.ofMillis(300))
              .reloadInterval(Duration.ofMillis(300))
              .parallelism(2)
              .build();
      try (RunningScoringJob running = job.start();
          Database db = Database.openWithoutMigrating(scratch.settings())) {
        // 1. the ruleset it started with
        spool(spool, "a", "Máy lọc zorblax gia đình", "Nồi cơm điện 1.8 lít");
        waitFor("first file stored", () -> stored(db, "a") == 2);
        assertThat(verdicts(db, "a"))
            .allSatisfy(
                s -> {
                  assertThat(s.rulesetVersion()).isEqualTo(v1);
                  assertThat(s.signals()).noneMatch(x -> x.rule().equals(RULE));
                });

        // 2. a good new rule file: taken up by every scoring subtask, used for what follows
        replace(conf.resolve("rules/test-widget.yaml"), GOOD);
        String v2 = version(DetectorConfFiles.read(conf));
        assertThat(v2).isNotEqualTo(v1);
        waitFor("both subtasks reloaded", () -> running.rulesReloaded() == 2);
        spool(spool, "b", "Máy lọc zorblax văn phòng", "Máy lọc zorblax mini");
        waitFor("second file stored", () -> stored(db, "b") == 2);
        assertThat(verdicts(db, "b"))
            .allSatisfy(
                s -> {
                  assertThat(s.rulesetVersion()).isEqualTo(v2);
                  assertThat(s.signals())
                      .anyMatch(x -> x.rule().equals(RULE) && x.evidence().contains("zorblax"));
                  assertThat(s.violations()).contains("misleading");
                });

        // 3. a rule file that does not compile: refused with file and line, the good one keeps
        // scoring
        replace(conf.resolve("rules/test-widget.yaml"), BAD_REGEX);
        waitFor("both subtasks refused the bad regex", () -> running.rulesRefused() == 2);
        assertThat(messages(logs))
            .filteredOn(m -> m.contains("refused"))
            .hasSize(2)
            .allSatisfy(
                m ->
                    assertThat(m)
                        .contains("rules/test-widget.yaml:7", "bad regular expression", v2));
        // 4. one that compiles but fails its own examples: refused too
        replace(conf.resolve("rules/test-widget.yaml"), BAD_EXAMPLE);
        waitFor("both subtasks refused the failing example", () -> running.rulesRefused() == 4);
        assertThat(messages(logs)).filteredOn(m -> m.contains("did not fire on")).hasSize(2);

        spool(spool, "c", "Máy lọc zorblax cũ", "Quạt điện để bàn");
        waitFor("third file stored", () -> stored(db, "c") == 2);
        List<Scored> third = verdicts(db, "c");
        assertThat(third).extracting(Scored::rulesetVersion).containsOnly(v2);
        assertThat(third.get(0).signals()).anyMatch(x -> x.rule().equals(RULE));
        assertThat(running.rulesReloaded()).isEqualTo(2);
        assertThat(running.status()).isEqualTo(JobStatus.RUNNING);

        JobReport report = running.stop();
        assertThat(report.read()).isEqualTo(6);
        assertThat(report.stored()).isEqualTo(6);
        assertThat(report.deadLetters()).isZero();
        assertThat(messages(logs))
            .as("stopped by draining, not cancelled")
            .noneMatch(m -> m.contains("could not drain"));
      }
    } finally {
      log.detachAppender(logs);
      stopLog.detachAppender(logs);
      log.setLevel(oldLevel);
    }
  }

  /**
   * A rule whose regex overflows the stack on its own example throws an Error, not an exception,
   * while the candidate is checked: it is refused like any failing ruleset, and the job keeps
   * scoring with the last good one instead of failing.
   */
  @org.junit.jupiter.api.Test
  void aCandidateThatOverflowsTheStackIsRefusedAndTheJobRuns() throws Exception {
    Path conf = dir.resolve("conf");
    copy(ScoringJobTest.CONF, conf);
    Path spool = Files.createDirectories(dir.resolve("spool"));
    String v1 = version(DetectorConfFiles.read(conf));
    try (TestDatabase scratch = TestDatabase.create(TestDatabase.Backend.H2)) {
      ScoringJob job =
          ScoringJob.builder()
              .spoolDir(spool)
              .deadLetterFile(dir.resolve("dead.jsonl"))
              .database(scratch.settings())
              .confDir(conf)
              .watch(Duration.ofMillis(300))
              .reloadInterval(Duration.ofMillis(300))
              .parallelism(1)
              .build();
      try (RunningScoringJob running = job.start();
          Database db = Database.openWithoutMigrating(scratch.settings())) {
        replace(
            conf.resolve("rules/test-widget.yaml"),
            GOOD.replace(
                    "{terms: {in: [title], any: [zorblax]}}",
                    "{patterns: {in: [title], any: [\"(?:a|b)*c\"]}}")
                .replace("fire: [\"Máy lọc zorblax\"]", "fire: [\"" + "ab".repeat(5_000) + "c\"]"));
        waitFor("the overflowing ruleset refused", () -> running.rulesRefused() == 1);
        spool(spool, "a", "Máy lọc zorblax gia đình");
        waitFor("a file stored after the refusal", () -> stored(db, "a") == 1);
        assertThat(verdicts(db, "a")).extracting(Scored::rulesetVersion).containsOnly(v1);
        assertThat(running.status()).isEqualTo(JobStatus.RUNNING);
      }
    }
  }

  private static List<String> messages(ListAppender<ILoggingEvent> logs) {
    synchronized (logs.list) {
      return new ArrayList<>(logs.list).stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
  }

  private static String version(DetectorConfig config) {
    try (Detectors d = Detectors.create(config)) {
      return d.rulesetVersion();
    }
  }

  /** Writes a spool file as the crawler does: hidden while written, then renamed into view. */
  private static void spool(Path spool, String name, String... titles) throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < titles.length; i++) {
      Listing l =
          Listing.builder(
                  "shop:" + name + i,
                  "shop",
                  "https://shop.example.vn/" + name + i,
                  "2026-11-20T08:00:00Z")
              .title(titles[i])
              .price(Money.vnd(1_000_000))
              .build();
      lines.add(JsonCodec.encode(l));
    }
    Path hidden = spool.resolve("." + name + ".jsonl");
    Files.write(hidden, lines);
    Files.move(hidden, spool.resolve(name + ".jsonl"), StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Replaces a conf file in one step, as an operator should (a half-written file is refused once,
   * then read whole).
   */
  private static void replace(Path file, String text) throws Exception {
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    Files.writeString(tmp, text);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Verdicts stored for the listings of spool file {@code file} (ids shop:FILE…); -1 if unreadable.
   */
  static long stored(Database db, String file) {
    try (Connection c = db.connection();
        PreparedStatement ps =
            c.prepareStatement("SELECT COUNT(*) FROM verdicts WHERE listing_id LIKE ?")) {
      ps.setString(1, "shop:" + file + "%");
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (Exception e) {
      return -1;
    }
  }

  /** The stored verdicts of the listings of spool file {@code file}, by listing id. */
  static List<Scored> verdicts(Database db, String file) throws Exception {
    List<Scored> out = new ArrayList<>();
    try (Connection c = db.connection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT scored_json FROM verdicts WHERE listing_id LIKE ? ORDER BY listing_id")) {
      ps.setString(1, "shop:" + file + "%");
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(JsonCodec.mapper().readValue(rs.getString(1), Scored.class));
        }
      }
    }
    return out;
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

  private static void copy(Path from, Path to) throws Exception {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
