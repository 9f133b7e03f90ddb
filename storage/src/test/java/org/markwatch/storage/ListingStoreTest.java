package org.markwatch.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Listing;

class ListingStoreTest {

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void replayingTheSameBatchChangesNoRow(TestDatabase.Backend backend) throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      ListingStore store = new ListingStore(db.dataSource());
      SaveResult first = store.saveAll(Fixtures.sample());
      assertThat(first.stored()).isEqualTo(6);
      assertThat(first.rejected()).isEmpty();
      List<String> before = Snapshot.of(db.dataSource());
      assertThat(before).filteredOn(r -> r.startsWith("listings:")).hasSize(6);
      assertThat(before).filteredOn(r -> r.startsWith("sellers:")).hasSize(3);
      assertThat(before).filteredOn(r -> r.startsWith("verdict_violations:")).hasSize(6);

      store.saveAll(Fixtures.sample());
      for (ScoredListing one : Fixtures.sample()) {
        store.save(one);
      }
      assertThat(Snapshot.of(db.dataSource())).containsExactlyElementsOf(before);
    }
  }

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void newerObservationWinsAndOlderOneIsIgnored(TestDatabase.Backend backend) throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      ListingStore store = new ListingStore(db.dataSource());
      Listing noon =
          Fixtures.listing(
              "shopee:9", "shopee", "shopee:shop:z", "Túi Gucci", "2026-11-02T12:00:00Z");
      store.save(
          new ScoredListing(
              noon, Fixtures.flagged("shopee:9", 0.9, List.of("counterfeit"), "gucci")));

      Listing evening =
          Fixtures.listing(
              "shopee:9",
              "shopee",
              "shopee:shop:z",
              "Túi Gucci chính hãng",
              "2026-11-02T18:00:00Z");
      store.save(new ScoredListing(evening, Fixtures.clean("shopee:9")));
      List<String> afterEvening = Snapshot.of(db.dataSource());

      Listing morning =
          Fixtures.listing(
              "shopee:9", "shopee", "shopee:shop:z", "Túi Gucci rep", "2026-11-02T06:00:00Z");
      store.save(
          new ScoredListing(
              morning, Fixtures.flagged("shopee:9", 0.99, List.of("counterfeit"), "gucci")));

      StoredListing stored = store.find("shopee:9").orElseThrow();
      assertThat(stored.title()).isEqualTo("Túi Gucci chính hãng");
      assertThat(stored.flagged()).isFalse();
      assertThat(stored.violations()).isEmpty();
      assertThat(JsonCodec.decodeListing(stored.listingJson()).value()).isEqualTo(evening);
      // Only the seller's first_seen (and its province history's) moves back to the morning. The
      // morning observation joins the history (observations, observation_verdicts).
      List<String> afterMorning = Snapshot.of(db.dataSource());
      java.util.function.Predicate<String> current =
          r -> !r.startsWith("seller") && !r.startsWith("observation");
      assertThat(afterMorning)
          .filteredOn(current)
          .containsExactlyElementsOf(afterEvening.stream().filter(current).toList());
      assertThat(afterMorning)
          .filteredOn(r -> r.startsWith("observations:"))
          .hasSize(3)
          .anySatisfy(r -> assertThat(r).contains("title=Túi Gucci rep"));
      assertThat(afterMorning)
          .filteredOn(r -> r.startsWith("sellers:"))
          .singleElement()
          .asString()
          .contains("first_seen=2026-11-02 06:00:00")
          .contains("last_seen=2026-11-02 18:00:00");
    }
  }

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void observationsWithTheSameTimestampLandTheSameInAnyOrder(TestDatabase.Backend backend)
      throws Exception {
    String at = "2026-11-02T12:00:00Z";
    ScoredListing one =
        new ScoredListing(
            Fixtures.listing("shopee:7", "shopee", "shopee:shop:q", "Túi Gucci", at),
            Fixtures.flagged("shopee:7", 0.9, List.of("counterfeit"), "gucci"));
    ScoredListing other =
        new ScoredListing(
            Fixtures.listing("shopee:7", "shopee", "shopee:shop:q", "Túi Gucci Marmont", at),
            Fixtures.clean("shopee:7"));
    List<String> forward;
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      ListingStore store = new ListingStore(db.dataSource());
      store.save(one);
      store.save(other);
      forward = Snapshot.of(db.dataSource());
    }
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      ListingStore store = new ListingStore(db.dataSource());
      store.save(other);
      store.save(one);
      assertThat(Snapshot.of(db.dataSource())).containsExactlyElementsOf(forward);
    }
  }

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void findReturnsListingAndVerdictJson(TestDatabase.Backend backend) throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      ListingStore store = new ListingStore(db.dataSource());
      store.saveAll(Fixtures.sample());
      ScoredListing expected = Fixtures.sample().get(0);
      StoredListing got = store.find("shopee:1").orElseThrow();
      assertThat(got.platform()).isEqualTo("shopee");
      assertThat(got.sellerName()).isEqualTo("Shop shopee:shop:a");
      assertThat(got.priceAmount()).isEqualByComparingTo("450000");
      assertThat(got.priceCurrency()).isEqualTo("VND");
      assertThat(got.score()).isEqualTo(0.95);
      assertThat(got.flagged()).isTrue();
      assertThat(got.violations()).containsExactly("counterfeit", "ip_infringing");
      assertThat(JsonCodec.decodeListing(got.listingJson()).value()).isEqualTo(expected.listing());
      assertThat(JsonCodec.decodeScored(got.scoredJson()).value()).isEqualTo(expected.scored());
      assertThat(got.observedAt()).hasToString("2026-11-01T07:00:00Z");
      // +07:00 is stored as the same instant.
      assertThat(store.find("tiki:1").orElseThrow().observedAt())
          .hasToString("2026-11-01T01:00:00Z");
      assertThat(store.find("nope:1")).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void recordThatDoesNotFitIsRefusedWithItsFieldAndTheRestIsStored(TestDatabase.Backend backend)
      throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      ListingStore store = new ListingStore(db.dataSource());
      List<ScoredListing> batch = new ArrayList<>(Fixtures.sample());
      Listing longSeller =
          Listing.builder(
                  "shopee:77", "shopee", "https://shopee.example.vn/77", "2026-11-01T00:00:00Z")
              .title("x")
              .seller(
                  new org.markwatch.model.Seller(
                      "shopee:shop:77",
                      "n",
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      "0".repeat(40),
                      null,
                      null,
                      null,
                      null,
                      null))
              .build();
      Listing badTime =
          Listing.builder("shopee:78", "shopee", "https://shopee.example.vn/78", "yesterday")
              .title("x")
              .build();
      batch.add(2, new ScoredListing(longSeller, Fixtures.clean("shopee:77")));
      batch.add(new ScoredListing(badTime, Fixtures.clean("shopee:78")));
      SaveResult result = store.saveAll(batch);
      assertThat(result.stored()).isEqualTo(6);
      assertThat(result.rejected())
          .extracting(SaveResult.Rejected::index, SaveResult.Rejected::listingId)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(2, "shopee:77"),
              org.assertj.core.groups.Tuple.tuple(7, "shopee:78"));
      assertThat(result.rejected().get(0).reason())
          .isEqualTo("seller.taxCode: 40 characters, the database keeps at most 32");
      assertThat(result.rejected().get(1).reason()).contains("observedAt").contains("yesterday");
      assertThat(store.find("shopee:77")).isEmpty();
      assertThatThrownBy(() -> store.save(batch.get(7)))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("shopee:78");
    }
  }

  @Test
  void aRecordTheDatabaseRefusesCostsOnlyItselfInABatch() throws Exception {
    // PostgreSQL text cannot hold NUL, which scraped pages do contain: the batch fails, and the
    // store retries record by record.
    try (TestDatabase scratch = TestDatabase.create(TestDatabase.Backend.POSTGRES);
        Database db = Database.open(scratch.settings())) {
      ListingStore store = new ListingStore(db.dataSource());
      List<ScoredListing> batch = new ArrayList<>(Fixtures.sample());
      Listing withNul =
          Fixtures.listing(
              "shopee:nul", "shopee", "shopee:shop:a", "Túi\u0000 xách", "2026-11-01T00:00:00Z");
      batch.add(3, new ScoredListing(withNul, Fixtures.clean("shopee:nul")));
      SaveResult result = store.saveAll(batch);
      assertThat(result.stored()).isEqualTo(6);
      assertThat(result.rejected())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.index()).isEqualTo(3);
                assertThat(r.listingId()).isEqualTo("shopee:nul");
                assertThat(r.reason()).contains("0x00").contains("SQLState");
              });
      assertThat(store.find("shopee:2")).isPresent();
    }
  }

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void concurrentBatchesOverTheSameSellersAllLand(TestDatabase.Backend backend) throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      ListingStore store = new ListingStore(db.dataSource());
      List<ScoredListing> forward = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String id = "shopee:c" + i;
        forward.add(
            new ScoredListing(
                Fixtures.listing(
                    id,
                    "shopee",
                    "shopee:shop:s" + (i % 5),
                    "Túi " + i,
                    "2026-11-01T00:00:" + String.format("%02d", i) + "Z"),
                Fixtures.clean(id)));
      }
      List<ScoredListing> backward = new ArrayList<>(forward);
      java.util.Collections.reverse(backward);
      var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
      try {
        for (int round = 0; round < 10; round++) {
          var a = pool.submit(() -> store.saveAll(forward));
          var b = pool.submit(() -> store.saveAll(backward));
          assertThat(a.get().rejected()).isEmpty();
          assertThat(b.get().rejected()).isEmpty();
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(Snapshot.of(db.dataSource())).filteredOn(r -> r.startsWith("sellers:")).hasSize(5);
    }
  }

  @Test
  void anUnreachableDatabaseFailsTheCallInsteadOfRefusingRecords() {
    // Port 1 on loopback: nothing listens, the connection is refused (SQLState 08001).
    try (Database db =
        Database.openWithoutMigrating(
            new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/markwatch", "postgres", ""))) {
      ListingStore store = new ListingStore(db.dataSource());
      assertThatThrownBy(() -> store.saveAll(Fixtures.sample()))
          .isInstanceOf(StorageException.class)
          .hasMessageStartingWith("database unavailable:")
          .hasMessageContaining("SQLState 08");
    }
  }
}
