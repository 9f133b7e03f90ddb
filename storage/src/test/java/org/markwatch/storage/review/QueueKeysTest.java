package org.markwatch.storage.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.markwatch.model.Money;
import org.markwatch.model.Scored;
import org.markwatch.storage.BulkLoader;
import org.markwatch.storage.Database;
import org.markwatch.storage.Fixtures;
import org.markwatch.storage.ListingStore;
import org.markwatch.storage.ScoredListing;
import org.markwatch.storage.TestDatabase;
import org.markwatch.storage.jurisdiction.Jurisdiction;

/**
 * The queue's denormalised keys (V74's sort keys on each violation row, V75's {@code queue_search}
 * of the flagged listings) say what the rows they copy say, after a first save, a rescore by a new
 * ruleset (scores, flags and violations change), a new observation (price and time change) and a
 * decision; and the COPY path writes them as the MERGE path does.
 */
class QueueKeysTest {
  private static final Jurisdiction CHIEF = Jurisdiction.national("chief");

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void theCopiesFollowRescoresNewObservationsAndDecisions(TestDatabase.Backend backend)
      throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      ReviewStoreTest.seed(db);
      assertKeysMatch(db);
      assertThat(searchIds(db)).containsExactly("shopee:hn1", "shopee:hn2", "shopee:sg1");

      // a rescore by a new ruleset: hn1 drops, sg1 changes violation, ok becomes flagged
      ListingStore store = new ListingStore(db.dataSource());
      store.saveAll(
          List.of(
              rescored("shopee:hn1", "shop-hn", "Hà Nội", "Túi LV rep 1:1", 0.2, false, List.of()),
              rescored(
                  "shopee:hn2",
                  "shop-hn",
                  "Hà Nội",
                  "Giày Nike super fake",
                  0.7,
                  true,
                  List.of("counterfeit")),
              rescored(
                  "shopee:sg1",
                  "shop-sg",
                  "tỉnh Bình Dương",
                  "Nước hoa Chanel xách tay",
                  0.85,
                  true,
                  List.of("smuggled", "misleading")),
              rescored(
                  "shopee:ok",
                  "shop-sg",
                  "Bình Dương",
                  "Balo laptop",
                  0.91,
                  true,
                  List.of("counterfeit"))));
      assertKeysMatch(db);
      assertThat(searchIds(db)).containsExactly("shopee:hn2", "shopee:ok", "shopee:sg1");
      assertThat(
              strings(
                  db,
                  "SELECT listing_id || '/' || violation || '/' || CAST(score AS VARCHAR(20))"
                      + " FROM verdict_violations WHERE flagged ORDER BY listing_id, violation"))
          .containsExactly(
              "shopee:hn2/counterfeit/0.7",
              "shopee:ok/counterfeit/0.91",
              "shopee:sg1/misleading/0.85",
              "shopee:sg1/smuggled/0.85");

      // a newer observation with another price and title, same ruleset: the listing's keys move
      store.saveAll(
          List.of(
              new ScoredListing(
                  Fixtures.listing(
                          "shopee:hn2",
                          "shopee",
                          "shopee:shop:shop-hn",
                          "Giày Nike đỏ",
                          "2026-11-02T07:00:00Z")
                      .toBuilder()
                      .price(Money.vnd(99_000))
                      .build(),
                  Scored.of(
                      "shopee:hn2",
                      "rules-test-2",
                      0.7,
                      true,
                      List.of("counterfeit"),
                      List.of(),
                      List.of()))));
      assertKeysMatch(db);
      assertThat(
              strings(
                  db,
                  "SELECT CAST(price_amount AS VARCHAR(30)) FROM verdict_violations"
                      + " WHERE listing_id = 'shopee:hn2'"))
          .containsExactly("99000.00");
      assertThat(
              strings(db, "SELECT search_folded FROM queue_search WHERE listing_id = 'shopee:hn2'"))
          .singleElement()
          .asString()
          .contains("giay nike do");

      // a decision changes the review, not the keys; the listing stays in the copies
      new ReviewStore(db.dataSource())
          .decide(
              CHIEF,
              DecisionRequest.of(
                  "shopee:sg1", ReviewState.CONFIRMED, "counterfeit_confirmed", null));
      assertKeysMatch(db);
      assertThat(searchIds(db)).containsExactly("shopee:hn2", "shopee:ok", "shopee:sg1");
    }
  }

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void theCopyPathWritesTheSameKeys(TestDatabase.Backend backend) throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      List<ScoredListing> records = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        String id = "bulk:" + i;
        boolean flagged = i % 3 != 0;
        records.add(
            new ScoredListing(
                Fixtures.listing(
                    id,
                    "bulk",
                    "bulk:shop:" + (i % 4),
                    "Nước hoa số " + i,
                    "2026-11-01T0" + (i % 10) + ":00:00Z"),
                Scored.of(
                    id,
                    "rules-bulk",
                    0.5 + i / 100.0,
                    flagged,
                    flagged ? List.of(i % 2 == 0 ? "counterfeit" : "smuggled") : List.of(),
                    List.of(),
                    List.of())));
      }
      new BulkLoader(db).load(records, BulkLoader.Method.COPY);
      assertKeysMatch(db);
      assertThat(searchIds(db)).hasSize(20);
    }
  }

  private static ScoredListing rescored(
      String id,
      String shop,
      String province,
      String title,
      double score,
      boolean flagged,
      List<String> violations) {
    return new ScoredListing(
        ReviewStoreTest.listing(id, shop, province, title),
        Scored.of(id, "rules-test-2", score, flagged, violations, List.of(), List.of()));
  }

  /** Every copy equals its source; queue_search holds exactly the flagged verdicts. */
  private static void assertKeysMatch(Database db) throws Exception {
    assertThat(
            strings(
                db,
                """
                SELECT vv.listing_id || '/' || vv.violation FROM verdict_violations vv
                JOIN verdicts v ON v.listing_id = vv.listing_id
                JOIN listings l ON l.id = vv.listing_id
                WHERE vv.flagged IS NULL OR vv.flagged <> v.flagged OR vv.score IS NULL
                   OR vv.score <> v.score OR vv.observed_at <> l.observed_at
                   OR (vv.price_amount IS NULL) <> (l.price_amount IS NULL)
                   OR vv.price_amount <> l.price_amount
                """))
        .as("violation rows whose keys differ from their verdict and listing")
        .isEmpty();
    assertThat(
            strings(
                db,
                "SELECT COUNT(*) FROM verdict_violations vv WHERE NOT EXISTS"
                    + " (SELECT 1 FROM verdicts v WHERE v.listing_id = vv.listing_id)"))
        .containsExactly("0");
    assertThat(
            strings(
                db,
                """
                SELECT q.listing_id FROM queue_search q
                LEFT JOIN verdicts v ON v.listing_id = q.listing_id
                LEFT JOIN listings l ON l.id = q.listing_id
                WHERE v.listing_id IS NULL OR NOT v.flagged OR q.score <> v.score
                   OR q.search_folded <> l.search_folded
                """))
        .as("queue_search rows that differ from their verdict and listing")
        .isEmpty();
    assertThat(searchIds(db))
        .containsExactlyElementsOf(
            strings(db, "SELECT listing_id FROM verdicts WHERE flagged ORDER BY listing_id"));
  }

  private static List<String> searchIds(Database db) throws Exception {
    return strings(db, "SELECT listing_id FROM queue_search ORDER BY listing_id");
  }

  private static List<String> strings(Database db, String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = db.connection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
