package org.markwatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.markwatch.detectors.DetectorConfig;
import org.markwatch.detectors.TestConf;
import org.markwatch.model.JsonCodec;
import org.markwatch.storage.Database;
import org.markwatch.storage.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * The whole job on a real MiniCluster, writing to H2 and to the real PostgreSQL server: the 165
 * development listings plus broken lines, run twice.
 */
class ScoringJobTest {
  static final Path DEV_LISTINGS =
      Path.of(System.getProperty("markwatch.shared", "../../shared"))
          .resolve("data/dev-listings.jsonl");
  static final int MAX_LINE = 64 * 1024;

  @TempDir Path dir;

  /** The default configuration without the retail catalog (see {@link TestConf}). */
  static final Path CONF = TestConf.withoutRetailCatalog();

  static DetectorConfig detectorConfig() {
    return DetectorConfFiles.read(CONF);
  }

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void storesEveryValidListingRejectsTheRestAndAReplayChangesNothing(TestDatabase.Backend backend)
      throws Exception {
    Path spool = Files.createDirectories(dir.resolve("spool"));
    Files.copy(DEV_LISTINGS, spool.resolve("dev-listings.jsonl"));
    Path broken =
        writeBrokenFile(Files.createDirectories(spool.resolve("run-2")).resolve("broken.jsonl"));
    Files.writeString(spool.resolve("notes.txt"), "not spool input\n");
    Files.writeString(spool.resolve(".in-progress.jsonl"), "{\"half\n");
    long devLines = Files.readAllLines(DEV_LISTINGS).stream().filter(l -> !l.isBlank()).count();

    try (TestDatabase scratch = TestDatabase.create(backend)) {
      ScoringJob job =
          ScoringJob.builder()
              .spoolDir(spool)
              .deadLetterFile(dir.resolve("rejects/dead.jsonl"))
              .database(scratch.settings())
              .detectorConfig(detectorConfig())
              .parallelism(2)
              .batchSize(50)
              .maxLineBytes(MAX_LINE)
              .build();

      JobReport first = job.run();
      assertThat(first.read()).isEqualTo(devLines + 6);
      assertThat(first.invalid()).isEqualTo(5);
      assertThat(first.valid()).isEqualTo(devLines + 1);
      assertThat(first.scoreFailed()).isZero();
      assertThat(first.flagged()).isBetween(1L, devLines - 1);
      assertThat(first.stored()).isEqualTo(devLines);
      assertThat(first.storeFailed()).isEqualTo(1);

      List<JsonNode> rejects =
          Files.readAllLines(job.deadLetterFile()).stream()
              .map(l -> JsonCodec.mapper().readTree(l))
              .toList();
      assertThat(rejects)
          .hasSize(6)
          .allSatisfy(r -> assertThat(r.get("file").asString()).endsWith("run-2/broken.jsonl"));
      assertThat(rejects)
          .extracting(r -> r.get("line").asLong())
          .containsExactly(1L, 2L, 4L, 5L, 6L, 7L);
      assertThat(rejects)
          .extracting(r -> r.get("stage").asString())
          .containsExactly("validate", "validate", "validate", "read", "read", "store");
      assertThat(rejects.get(0).get("reason").asString()).startsWith("not valid JSON");
      assertThat(rejects.get(0).get("raw").asString())
          .isEqualTo("{\"schema\": \"markwatch.listing/1\", \"id\": ");
      assertThat(rejects.get(1).get("reason").asString()).contains("id");
      assertThat(rejects.get(2).get("reason").asString()).contains("/price/amount");
      assertThat(rejects.get(3).get("reason").asString()).isEqualTo("not valid UTF-8");
      assertThat(rejects.get(4).get("reason").asString())
          .startsWith("line longer than 65536 bytes");
      assertThat(rejects.get(4).get("raw").asString()).hasSize(DeadLetter.MAX_RAW_CHARS);
      assertThat(rejects.get(5).get("reason").asString())
          .isEqualTo("seller.taxCode: 40 characters, the database keeps at most 32");

      List<String> before;
      try (Database db = Database.open(scratch.settings())) {
        assertThat(count(db, "SELECT COUNT(*) FROM listings")).isEqualTo(devLines);
        assertThat(count(db, "SELECT COUNT(*) FROM verdicts")).isEqualTo(devLines);
        assertThat(count(db, "SELECT COUNT(*) FROM verdicts WHERE flagged"))
            .isEqualTo(first.flagged());
        assertThat(
                count(
                    db,
                    "SELECT COUNT(*) FROM listings WHERE id = 'shopee:dev:60:065dad33'"
                        + " AND seller_id = 'shopee:shop:27112' AND price_amount = 349000"))
            .isEqualTo(1);
        before = snapshot(db);
      }

      JobReport second = job.run();
      assertThat(second.stored()).isEqualTo(first.stored());
      assertThat(second.invalid()).isEqualTo(first.invalid());
      assertThat(second.flagged()).isEqualTo(first.flagged());
      assertThat(Files.readAllLines(job.deadLetterFile())).hasSize(6);
      try (Database db = Database.open(scratch.settings())) {
        assertThat(snapshot(db)).containsExactlyElementsOf(before);
      }
      Files.writeString(
          dir.resolve("figures-" + backend.name().toLowerCase() + ".txt"),
          "first " + first + "\nsecond " + second + "\n");
      System.out.printf(
          "scoring job on %s: %d lines in %d ms (%.0f records/s incl. cluster start); replay %d ms%n",
          backend,
          first.read(),
          first.elapsed().toMillis(),
          first.recordsPerSecond(),
          second.elapsed().toMillis());
    }
  }

  @org.junit.jupiter.api.Test
  void aRunLeavesNoThreadBehindThatWouldKeepTheJvmAlive() throws Exception {
    Path spool = Files.createDirectories(dir.resolve("spool"));
    Files.copy(DEV_LISTINGS, spool.resolve("dev-listings.jsonl"));
    java.util.Set<Thread> before = nonDaemonThreads();
    ScoringJob.builder()
        .spoolDir(spool)
        .database(org.markwatch.storage.DatabaseSettings.h2File(dir.resolve("db")))
        .detectorConfig(detectorConfig())
        .build()
        .run();
    java.util.Set<Thread> left = nonDaemonThreads();
    for (int i = 0; i < 50 && !left.stream().allMatch(before::contains); i++) {
      Thread.sleep(100); // threads of a stopped cluster may take a moment to end
      left = nonDaemonThreads();
    }
    left.removeAll(before);
    assertThat(left).extracting(Thread::getName).isEmpty();
  }

  private static java.util.Set<Thread> nonDaemonThreads() {
    java.util.Set<Thread> threads = new java.util.HashSet<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive() && !t.isDaemon()) {
        threads.add(t);
      }
    }
    return threads;
  }

  /**
   * A rule regex that recurses per character ("(?:a|b)*c") overflows the stack on a few KB of
   * hostile text: that listing becomes a dead letter naming the error, the others are stored, and
   * the job ends normally instead of failing.
   */
  @org.junit.jupiter.api.Test
  void aListingThatOverflowsTheStackIsADeadLetterAndTheOthersAreStored() throws Exception {
    Path spool = Files.createDirectories(dir.resolve("spool"));
    List<String> lines = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      lines.add(
          org.markwatch.model.JsonCodec.encode(
              org.markwatch.model.Listing.builder(
                      "shop:so" + i,
                      "shop",
                      "https://shop.example.vn/so" + i,
                      "2026-11-20T08:00:00Z")
                  .title("Nồi cơm điện " + i)
                  .text(i == 1 ? "ab".repeat(5_000) + "c" : "Hàng mới")
                  .build()));
    }
    Files.write(spool.resolve("so.jsonl"), lines);
    DetectorConfig good = detectorConfig();
    Map<String, String> rules = new java.util.TreeMap<>(good.ruleFiles());
    rules.put(
        "rules/recursive.yaml",
        """
        rules:
          - id: misleading.recursive
            violation: misleading
            legalBasis: test
            weight: 0.5
            when: {patterns: {in: [text], any: ["(?:a|b)*c"]}}
        """);
    Path dead = dir.resolve("dead.jsonl");
    JobReport r =
        ScoringJob.builder()
            .spoolDir(spool)
            .deadLetterFile(dead)
            .database(org.markwatch.storage.DatabaseSettings.h2File(dir.resolve("db")))
            .detectorConfig(new DetectorConfig(good.brandFiles(), rules))
            .parallelism(1)
            .build()
            .run();
    assertThat(r.read()).isEqualTo(3);
    assertThat(r.stored()).isEqualTo(2);
    assertThat(r.scoreFailed()).isEqualTo(1);
    assertThat(Files.readString(dead))
        .contains("shop:so1", "StackOverflowError")
        .doesNotContain("shop:so0");
  }

  @org.junit.jupiter.api.Test
  void aRuleFileThatDoesNotCompileFailsBeforeTheClusterStartsAndStoresNothing() throws Exception {
    Path spool = Files.createDirectories(dir.resolve("spool"));
    Files.copy(DEV_LISTINGS, spool.resolve("dev-listings.jsonl"));
    DetectorConfig good = detectorConfig();
    Map<String, String> rules = new java.util.TreeMap<>(good.ruleFiles());
    rules.put("rules/broken.yaml", "rules:\n  - id: [unclosed\n");
    ScoringJob job =
        ScoringJob.builder()
            .spoolDir(spool)
            .database(org.markwatch.storage.DatabaseSettings.h2File(dir.resolve("db")))
            .detectorConfig(new DetectorConfig(good.brandFiles(), rules))
            .build();
    org.assertj.core.api.Assertions.assertThatThrownBy(job::run)
        .hasMessageContaining("rules/broken.yaml");
    assertThat(Files.exists(dir.resolve("db/markwatch.mv.db"))).isFalse();
  }

  /**
   * Lines: 1 bad JSON, 2 no id, 3 blank, 4 amount as text, 5 not UTF-8, 6 too long, 7 too long for
   * a column.
   */
  private static Path writeBrokenFile(Path file) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String start = "{\"schema\": \"markwatch.listing/1\", ";
    out.writeBytes((start + "\"id\": \n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(
        (start
                + "\"platform\": \"shopee\", \"url\": \"https://shopee.example.vn/x\","
                + " \"observedAt\": \"2026-11-01T07:00:00Z\", \"title\": \"Túi\"}\n")
            .getBytes(StandardCharsets.UTF_8));
    out.writeBytes("   \n".getBytes(StandardCharsets.UTF_8));
    out.writeBytes(
        (start
                + "\"id\": \"shopee:b:4\", \"platform\": \"shopee\", \"url\": \"https://shopee.example.vn/4\","
                + " \"observedAt\": \"2026-11-01T07:00:00Z\", \"title\": \"Túi\", \"price\": {\"amount\": \"450k\","
                + " \"currency\": \"VND\"}}\n")
            .getBytes(StandardCharsets.UTF_8));
    out.writeBytes(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
    out.writeBytes(
        (start + "\"id\": \"shopee:b:6\", \"title\": \"" + "a".repeat(MAX_LINE) + "\"}\n")
            .getBytes(StandardCharsets.UTF_8));
    out.writeBytes(
        (start
                + "\"id\": \"shopee:b:7\", \"platform\": \"shopee\", \"url\": \"https://shopee.example.vn/7\","
                + " \"observedAt\": \"2026-11-01T07:00:00Z\", \"title\": \"Túi\", \"seller\": {\"id\": \"shopee:shop:7\","
                + " \"taxCode\": \""
                + "0".repeat(40)
                + "\"}}\n")
            .getBytes(StandardCharsets.UTF_8));
    Files.write(file, out.toByteArray());
    return file;
  }

  private static long count(Database db, String sql) throws Exception {
    try (Connection c = db.connection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<String> snapshot(Database db) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = db.connection();
        Statement st = c.createStatement()) {
      for (String table :
          List.of(
              "sellers ORDER BY id",
              "listings ORDER BY id",
              "verdicts ORDER BY listing_id",
              "verdict_violations ORDER BY listing_id, violation")) {
        try (ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
          ResultSetMetaData md = rs.getMetaData();
          while (rs.next()) {
            StringBuilder row = new StringBuilder(table).append(':');
            for (int i = 1; i <= md.getColumnCount(); i++) {
              row.append(rs.getString(i)).append('|');
            }
            rows.add(row.toString());
          }
        }
      }
    }
    return rows;
  }
}
