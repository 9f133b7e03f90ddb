package org.markwatch.portal.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.markwatch.model.Listing;
import org.markwatch.model.Money;
import org.markwatch.model.Scored;
import org.markwatch.model.Seller;
import org.markwatch.portal.security.Viewer;
import org.markwatch.storage.Database;
import org.markwatch.storage.ListingStore;
import org.markwatch.storage.ScoredListing;
import org.markwatch.storage.TestDatabase;
import org.markwatch.storage.jurisdiction.Jurisdiction;

/**
 * Keyset paging of the queue on H2 and PostgreSQL: following the "next" cursors from the first page
 * reads every flagged listing once, in the sort's order (ties on the key broken by listing id,
 * listings without a price last), and the "previous" cursors read the same pages back; a search
 * (the UNION form) pages the same way.
 */
class QueuePagingTest {
  private static final int LISTINGS = 260;

  /** One generated listing as the expected order sees it. */
  private record Row(
      String id, double score, BigDecimal price, Instant observed, boolean flagged) {}

  static List<TestDatabase.Backend> backends() {
    return TestDatabase.backends().toList();
  }

  @ParameterizedTest
  @MethodSource("backends")
  void nextAndPreviousCursorsWalkEveryFlaggedListingOnceInOrder(TestDatabase.Backend backend)
      throws Exception {
    try (TestDatabase t = TestDatabase.create(backend);
        Database db = Database.open(t.settings())) {
      List<Row> rows = store(db);
      QueueQuery query = new QueueQuery(db.dataSource());
      Viewer viewer = new Viewer("ana", Set.of("ANALYST"), Jurisdiction.national("ana"));
      List<Row> flagged = rows.stream().filter(Row::flagged).toList();
      Comparator<Row> byId = Comparator.comparing(Row::id);
      Comparator<Row> noPriceLast =
          Comparator.comparing((Row r) -> r.price() == null); // false (a price) first
      expectPages(
          query,
          viewer,
          "score",
          "",
          flagged.stream()
              .sorted(Comparator.comparingDouble(Row::score).thenComparing(byId).reversed())
              .toList());
      expectPages(
          query,
          viewer,
          "date",
          "",
          flagged.stream()
              .sorted(Comparator.comparing(Row::observed).thenComparing(byId).reversed())
              .toList());
      expectPages(
          query,
          viewer,
          "price",
          "",
          flagged.stream()
              .sorted(
                  noPriceLast
                      .thenComparing(
                          Row::price, Comparator.nullsLast(Comparator.<BigDecimal>naturalOrder()))
                      .thenComparing(byId))
              .toList());
      expectPages(
          query,
          viewer,
          "price_desc",
          "",
          flagged.stream()
              .sorted(
                  noPriceLast
                      .thenComparing(
                          Row::price, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
                      .thenComparing(byId.reversed()))
              .toList());
      // a search: listings whose title says "đỏ" (every third), accents ignored
      expectPages(
          query,
          viewer,
          "score",
          "do",
          flagged.stream()
              .filter(r -> Integer.parseInt(r.id().substring(r.id().lastIndexOf(':') + 1)) % 3 == 0)
              .sorted(Comparator.comparingDouble(Row::score).thenComparing(byId).reversed())
              .toList());
    }
  }

  @ParameterizedTest
  @MethodSource("backends")
  void aMalformedOrForeignCursorIsRefused(TestDatabase.Backend backend) {
    assertThatThrownBy(() -> QueueCursor.parse("not base64 !"))
        .isInstanceOf(IllegalArgumentException.class);
    String dateCursor =
        new QueueCursor("date", Instant.EPOCH.atOffset(java.time.ZoneOffset.UTC), "x").token();
    assertThatThrownBy(
            () -> QueueFilter.of("", "", "", "score", "open", false, 1, dateCursor, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sort");
    assertThat(QueueFilter.of("", "", "", "date", "open", false, 1, dateCursor, null).after().id())
        .isEqualTo("x");
  }

  private static void expectPages(
      QueueQuery query, Viewer viewer, String sort, String q, List<Row> expected) {
    List<String> want = expected.stream().map(Row::id).toList();
    // forwards from the first page
    List<List<String>> pages = new ArrayList<>();
    QueueFilter filter = QueueFilter.of("", "", q, sort, "open", false, 0, null, null);
    QueueQuery.Page page = query.page(viewer, filter);
    assertThat(page.hasPrevious()).isFalse();
    pages.add(ids(page));
    while (page.hasNext()) {
      filter = QueueFilter.of("", "", q, sort, "open", false, 0, page.nextToken(), null);
      page = query.page(viewer, filter);
      assertThat(page.hasPrevious()).isTrue();
      pages.add(ids(page));
    }
    assertThat(pages.stream().flatMap(List::stream).toList()).as(sort + " " + q).isEqualTo(want);
    assertThat(pages).hasSize((want.size() + QueueFilter.PAGE_SIZE - 1) / QueueFilter.PAGE_SIZE);
    // backwards from the last page, by the "previous" cursors: the same pages
    for (int p = pages.size() - 2; p >= 0; p--) {
      filter = QueueFilter.of("", "", q, sort, "open", false, 0, null, page.previousToken());
      page = query.page(viewer, filter);
      assertThat(ids(page)).as(sort + " page " + p + " read backwards").isEqualTo(pages.get(p));
      assertThat(page.hasNext()).isTrue();
      assertThat(page.hasPrevious()).isEqualTo(p > 0);
    }
  }

  private static List<String> ids(QueueQuery.Page page) {
    return page.rows().stream().map(QueueRow::listingId).toList();
  }

  /**
   * Listings with many ties: scores from 8 values, prices from 7 (some missing), observation times
   * from 5; about three in four flagged.
   */
  private static List<Row> store(Database db) {
    ListingStore store = new ListingStore(db.dataSource());
    List<Row> rows = new ArrayList<>();
    List<ScoredListing> batch = new ArrayList<>();
    Seller seller =
        new Seller(
            "paging:shop:1",
            "Shop Phân Trang",
            null,
            List.of("0900000001"),
            null,
            null,
            "Hà Nội",
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    for (int i = 0; i < LISTINGS; i++) {
      String id = "paging:" + i;
      double score = 0.5 + (i * 7 % 8) / 20.0;
      BigDecimal price = i % 11 == 0 ? null : BigDecimal.valueOf(10_000L * (i * 3 % 7 + 1));
      Instant observed = Instant.parse("2026-03-01T00:00:00Z").plusSeconds(3600L * (i % 5));
      boolean flagged = i % 4 != 1;
      Listing.Builder b =
          Listing.builder(id, "paging", "https://paging.example/p/" + i, observed.toString())
              .title((i % 3 == 0 ? "Áo đỏ " : "Áo xanh ") + i)
              .seller(seller);
      if (price != null) {
        b.price(Money.vnd(price.longValue()));
      }
      batch.add(
          new ScoredListing(
              b.build(),
              Scored.of(
                  id,
                  "rules-paging",
                  score,
                  flagged,
                  flagged ? List.of("counterfeit") : List.of(),
                  List.of(),
                  List.of())));
      rows.add(new Row(id, score, price == null ? null : price.setScale(2), observed, flagged));
    }
    assertThat(store.saveAll(batch).rejected()).isEmpty();
    return rows;
  }
}
