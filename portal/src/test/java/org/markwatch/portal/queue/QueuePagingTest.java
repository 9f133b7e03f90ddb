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
import org.markwatch.storage.review.DecisionRequest;
import org.markwatch.storage.review.ReviewState;
import org.markwatch.storage.review.ReviewStore;
import org.markwatch.storage.users.LoginPolicy;
import org.markwatch.storage.users.NewUser;
import org.markwatch.storage.users.PasswordHasher;
import org.markwatch.storage.users.Role;
import org.markwatch.storage.users.UserStore;

/**
 * Keyset paging of the queue on H2 and PostgreSQL: following the "next" cursors from the first page
 * reads every flagged listing once, in the sort's order (ties on the key broken by listing id,
 * listings without a price last), and the "previous" cursors read the same pages back; a search
 * (the UNION form) pages the same way.
 */
class QueuePagingTest {
  private static final int LISTINGS = 260;

  private static final Seller HANOI_SELLER =
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
  private static final Seller HCM_SELLER =
      new Seller(
          "paging:shop:2",
          "Shop Sài Gòn",
          null,
          List.of("0900000002"),
          null,
          null,
          "Hồ Chí Minh",
          null,
          null,
          null,
          null,
          null,
          null,
          null);

  /** One generated listing as the expected order sees it. */
  private record Row(
      String id,
      double score,
      BigDecimal price,
      Instant observed,
      boolean flagged,
      String violation,
      boolean hanoi) {}

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

  /**
   * A violation filter walks {@code verdict_violations} in each sort's order (V74's copied keys), a
   * provincial viewer reads the union of their province's sellers and what is assigned to them;
   * both page like the whole queue, also after a rescore moves listings between violations.
   */
  @ParameterizedTest
  @MethodSource("backends")
  void violationFiltersAndProvincialViewersPageInOrder(TestDatabase.Backend backend)
      throws Exception {
    try (TestDatabase t = TestDatabase.create(backend);
        Database db = Database.open(t.settings())) {
      List<Row> rows = store(db);
      QueueQuery query = new QueueQuery(db.dataSource());
      Viewer national = new Viewer("ana", Set.of("ANALYST"), Jurisdiction.national("ana"));
      Comparator<Row> byId = Comparator.comparing(Row::id);
      Comparator<Row> byScore =
          Comparator.comparingDouble(Row::score).thenComparing(byId).reversed();
      Comparator<Row> byDate = Comparator.comparing(Row::observed).thenComparing(byId).reversed();
      Comparator<Row> byPrice =
          Comparator.comparing((Row r) -> r.price() == null)
              .thenComparing(
                  Row::price, Comparator.nullsLast(Comparator.<BigDecimal>naturalOrder()))
              .thenComparing(byId);
      for (String violation : List.of("counterfeit", "smuggled")) {
        List<Row> with =
            rows.stream().filter(r -> r.flagged() && r.violation().equals(violation)).toList();
        expectPages(
            query, national, violation, "score", "", with.stream().sorted(byScore).toList());
        expectPages(query, national, violation, "date", "", with.stream().sorted(byDate).toList());
        expectPages(
            query, national, violation, "price", "", with.stream().sorted(byPrice).toList());
        expectPages(
            query,
            national,
            violation,
            "score",
            "do",
            with.stream().filter(QueuePagingTest::red).sorted(byScore).toList());
      }
      // a Hà Nội analyst: the Hà Nội seller's listings, and one Hồ Chí Minh listing assigned to
      // them
      new UserStore(
              db.dataSource(),
              PasswordHasher.fast(),
              LoginPolicy.standard(),
              java.time.Clock.systemUTC())
          .add(
              new NewUser("lan", "Lan", null, "ha-noi", Set.of(Role.ANALYST)),
              "mật khẩu đủ dài 1",
              false,
              "test");
      new ReviewStore(db.dataSource()).assign(Jurisdiction.national("chief"), "paging:10", "lan");
      Viewer lan = new Viewer("lan", Set.of("ANALYST"), Jurisdiction.province("lan", "ha-noi"));
      List<Row> visible =
          rows.stream()
              .filter(r -> r.flagged() && (r.hanoi() || r.id().equals("paging:10")))
              .toList();
      assertThat(visible).extracting(Row::id).contains("paging:10");
      expectPages(query, lan, "", "score", "", visible.stream().sorted(byScore).toList());
      expectPages(query, lan, "", "price", "", visible.stream().sorted(byPrice).toList());
      expectPages(
          query,
          lan,
          "",
          "score",
          "do",
          visible.stream().filter(QueuePagingTest::red).sorted(byScore).toList());
      expectPages(
          query,
          lan,
          "smuggled",
          "date",
          "",
          visible.stream().filter(r -> r.violation().equals("smuggled")).sorted(byDate).toList());

      // a rescore by another ruleset swaps every flagged listing's violation and raises its score
      ListingStore store = new ListingStore(db.dataSource());
      List<ScoredListing> rescored = new ArrayList<>();
      List<Row> after = new ArrayList<>();
      for (Row r : rows) {
        String swapped = r.violation().equals("counterfeit") ? "smuggled" : "counterfeit";
        double score = 1.0 - r.score() / 2;
        rescored.add(
            new ScoredListing(
                listing(r.id(), Integer.parseInt(r.id().substring(7)), r.observed(), r.price()),
                Scored.of(
                    r.id(),
                    "rules-paging-2",
                    score,
                    r.flagged(),
                    r.flagged() ? List.of(swapped) : List.of(),
                    List.of(),
                    List.of())));
        after.add(new Row(r.id(), score, r.price(), r.observed(), r.flagged(), swapped, r.hanoi()));
      }
      assertThat(store.saveAll(rescored).rejected()).isEmpty();
      List<Row> smuggled =
          after.stream().filter(r -> r.flagged() && r.violation().equals("smuggled")).toList();
      expectPages(
          query, national, "smuggled", "score", "", smuggled.stream().sorted(byScore).toList());
      expectPages(
          query, national, "smuggled", "price", "", smuggled.stream().sorted(byPrice).toList());
      expectPages(
          query,
          national,
          "",
          "score",
          "do",
          after.stream().filter(r -> r.flagged() && red(r)).sorted(byScore).toList());
      // a decision takes a listing out of the open queue, filtered or not
      Row decided = smuggled.stream().sorted(byScore).findFirst().orElseThrow();
      new ReviewStore(db.dataSource())
          .decide(
              Jurisdiction.national("chief"),
              DecisionRequest.of(
                  decided.id(), ReviewState.DISMISSED, "insufficient_evidence", null));
      expectPages(
          query,
          national,
          "smuggled",
          "score",
          "",
          smuggled.stream().filter(r -> r != decided).sorted(byScore).toList());
    }
  }

  /**
   * A title too long for an index entry of storage's walk index (V78: 900 CJK characters, 2,700
   * bytes folded; PostgreSQL refuses a b-tree entry past about 2,700) is still stored and still
   * found by a search, through the listing's full text; a short title beside it takes the walk.
   */
  @ParameterizedTest
  @MethodSource("backends")
  void aTitleTooLongForTheWalkIndexIsStoredAndFound(TestDatabase.Backend backend) throws Exception {
    try (TestDatabase t = TestDatabase.create(backend);
        Database db = Database.open(t.settings())) {
      StringBuilder wide = new StringBuilder();
      for (int i = 0; i < 900; i++) {
        wide.append((char) (0x4E00 + i * 7 % 20_000));
      }
      Instant observed = Instant.parse("2026-03-01T00:00:00Z");
      List<ScoredListing> batch = new ArrayList<>();
      for (String[] l :
          List.of(
              new String[] {"long:1", wide + " Nước hoa đặc biệt"},
              new String[] {"long:2", "Nước hoa đặc biệt chính hãng"},
              new String[] {"long:3", wide + " Áo thun"})) {
        batch.add(
            new ScoredListing(
                Listing.builder(
                        l[0], "paging", "https://paging.example/" + l[0], observed.toString())
                    .title(l[1])
                    .seller(HANOI_SELLER)
                    .build(),
                Scored.of(
                    l[0], "rules-long", 0.9, true, List.of("counterfeit"), List.of(), List.of())));
      }
      assertThat(new ListingStore(db.dataSource()).saveAll(batch).rejected()).isEmpty();
      try (java.sql.Connection c = db.connection();
          java.sql.ResultSet rs =
              c.createStatement()
                  .executeQuery(
                      "SELECT listing_id FROM queue_search WHERE search_head IS NULL"
                          + " ORDER BY listing_id")) {
        List<String> headless = new ArrayList<>();
        while (rs.next()) {
          headless.add(rs.getString(1));
        }
        assertThat(headless).containsExactly("long:1", "long:3");
      }
      QueueQuery query = new QueueQuery(db.dataSource());
      Viewer viewer = new Viewer("ana", Set.of("ANALYST"), Jurisdiction.national("ana"));
      QueueQuery.Page page =
          query.page(
              viewer,
              QueueFilter.of("", "", "nuoc hoa dac biet", "score", "open", false, 0, null, null));
      assertThat(ids(page)).containsExactly("long:2", "long:1");
      // a word inside the long text, far past what an index entry could hold
      page =
          query.page(
              viewer,
              QueueFilter.of(
                  "", "", wide.substring(800, 806), "score", "open", false, 0, null, null));
      assertThat(ids(page)).containsExactlyInAnyOrder("long:1", "long:3");
    }
  }

  /** Titles of every third listing say "đỏ". */
  private static boolean red(Row r) {
    return Integer.parseInt(r.id().substring(r.id().lastIndexOf(':') + 1)) % 3 == 0;
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
    expectPages(query, viewer, "", sort, q, expected);
  }

  private static void expectPages(
      QueueQuery query,
      Viewer viewer,
      String violation,
      String sort,
      String q,
      List<Row> expected) {
    List<String> want = expected.stream().map(Row::id).toList();
    // forwards from the first page
    List<List<String>> pages = new ArrayList<>();
    QueueFilter filter = QueueFilter.of(violation, "", q, sort, "open", false, 0, null, null);
    QueueQuery.Page page = query.page(viewer, filter);
    assertThat(page.hasPrevious()).isFalse();
    pages.add(ids(page));
    while (page.hasNext()) {
      filter = QueueFilter.of(violation, "", q, sort, "open", false, 0, page.nextToken(), null);
      page = query.page(viewer, filter);
      assertThat(page.hasPrevious()).isTrue();
      pages.add(ids(page));
    }
    assertThat(pages.stream().flatMap(List::stream).toList())
        .as(violation + " " + sort + " " + q)
        .isEqualTo(want);
    assertThat(pages).hasSize((want.size() + QueueFilter.PAGE_SIZE - 1) / QueueFilter.PAGE_SIZE);
    // backwards from the last page, by the "previous" cursors: the same pages
    for (int p = pages.size() - 2; p >= 0; p--) {
      filter = QueueFilter.of(violation, "", q, sort, "open", false, 0, null, page.previousToken());
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
    for (int i = 0; i < LISTINGS; i++) {
      String id = "paging:" + i;
      double score = 0.5 + (i * 7 % 8) / 20.0;
      BigDecimal price = i % 11 == 0 ? null : BigDecimal.valueOf(10_000L * (i * 3 % 7 + 1));
      Instant observed = Instant.parse("2026-03-01T00:00:00Z").plusSeconds(3600L * (i % 5));
      boolean flagged = i % 4 != 1;
      String violation = i % 2 == 0 ? "counterfeit" : "smuggled";
      batch.add(
          new ScoredListing(
              listing(id, i, observed, price),
              Scored.of(
                  id,
                  "rules-paging",
                  score,
                  flagged,
                  flagged ? List.of(violation) : List.of(),
                  List.of(),
                  List.of())));
      rows.add(
          new Row(
              id,
              score,
              price == null ? null : price.setScale(2),
              observed,
              flagged,
              violation,
              i % 5 != 0));
    }
    assertThat(store.saveAll(batch).rejected()).isEmpty();
    return rows;
  }

  /** The i-th generated listing; every fifth one's seller is in Hồ Chí Minh, the rest in Hà Nội. */
  private static Listing listing(String id, int i, Instant observed, BigDecimal price) {
    Listing.Builder b =
        Listing.builder(id, "paging", "https://paging.example/p/" + i, observed.toString())
            .title((i % 3 == 0 ? "Áo đỏ " : "Áo xanh ") + i)
            .seller(i % 5 == 0 ? HCM_SELLER : HANOI_SELLER);
    if (price != null) {
      b.price(Money.vnd(price.longValue()));
    }
    return b.build();
  }
}
