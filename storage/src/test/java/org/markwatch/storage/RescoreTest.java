package org.markwatch.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.markwatch.model.Listing;
import org.markwatch.model.Scored;

/**
 * Issue 14's rescore bug: the same 340 observations scored again with a new ruleset must replace
 * all 340 current verdicts (before: only those whose new content hash happened to be larger), and a
 * replay with the same ruleset must change nothing.
 */
class RescoreTest {
  private static final int N = 340;

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void aNewRulesetReplacesEveryCurrentVerdictAndAReplayChangesNothing(TestDatabase.Backend backend)
      throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      ListingStore store = new ListingStore(db.dataSource());
      SaveResult first = store.saveAll(batch("rules-a", 0.35));
      assertThat(first.stored()).isEqualTo(N);
      assertThat(first.currentVerdicts()).isEqualTo(N);

      SaveResult rescore = store.saveAll(batch("rules-b", 0.36));
      assertThat(rescore.currentVerdicts()).isEqualTo(N);
      assertThat(count(db, "SELECT COUNT(*) FROM verdicts WHERE ruleset_version = 'rules-b'"))
          .isEqualTo(N);
      assertThat(count(db, "SELECT COUNT(*) FROM verdicts")).isEqualTo(N);
      // Both verdicts of every observation are kept; one observation per listing.
      assertThat(count(db, "SELECT COUNT(*) FROM observation_verdicts")).isEqualTo(2 * N);
      assertThat(count(db, "SELECT COUNT(*) FROM observations")).isEqualTo(N);

      List<String> before = Snapshot.of(db.dataSource());
      SaveResult replay = store.saveAll(batch("rules-b", 0.36));
      assertThat(replay.currentVerdicts()).isZero();
      assertThat(Snapshot.of(db.dataSource())).isEqualTo(before);

      // An older ruleset arriving late (a straggler of the first run) does not take over again.
      SaveResult late = store.saveAll(batch("rules-a", 0.35));
      assertThat(late.currentVerdicts()).isZero();
      assertThat(count(db, "SELECT COUNT(*) FROM verdicts WHERE ruleset_version = 'rules-b'"))
          .isEqualTo(N);

      // Publishing rules-a again (a rollback) makes it the newest: its next run takes over.
      new RulesetStore(db.dataSource()).publish("rules-a", "supervisor", "rollback");
      assertThat(store.saveAll(batch("rules-a", 0.35)).currentVerdicts()).isEqualTo(N);
      assertThat(count(db, "SELECT COUNT(*) FROM verdicts WHERE ruleset_version = 'rules-a'"))
          .isEqualTo(N);
    }
  }

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void aDraftRulesetIsKeptInTheHistoryButNeverBecomesCurrent(TestDatabase.Backend backend)
      throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      ListingStore store = new ListingStore(db.dataSource());
      store.saveAll(batch("rules-a", 0.35));
      new RulesetStore(db.dataSource()).registerDraft("rules-draft", "analyst", "trying a weight");
      assertThat(store.saveAll(batch("rules-draft", 0.5)).currentVerdicts()).isZero();
      assertThat(count(db, "SELECT COUNT(*) FROM verdicts WHERE ruleset_version = 'rules-a'"))
          .isEqualTo(N);
      assertThat(
              count(
                  db,
                  "SELECT COUNT(*) FROM observation_verdicts WHERE ruleset_version = 'rules-draft'"))
          .isEqualTo(N);
    }
  }

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void everyNewObservationIsKeptAsHistory(TestDatabase.Backend backend) throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      ListingStore store = new ListingStore(db.dataSource());
      for (int day = 1; day <= 3; day++) {
        Listing l =
            Fixtures.listing(
                    "shopee:9",
                    "shopee",
                    "shopee:shop:z",
                    "Nước hoa Chanel ngày " + day,
                    "2026-11-0" + day + "T07:00:00Z")
                .toBuilder()
                .price(org.markwatch.model.Money.vnd(100_000 * day))
                .build();
        store.save(new ScoredListing(l, Fixtures.clean("shopee:9")));
      }
      assertThat(count(db, "SELECT COUNT(*) FROM observations WHERE listing_id = 'shopee:9'"))
          .isEqualTo(3);
      assertThat(count(db, "SELECT MAX(price_amount) FROM observations")).isEqualTo(300_000);
      assertThat(count(db, "SELECT price_amount FROM listings WHERE id = 'shopee:9'"))
          .isEqualTo(300_000);
    }
  }

  /** N listings at one fixed observation time, as a fixed-clock demo crawl writes them. */
  private static List<ScoredListing> batch(String ruleset, double weight) {
    List<ScoredListing> out = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      String id = "shopee:" + i;
      Listing l =
          Fixtures.listing(
              id, "shopee", "shopee:shop:" + (i % 17), "Tai nghe số " + i, "2026-11-01T07:00:00Z");
      boolean flagged = i % 2 == 0;
      double score = flagged ? weight + i / 1000.0 : 0.05;
      out.add(
          new ScoredListing(
              l,
              Scored.of(
                  id,
                  ruleset,
                  score,
                  flagged,
                  flagged ? List.of("counterfeit") : List.of(),
                  List.of(),
                  List.of())));
    }
    return out;
  }

  private static long count(Database db, String sql) throws Exception {
    try (Connection c = db.connection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
