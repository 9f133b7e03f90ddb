package org.markwatch.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.markwatch.model.Listing;
import org.markwatch.model.Money;
import org.markwatch.model.Scored;

/**
 * Two writers upsert the same listings at once (issue 14): no duplicate rows, no lost update (the
 * newest observation of each listing wins whichever writer commits last); and a batch that fails in
 * the middle of its transaction leaves nothing of the failing record behind.
 */
class ConcurrentWritersTest {
  private static final int LISTINGS = 100;
  private static final int ROUNDS = 3;

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void twoWritersUpsertingTheSameListingsLoseNothing(TestDatabase.Backend backend)
      throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      ListingStore a = new ListingStore(db.dataSource());
      ListingStore b = new ListingStore(db.dataSource());
      CyclicBarrier start = new CyclicBarrier(2);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        // Writer A writes the even days, writer B the odd days, of the same listings, at once.
        Future<Integer> fa = pool.submit(() -> write(a, start, 0));
        Future<Integer> fb = pool.submit(() -> write(b, start, 1));
        assertThat(fa.get() + fb.get()).isEqualTo(2 * ROUNDS * LISTINGS);
      } finally {
        pool.shutdownNow();
      }
      int lastDay = 2 * ROUNDS - 1;
      assertThat(count(db, "SELECT COUNT(*) FROM listings")).isEqualTo(LISTINGS);
      assertThat(count(db, "SELECT COUNT(*) FROM verdicts")).isEqualTo(LISTINGS);
      assertThat(count(db, "SELECT COUNT(*) FROM sellers")).isEqualTo(10);
      assertThat(count(db, "SELECT COUNT(*) FROM observations"))
          .isEqualTo((long) LISTINGS * 2 * ROUNDS);
      // No lost update: every listing carries its newest observation, whoever wrote it.
      assertThat(count(db, "SELECT COUNT(*) FROM listings WHERE price_amount = " + price(lastDay)))
          .isEqualTo(LISTINGS);
      assertThat(
              count(
                  db,
                  "SELECT COUNT(*) FROM verdicts v JOIN listings l ON l.id = v.listing_id"
                      + " WHERE v.observation_id = l.content_sha256"))
          .isEqualTo(LISTINGS);
      assertThat(count(db, "SELECT COUNT(DISTINCT listing_id) FROM reviews"))
          .isEqualTo(LISTINGS / 2);
    }
  }

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void aBatchThatFailsMidTransactionLeavesNothingOfTheFailingRecord(TestDatabase.Backend backend)
      throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      // The database refuses one verdict, after the batch's sellers, listings and observations were
      // written in the same transaction: the transaction is rolled back, then each record is
      // retried alone; the refused one leaves no row anywhere.
      try (Connection c = db.connection();
          Statement st = c.createStatement()) {
        st.execute(
            "ALTER TABLE verdicts ADD CONSTRAINT test_refuses_one CHECK (listing_id <> 'shopee:50')");
      }
      SaveResult r = new ListingStore(db.dataSource()).saveAll(day(0));
      assertThat(r.stored()).isEqualTo(LISTINGS - 1);
      assertThat(r.rejected())
          .singleElement()
          .satisfies(
              x -> {
                assertThat(x.listingId()).isEqualTo("shopee:50");
                assertThat(x.reason()).containsIgnoringCase("test_refuses_one");
              });
      for (String table :
          List.of(
              "listings WHERE id",
              "observations WHERE listing_id",
              "verdicts WHERE listing_id",
              "observation_verdicts WHERE listing_id",
              "reviews WHERE listing_id")) {
        assertThat(count(db, "SELECT COUNT(*) FROM " + table + " = 'shopee:50'"))
            .as(table)
            .isZero();
      }
      assertThat(count(db, "SELECT COUNT(*) FROM listings")).isEqualTo(LISTINGS - 1);
    }
  }

  private static int write(ListingStore store, CyclicBarrier start, int parity) throws Exception {
    start.await();
    int stored = 0;
    for (int round = 0; round < ROUNDS; round++) {
      SaveResult r = store.saveAll(day(2 * round + parity));
      assertThat(r.rejected()).isEmpty();
      stored += r.stored();
    }
    return stored;
  }

  private static List<ScoredListing> day(int day) {
    List<ScoredListing> out = new ArrayList<>();
    for (int i = 0; i < LISTINGS; i++) {
      String id = "shopee:" + i;
      Listing l =
          Fixtures.listing(
                  id,
                  "shopee",
                  "shopee:shop:" + (i % 10),
                  "Tai nghe " + i,
                  String.format("2026-11-%02dT07:00:00Z", day + 1))
              .toBuilder()
              .price(Money.vnd(price(day)))
              .build();
      boolean flagged = i % 2 == 0;
      out.add(
          new ScoredListing(
              l,
              Scored.of(
                  id,
                  "rules-test-1",
                  flagged ? 0.9 : 0.1,
                  flagged,
                  flagged ? List.of("counterfeit") : List.of(),
                  List.of(),
                  List.of())));
    }
    return out;
  }

  private static long price(int day) {
    return 100_000L + day * 1_000L;
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
