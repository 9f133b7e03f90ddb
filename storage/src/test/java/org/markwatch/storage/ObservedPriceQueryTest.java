package org.markwatch.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.markwatch.model.BrandHit;
import org.markwatch.model.Listing;
import org.markwatch.model.Money;
import org.markwatch.model.Scored;

class ObservedPriceQueryTest {
  private static final Instant SINCE = Instant.parse("2026-10-01T00:00:00Z");
  private static final Set<String> CATALOG = Set.of("nike", "vans", "gucci");

  private static int next;

  private static ScoredListing stored(
      String title,
      long price,
      String currency,
      String observedAt,
      List<String> violations,
      BrandHit... brands) {
    String id = "shop:" + (++next);
    Listing l =
        Listing.builder(id, "shop", "https://shop.example.vn/" + next, observedAt)
            .title(title)
            .price(new Money(BigDecimal.valueOf(price), currency))
            .build();
    Scored s =
        Scored.of(
            id,
            "test",
            violations.isEmpty() ? 0.1 : 0.9,
            !violations.isEmpty(),
            violations,
            List.of(brands),
            List.of());
    return new ScoredListing(l, s);
  }

  private static BrandHit title(String brand) {
    return new BrandHit(brand, brand, "title", "exact");
  }

  /**
   * Stored listings whose groups are known: nike shoes median 3,000,000 MAD 1,000,000 over 5; vans
   * 1,700,000 / 200,000 over 4.
   */
  static List<ScoredListing> market() {
    List<ScoredListing> out = new ArrayList<>();
    String at = "2026-11-01T08:00:00Z";
    for (long p : new long[] {1_000_000, 2_000_000, 3_000_000, 4_000_000, 10_000_000}) {
      out.add(stored("Giày Nike Air Force 1", p, "VND", at, List.of(), title("nike")));
    }
    for (long p : new long[] {1_200_000, 1_600_000, 1_800_000, 2_000_000}) {
      out.add(
          stored(
              "Giày Vans Old Skool",
              p,
              "VND",
              at,
              List.of(),
              new BrandHit("vans", "Vans", "claimed", "claimed")));
    }
    // left out: counterfeit verdicts (their prices would pull the median down)
    out.add(stored("Giày Nike rep 1:1", 150_000, "VND", at, List.of("counterfeit"), title("nike")));
    out.add(
        stored(
            "Giày Nike siêu cấp",
            180_000,
            "VND",
            at,
            List.of("misleading", "counterfeit"),
            title("nike")));
    // left out: brand only in the text, two brands, a brand the catalog does not know
    out.add(
        stored(
            "Giày thể thao nam",
            100_000,
            "VND",
            at,
            List.of(),
            new BrandHit("nike", "Nike", "text", "exact")));
    out.add(
        stored("Giày Nike và Vans", 100_000, "VND", at, List.of(), title("nike"), title("vans")));
    out.add(stored("Giày Acme", 100_000, "VND", at, List.of(), title("acme")));
    // left out: no product type in the title
    out.add(stored("Nike Air Force 1", 100_000, "VND", at, List.of(), title("nike")));
    // left out: too few in its group
    out.add(stored("Túi Gucci Marmont", 50_000_000, "VND", at, List.of(), title("gucci")));
    // not read at all: observed before --since, another currency, no price
    out.add(
        stored(
            "Giày Nike Air Force 1",
            100_000,
            "VND",
            "2026-09-30T23:59:59Z",
            List.of(),
            title("nike")));
    out.add(stored("Giày Nike Air Force 1", 100, "USD", at, List.of(), title("nike")));
    return out;
  }

  /** Product type by a word of the title; no product lines. */
  private static List<ObservedPriceQuery.Reading> types(List<String> titles, List<String> brands) {
    return titles.stream()
        .map(
            t ->
                new ObservedPriceQuery.Reading(
                    t.contains("Giày") ? "shoes" : t.contains("Túi") ? "bag" : null, null))
        .toList();
  }

  /** Product type as {@link #types}, and a line where the title names one of two lines. */
  private static List<ObservedPriceQuery.Reading> typesAndLines(
      List<String> titles, List<String> brands) {
    List<ObservedPriceQuery.Reading> out = new ArrayList<>();
    List<ObservedPriceQuery.Reading> types = types(titles, brands);
    for (int i = 0; i < titles.size(); i++) {
      String t = titles.get(i);
      String line =
          t.contains("Air Force 1")
              ? "Air Force 1"
              : t.contains("Air Jordan 1") ? "Air Jordan 1" : null;
      out.add(new ObservedPriceQuery.Reading(types.get(i).type(), line));
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void mediansAndMadsOfTheStoredMarketWithoutCounterfeits(TestDatabase.Backend backend)
      throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      assertThat(new ListingStore(db.dataSource()).saveAll(market()).rejected()).isEmpty();
      ObservedPriceQuery.Result r =
          new ObservedPriceQuery(db.dataSource())
              .observe(SINCE, 3, CATALOG::contains, ObservedPriceQueryTest::types);
      assertThat(r.groups())
          .containsExactly(
              new ObservedPriceQuery.Group("nike", "", "shoes", 3_000_000, 1_000_000, 5),
              new ObservedPriceQuery.Group("vans", "", "shoes", 1_700_000, 200_000, 4));
      assertThat(r.priced()).isEqualTo(14);
      assertThat(r.counterfeit()).isEqualTo(2);
      assertThat(r.noBrand()).isEqualTo(3);
      assertThat(r.noType()).isEqualTo(1);
      assertThat(r.tooFew()).isEqualTo(1);
      assertThat(r.used()).isEqualTo(9);

      // min-samples decides which groups are reported
      assertThat(
              new ObservedPriceQuery(db.dataSource())
                  .observe(SINCE, 5, CATALOG::contains, ObservedPriceQueryTest::types)
                  .groups())
          .extracting(ObservedPriceQuery.Group::brand)
          .containsExactly("nike");
      assertThat(
              new ObservedPriceQuery(db.dataSource())
                  .observe(SINCE, 1, CATALOG::contains, ObservedPriceQueryTest::types)
                  .groups())
          .extracting(ObservedPriceQuery.Group::brand)
          .containsExactly("gucci", "nike", "vans");
      // an earlier --since takes in the older listing and moves the median
      assertThat(
              new ObservedPriceQuery(db.dataSource())
                  .observe(
                      Instant.parse("2026-09-01T00:00:00Z"),
                      3,
                      CATALOG::contains,
                      ObservedPriceQueryTest::types)
                  .groups()
                  .get(0))
          .isEqualTo(new ObservedPriceQuery.Group("nike", "", "shoes", 2_500_000, 1_500_000, 6));
    }
  }

  @Test
  void aProductLineHasItsOwnGroupBesideItsBrands() throws Exception {
    try (TestDatabase scratch = TestDatabase.create(TestDatabase.Backend.H2);
        Database db = Database.open(scratch.settings())) {
      List<ScoredListing> market = new ArrayList<>();
      String at = "2026-11-01T08:00:00Z";
      for (long p : new long[] {1_000_000, 2_000_000, 3_000_000}) {
        market.add(stored("Giày Nike Air Force 1", p, "VND", at, List.of(), title("nike")));
      }
      for (long p : new long[] {6_000_000, 7_000_000, 9_000_000}) {
        market.add(stored("Giày Nike Air Jordan 1", p, "VND", at, List.of(), title("nike")));
      }
      market.add(stored("Giày Nike chạy bộ", 4_000_000, "VND", at, List.of(), title("nike")));
      assertThat(new ListingStore(db.dataSource()).saveAll(market).rejected()).isEmpty();
      ObservedPriceQuery.Result r =
          new ObservedPriceQuery(db.dataSource())
              .observe(SINCE, 3, CATALOG::contains, ObservedPriceQueryTest::typesAndLines);
      assertThat(r.groups())
          .containsExactly(
              // every listing of the brand, whatever its line
              new ObservedPriceQuery.Group("nike", "", "shoes", 4_000_000, 2_000_000, 7),
              new ObservedPriceQuery.Group("nike", "Air Force 1", "shoes", 2_000_000, 1_000_000, 3),
              new ObservedPriceQuery.Group(
                  "nike", "Air Jordan 1", "shoes", 7_000_000, 1_000_000, 3));
      assertThat(r.used()).as("a line's listings are not counted twice").isEqualTo(7);

      // a line's group under --min-samples is not reported; its listings stay in the brand's
      ObservedPriceQuery.Result four =
          new ObservedPriceQuery(db.dataSource())
              .observe(SINCE, 4, CATALOG::contains, ObservedPriceQueryTest::typesAndLines);
      assertThat(four.groups()).extracting(ObservedPriceQuery.Group::line).containsExactly("");
      assertThat(four.tooFew()).isZero();

      // stored with their line, as a running job reads them
      new ObservedPriceStore(db.dataSource()).replaceAll(r.groups(), Instant.parse(at));
      assertThat(new ObservedPriceStore(db.dataSource()).all())
          .extracting(ObservedPriceStore.Price::line)
          .containsExactlyInAnyOrder("", "Air Force 1", "Air Jordan 1");
    }
  }

  @Test
  void anUnreadableStoredVerdictIsNamedByItsListing() throws Exception {
    try (TestDatabase scratch = TestDatabase.create(TestDatabase.Backend.H2);
        Database db = Database.open(scratch.settings())) {
      ScoredListing one =
          stored(
              "Giày Nike Air Force 1",
              2_000_000,
              "VND",
              "2026-11-01T08:00:00Z",
              List.of(),
              title("nike"));
      assertThat(new ListingStore(db.dataSource()).saveAll(List.of(one)).rejected()).isEmpty();
      try (var c = db.dataSource().getConnection();
          var st = c.prepareStatement("UPDATE verdicts SET scored_json = ?")) {
        st.setString(1, "{not json");
        st.executeUpdate();
      }
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  new ObservedPriceQuery(db.dataSource())
                      .observe(SINCE, 1, CATALOG::contains, ObservedPriceQueryTest::types))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("verdict of listing " + one.listing().id())
          .hasMessageContaining("re-score");
    }
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(ObservedPriceQuery.median(new long[] {5})).isEqualTo(5);
    assertThat(ObservedPriceQuery.median(new long[] {9, 1, 5})).isEqualTo(5);
    assertThat(ObservedPriceQuery.median(new long[] {4, 1, 2, 3})).isEqualTo(2);
    assertThatThrownBy(() -> ObservedPriceQuery.median(new long[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
