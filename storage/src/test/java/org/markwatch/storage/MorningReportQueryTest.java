package org.markwatch.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.markwatch.storage.frontier.FrontierStore;

class MorningReportQueryTest {
  private static final Instant T = Instant.parse("2026-12-01T19:00:00Z");

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void countsListingsFlaggedForTheFirstTimeInTheRun(TestDatabase.Backend backend) throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      try (Connection c = db.connection()) {
        seller(c, "s1", "Shop Một", "Hà Nội");
        seller(c, "s2", "Shop Hai", null);
        // new in run r2 and flagged: counted
        listing(c, "a", "chosi", "s1", true, "counterfeit", "r2");
        listing(c, "b", "chosi", "s1", true, "counterfeit,smuggled", "r2");
        listing(c, "c", "muaban", "s2", true, "prohibited", "r2");
        // flagged but already observed in r1: not new
        listing(c, "d", "chosi", "s2", true, "counterfeit", "r1");
        observation(c, "d", "r2");
        // new but not flagged
        listing(c, "e", "chosi", "s1", false, "", "r2");
      }
      FrontierStore f = FrontierStore.of(db);
      f.admit("src", "http://h/p/1", "h", 1, 20, Duration.ofMinutes(1), T);
      f.complete("src", "http://h/p/1", "w", T, 200, "OK", List.of("x"), "r1");
      f.complete("src", "http://h/p/1", "w", T.plusSeconds(120), 410, "HTTP_ERROR", null, "r2");

      MorningReportQuery.Figures fig = new MorningReportQuery(db.dataSource()).figures("r2", 10);
      assertThat(fig.newlyFlagged()).isEqualTo(3);
      assertThat(fig.byViolation())
          .containsExactly(
              Map.entry("counterfeit", 2L), Map.entry("prohibited", 1L), Map.entry("smuggled", 1L));
      assertThat(fig.byPlatform()).containsExactly(Map.entry("chosi", 2L), Map.entry("muaban", 1L));
      assertThat(fig.byProvince())
          .containsExactly(Map.entry("Hà Nội", 2L), Map.entry(MorningReportQuery.NO_PROVINCE, 1L));
      assertThat(fig.topSellers())
          .extracting(
              MorningReportQuery.SellerCount::sellerId, MorningReportQuery.SellerCount::flagged)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("s1", 2L),
              org.assertj.core.groups.Tuple.tuple("s2", 1L));
      assertThat(fig.removedListings()).isEqualTo(1);
    }
  }

  private static void seller(Connection c, String id, String name, String province)
      throws Exception {
    exec(
        c,
        "INSERT INTO sellers (id, platform, name, province, first_seen, last_seen) VALUES (?, 'chosi', ?, ?, ?, ?)",
        id,
        name,
        province,
        Transactions.at(T),
        Transactions.at(T));
  }

  private static void listing(
      Connection c,
      String id,
      String platform,
      String seller,
      boolean flagged,
      String violations,
      String run)
      throws Exception {
    exec(
        c,
        "INSERT INTO listings (id, platform, kind, url, seller_id, observed_at, crawl_run_id, listing_json) VALUES (?, ?, 'product', ?, ?, ?, ?, '{}')",
        id,
        platform,
        "http://h/" + id,
        seller,
        Transactions.at(T),
        run);
    exec(
        c,
        "INSERT INTO verdicts (listing_id, ruleset_version, score, flagged, top_violation, violations, brands, scored_at, scored_json) VALUES (?, 'v1', 0.9, ?, NULL, ?, '', ?, '{}')",
        id,
        flagged,
        violations,
        Transactions.at(T));
    int position = 0;
    for (String v : violations.split(",")) {
      if (!v.isEmpty()) {
        exec(
            c,
            "INSERT INTO verdict_violations (listing_id, violation, position) VALUES (?, ?, ?)",
            id,
            v,
            position++);
      }
    }
    observation(c, id, run);
  }

  private static void observation(Connection c, String listing, String run) throws Exception {
    exec(
        c,
        "INSERT INTO observations (id, listing_id, observed_at, crawl_run_id, listing_json) VALUES (?, ?, ?, ?, '{}')",
        String.format("%-64s", listing + run).replace(' ', '0'),
        listing,
        Transactions.at(T),
        run);
  }

  private static void exec(Connection c, String sql, Object... args) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    }
  }
}
