package org.markwatch.storage.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.markwatch.model.Listing;
import org.markwatch.model.Scored;
import org.markwatch.storage.Database;
import org.markwatch.storage.Fixtures;
import org.markwatch.storage.ListingStore;
import org.markwatch.storage.ScoredListing;
import org.markwatch.storage.TestDatabase;

/** A period's report counts only its listings, by month in Vietnam time, and breaks them down. */
class ReportQueryTest {
  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void countsThePeriodByMonthPlatformViolationBrandCategoryAndSeller(TestDatabase.Backend backend)
      throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      ListingStore store = new ListingStore(db.dataSource());
      // 31 Jan 2026 18:00 UTC is 1 Feb in Vietnam (UTC+7): counted in February
      store.save(
          flagged(
              "r:1", "chosi", "s:1", "2026-01-31T18:00:00Z", "counterfeit", "gucci", "Túi xách"));
      store.save(
          flagged(
              "r:2", "chosi", "s:1", "2026-01-10T03:00:00Z", "counterfeit", "gucci", "Túi xách"));
      store.save(
          flagged("r:3", "muaban", "s:2", "2026-03-05T03:00:00Z", "prohibited", "nike", "Giày"));
      store.save(clean("r:4", "muaban", "s:2", "2026-03-06T03:00:00Z"));
      store.save(
          flagged(
              "r:5", "chosi", "s:3", "2025-12-01T03:00:00Z", "counterfeit", "gucci", "Túi xách"));

      AtomicLong progress = new AtomicLong();
      Report r =
          new ReportQuery(db.dataSource())
              .report(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), progress::addAndGet);
      assertThat(progress.get()).isEqualTo(4);
      assertThat(r.listings()).isEqualTo(4);
      assertThat(r.flagged()).isEqualTo(3);
      assertThat(r.trend())
          .containsExactly(
              new Report.Month(YearMonth.of(2026, 1), 1, 1),
              new Report.Month(YearMonth.of(2026, 2), 1, 1),
              new Report.Month(YearMonth.of(2026, 3), 2, 1));
      assertThat(r.byPlatform())
          .containsExactly(
              new Report.Count("chosi", "chosi", 2, 2), new Report.Count("muaban", "muaban", 2, 1));
      assertThat(r.byViolation())
          .extracting(Report.Count::key, Report.Count::flagged)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("counterfeit", 2L),
              org.assertj.core.groups.Tuple.tuple("prohibited", 1L));
      assertThat(r.byBrand()).extracting(Report.Count::key).containsExactly("gucci", "nike");
      assertThat(r.byCategory()).extracting(Report.Count::key).containsExactly("Túi xách", "Giày");
      assertThat(r.byProvince()).extracting(Report.Count::label).containsExactly("Hà Nội");
      assertThat(r.topSellers())
          .extracting(Report.SellerRow::sellerId, Report.SellerRow::flagged)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("s:1", 2L),
              org.assertj.core.groups.Tuple.tuple("s:2", 1L));
    }
  }

  static ScoredListing flagged(
      String id,
      String platform,
      String seller,
      String at,
      String violation,
      String brand,
      String category) {
    Listing base = Fixtures.listing(id, platform, seller, "Hàng " + brand, at);
    Listing l =
        Listing.builder(id, platform, base.url(), at)
            .title(base.title())
            .seller(base.seller())
            .category(List.of(category))
            .build();
    Scored s = Fixtures.flagged(id, 0.9, List.of(violation), brand);
    return new ScoredListing(l, s);
  }

  static ScoredListing clean(String id, String platform, String seller, String at) {
    return new ScoredListing(
        Fixtures.listing(id, platform, seller, "Áo thun", at), Fixtures.clean(id));
  }
}
