package org.markwatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Listing;
import org.markwatch.model.Money;
import org.markwatch.model.Scored;
import org.markwatch.model.Seller;
import org.markwatch.model.Signal;
import org.markwatch.pipeline.evidence.ShopEvidence;
import org.markwatch.storage.Database;
import org.markwatch.storage.TestDatabase;

/**
 * Shop-level evidence does not depend on arrival order: the same listings fed in different orders
 * (shuffled, reversed, odd titles first), through the bounded (batch) job and the streaming job at
 * parallelism 1 (where the file's order is the order the evidence operator sees), end with the same
 * stored verdict rows, current and per (observation, ruleset). Two shops: a replica shop whose
 * plain branded listings are raised with the whole shop's counts and most frequent phrase, and a
 * large honest shop with two odd titles, whose plain listings must end unraised even when the odd
 * titles come first (they are raised for a moment, then revised down).
 */
class ShopEvidenceOrderIT {
  @TempDir Path dir;

  @Test
  void theSameListingsInAnotherOrderEndWithTheSameVerdicts() throws Exception {
    List<Listing> listings = listings();
    List<Listing> forward = new ArrayList<>(listings);
    List<Listing> reversed = new ArrayList<>(listings);
    Collections.reverse(reversed);
    List<Listing> shuffled = new ArrayList<>(listings);
    Collections.shuffle(shuffled, new Random(15));

    Rows expected = batch("forward", forward);
    Scored plain = expected.verdict("shopee:rep-plain-1");
    assertThat(signal(plain, ShopEvidence.SHOP_RULE))
        .as("replica shop's plain listing")
        .isEqualTo("shop's other listings say \"rep 1:1\" (3 of 5)");
    assertThat(plain.flagged()).isTrue();
    for (int i = 0; i < 8; i++) {
      Scored honest = expected.verdict("shopee:big-" + i);
      assertThat(signal(honest, ShopEvidence.SHOP_RULE)).as("big shop listing %s", i).isNull();
    }

    assertThat(batch("shuffled", shuffled)).isEqualTo(expected);
    // the odd titles first: the honest shop's plain listings are raised, then revised down
    List<Listing> oddFirst = new ArrayList<>(listings);
    oddFirst.sort(
        (a, b) -> Boolean.compare(!a.title().contains("rep"), !b.title().contains("rep")));
    assertThat(streaming("odd-first", oddFirst)).isEqualTo(expected);
    assertThat(streaming("reversed-streaming", reversed)).isEqualTo(expected);
  }

  /** Every verdict row, current and historical, by key. */
  record Rows(Map<String, String> current, Map<String, String> history) {
    Scored verdict(String listingId) {
      String line = current.get(listingId);
      assertThat(line).as("verdict of %s", listingId).isNotNull();
      return JsonCodec.mapper().readValue(line.substring(line.indexOf('{')), Scored.class);
    }
  }

  private Rows batch(String name, List<Listing> order) throws Exception {
    Path spool = Files.createDirectories(dir.resolve(name));
    write(spool.resolve("a.jsonl"), order);
    try (TestDatabase scratch = TestDatabase.create(TestDatabase.Backend.H2)) {
      JobReport r =
          ScoringJob.builder()
              .spoolDir(spool)
              .database(scratch.settings())
              .detectorConfig(ScoringJobTest.detectorConfig())
              .parallelism(2)
              .build()
              .run();
      assertThat(r.storeFailed()).isZero();
      return rows(scratch);
    }
  }

  private Rows streaming(String name, List<Listing> order) throws Exception {
    Path spool = Files.createDirectories(dir.resolve(name));
    try (TestDatabase scratch = TestDatabase.create(TestDatabase.Backend.H2)) {
      ScoringJob job =
          ScoringJob.builder()
              .spoolDir(spool)
              .deadLetterFile(dir.resolve(name + "-dead.jsonl"))
              .database(scratch.settings())
              .detectorConfig(ScoringJobTest.detectorConfig())
              .parallelism(1)
              .watch(Duration.ofMillis(200))
              .build();
      try (RunningScoringJob running = job.start()) {
        Path hidden = spool.resolve(".a.jsonl");
        write(hidden, order);
        Files.move(hidden, spool.resolve("a.jsonl"));
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (rows(scratch).current().size() < order.size()) {
          assertThat(System.nanoTime()).as("all stored within 90 s").isLessThan(deadline);
          Thread.sleep(200);
        }
        JobReport r = running.stop();
        assertThat(r.storeFailed()).isZero();
      }
      return rows(scratch);
    }
  }

  private static Rows rows(TestDatabase scratch) throws Exception {
    Map<String, String> current = new TreeMap<>();
    Map<String, String> history = new TreeMap<>();
    try (Database db = Database.openWithoutMigrating(scratch.settings());
        Connection c = db.connection();
        Statement st = c.createStatement()) {
      try (ResultSet rs =
          st.executeQuery(
              "SELECT listing_id, score, flagged, violations, scored_json FROM verdicts")) {
        while (rs.next()) {
          current.put(
              rs.getString(1),
              rs.getDouble(2)
                  + " "
                  + rs.getBoolean(3)
                  + " "
                  + rs.getString(4)
                  + " "
                  + rs.getString(5));
        }
      }
      try (ResultSet rs =
          st.executeQuery(
              "SELECT observation_id, ruleset_version, listing_id, score, scored_json"
                  + " FROM observation_verdicts")) {
        while (rs.next()) {
          history.put(
              rs.getString(1) + " " + rs.getString(2),
              rs.getString(3) + " " + rs.getDouble(4) + " " + rs.getString(5));
        }
      }
    }
    return new Rows(current, history);
  }

  /**
   * A replica shop: three listings admitting copies ("rep 1:1" twice, "like auth" once) and three
   * plain Gucci listings; a large honest shop: two odd "rep 1:1" titles among eight plain branded
   * ones (2 of 9 others is under a quarter).
   */
  private static List<Listing> listings() {
    List<Listing> all = new ArrayList<>();
    Seller rep = seller("shopee:shop:rep", "Giày Túi Xịn");
    all.add(listing("shopee:rep-adm-1", rep, "Túi Gucci Marmont rep 1:1"));
    all.add(listing("shopee:rep-adm-2", rep, "Giày Gucci Ace trắng rep 1:1"));
    all.add(listing("shopee:rep-adm-3", rep, "Ví Gucci GG like auth full box"));
    all.add(listing("shopee:rep-plain-1", rep, "Túi xách Gucci Dionysus"));
    all.add(listing("shopee:rep-plain-2", rep, "Thắt lưng Gucci da bò"));
    all.add(listing("shopee:rep-plain-3", rep, "Kính mát Gucci GG0061S"));
    Seller big = seller("shopee:shop:big", "Nhà Sách Lớn");
    all.add(listing("shopee:big-odd-1", big, "Túi Gucci Marmont rep 1:1"));
    all.add(listing("shopee:big-odd-2", big, "Ví Gucci GG rep 1:1"));
    String[] plain = {
      "Túi xách Gucci Dionysus",
      "Thắt lưng Gucci da bò",
      "Kính mát Gucci GG0061S",
      "Giày Gucci Ace trắng",
      "Ví Gucci GG Supreme",
      "Nước hoa Gucci Bloom 100ml",
      "Đồng hồ Gucci G-Timeless",
      "Khăn lụa Gucci GG"
    };
    for (int i = 0; i < plain.length; i++) {
      all.add(listing("shopee:big-" + i, big, plain[i]));
    }
    return all;
  }

  private static Listing listing(String id, Seller seller, String title) {
    return Listing.builder(id, "shopee", "https://shopee.vn/p/" + id, "2026-12-01T08:00:00Z")
        .title(title)
        .price(Money.vnd(4_500_000))
        .seller(seller)
        .build();
  }

  private static Seller seller(String id, String name) {
    return new Seller(
        id,
        name,
        "https://shopee.vn/" + id.substring(id.lastIndexOf(':') + 1),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static void write(Path file, List<Listing> listings) throws Exception {
    Files.write(file, listings.stream().map(JsonCodec::encode).toList());
  }

  private static String signal(Scored s, String rule) {
    return s.signals().stream()
        .filter(x -> x.rule().equals(rule))
        .map(Signal::evidence)
        .findFirst()
        .orElse(null);
  }
}
