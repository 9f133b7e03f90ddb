package org.markwatch.storage.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.markwatch.model.Listing;
import org.markwatch.model.Seller;
import org.markwatch.storage.Database;
import org.markwatch.storage.Fixtures;
import org.markwatch.storage.ListingStore;
import org.markwatch.storage.ScoredListing;
import org.markwatch.storage.TestDatabase;
import org.markwatch.storage.audit.AuditVerifier;
import org.markwatch.storage.jurisdiction.Jurisdiction;
import org.markwatch.storage.jurisdiction.OutOfJurisdictionException;
import org.markwatch.storage.users.LoginPolicy;
import org.markwatch.storage.users.NewUser;
import org.markwatch.storage.users.PasswordHasher;
import org.markwatch.storage.users.Role;
import org.markwatch.storage.users.UserStore;

/**
 * Decisions, assignment and the queue under jurisdiction: a Hà Nội analyst sees and acts on Hà Nội
 * sellers' listings and what is assigned to them, never a Hồ Chí Minh listing; a national user sees
 * all. Both databases.
 */
class ReviewStoreTest {
  private static final Jurisdiction HANOI = Jurisdiction.province("lan", "ha-noi");
  private static final Jurisdiction HCM = Jurisdiction.province("minh", "ho-chi-minh");
  private static final Jurisdiction NATIONAL = Jurisdiction.national("chief");

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void aProvincialAnalystSeesAndDecidesOnlyInTheirProvince(TestDatabase.Backend backend)
      throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      seed(db);
      ReviewQueue queue = new ReviewQueue(db.dataSource());
      ReviewStore reviews = new ReviewStore(db.dataSource());

      assertThat(ids(queue.page(HANOI, ReviewFilter.open())))
          .containsExactly("shopee:hn1", "shopee:hn2");
      assertThat(ids(queue.page(HCM, ReviewFilter.open()))).containsExactly("shopee:sg1");
      assertThat(ids(queue.page(NATIONAL, ReviewFilter.open())))
          .containsExactly("shopee:hn1", "shopee:sg1", "shopee:hn2");

      assertThatThrownBy(
              () ->
                  reviews.decide(
                      HANOI,
                      DecisionRequest.of(
                          "shopee:sg1",
                          ReviewState.CONFIRMED,
                          "counterfeit_confirmed",
                          "không phải của tôi")))
          .isInstanceOf(OutOfJurisdictionException.class)
          .hasMessageContaining("shopee:sg1");
      assertThatThrownBy(() -> reviews.find(HANOI, "shopee:sg1"))
          .isInstanceOf(OutOfJurisdictionException.class);
      assertThatThrownBy(() -> reviews.decisions(HANOI, "shopee:sg1"))
          .isInstanceOf(OutOfJurisdictionException.class);
      assertThatThrownBy(() -> reviews.claim(HANOI, "shopee:sg1"))
          .isInstanceOf(OutOfJurisdictionException.class);
      assertThat(count(db, "SELECT COUNT(*) FROM decisions")).isZero();

      Decision d =
          reviews.decide(
              HANOI,
              new DecisionRequest(
                  "shopee:hn1",
                  ReviewState.CONFIRMED,
                  "counterfeit_confirmed",
                  "logo sai, giá 10%",
                  List.of("sha256:" + "a".repeat(64)),
                  null));
      assertThat(d.from()).isEqualTo(ReviewState.NEW);
      assertThat(d.to()).isEqualTo(ReviewState.CONFIRMED);
      assertThat(d.decidedBy()).isEqualTo("lan");
      assertThat(d.rulesetVersion()).isEqualTo("rules-test-1");
      assertThat(d.evidenceRefs()).containsExactly("sha256:" + "a".repeat(64));
      assertThat(reviews.find(HANOI, "shopee:hn1"))
          .hasValueSatisfying(
              r -> {
                assertThat(r.state()).isEqualTo(ReviewState.CONFIRMED);
                assertThat(r.decidedAt()).isNotNull();
              });
      // It left the open queue; the audit row is there and chains.
      assertThat(ids(queue.page(HANOI, ReviewFilter.open()))).containsExactly("shopee:hn2");
      assertThat(
              count(
                  db,
                  "SELECT COUNT(*) FROM audit_log WHERE action = 'decision' AND subject = 'shopee:hn1'"
                      + " AND actor = 'lan'"))
          .isEqualTo(1);
      assertThat(count(db, "SELECT COUNT(*) FROM decisions WHERE audit_seq IS NOT NULL"))
          .isEqualTo(1);
      assertThat(new AuditVerifier(db.dataSource()).verify().intact()).isTrue();

      // Assigned by a national supervisor, the HCM listing becomes visible and actionable for lan.
      reviews.assign(NATIONAL, "shopee:sg1", "lan");
      assertThat(ids(queue.page(HANOI, ReviewFilter.open())))
          .containsExactly("shopee:sg1", "shopee:hn2");
      assertThat(ids(queue.page(HANOI, ReviewFilter.open().withAssignee("lan"))))
          .containsExactly("shopee:sg1");
      reviews.decide(
          HANOI,
          DecisionRequest.of("shopee:sg1", ReviewState.ESCALATED, "other_jurisdiction", null));
      Map<String, Map<ReviewState, Long>> load = queue.workload(NATIONAL);
      assertThat(load.get("lan")).containsEntry(ReviewState.ESCALATED, 1L);
    }
  }

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void transitionsReasonCodesAndStaleDecisionsAreChecked(TestDatabase.Backend backend)
      throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      seed(db);
      ReviewStore reviews = new ReviewStore(db.dataSource());
      Review started = reviews.start(HANOI, "shopee:hn1");
      assertThat(started.state()).isEqualTo(ReviewState.IN_REVIEW);
      assertThat(started.assignee()).isEqualTo("lan");
      assertThat(started.reviewStartedAt()).isNotNull();

      assertThatThrownBy(
              () ->
                  reviews.decide(
                      HANOI,
                      DecisionRequest.of(
                          "shopee:hn1", ReviewState.CONFIRMED, "genuine_product", null)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("is for dismissed");
      assertThatThrownBy(
              () ->
                  reviews.decide(
                      HANOI,
                      DecisionRequest.of(
                          "shopee:hn1", ReviewState.CONFIRMED, "no_such_code", null)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("unknown reason code");
      assertThatThrownBy(
              () ->
                  reviews.decide(
                      HANOI,
                      DecisionRequest.of("shopee:hn1", ReviewState.ACTIONED, "action_taken", null)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("cannot become actioned");
      assertThatThrownBy(
              () ->
                  reviews.decide(
                      HANOI,
                      new DecisionRequest(
                          "shopee:hn1",
                          ReviewState.DISMISSED,
                          "genuine_product",
                          null,
                          List.of(),
                          started.rowVersion() - 1)))
          .isInstanceOf(StaleReviewException.class);

      reviews.decide(
          HANOI,
          new DecisionRequest(
              "shopee:hn1",
              ReviewState.CONFIRMED,
              "counterfeit_confirmed",
              null,
              List.of(),
              started.rowVersion()));
      reviews.decide(
          HANOI, DecisionRequest.of("shopee:hn1", ReviewState.ACTIONED, "action_taken", "gỡ tin"));
      assertThat(reviews.decisions(HANOI, "shopee:hn1"))
          .extracting(Decision::to)
          .containsExactly(ReviewState.CONFIRMED, ReviewState.ACTIONED);
      assertThat(reviews.find(HANOI, "shopee:hn1").orElseThrow().actionedAt()).isNotNull();
      // Nothing half-written by the refused ones.
      assertThat(count(db, "SELECT COUNT(*) FROM decisions")).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void aBulkDecisionReportsEachListing(TestDatabase.Backend backend) throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      seed(db);
      Map<String, ReviewStore.BulkOutcome> out =
          new ReviewStore(db.dataSource())
              .decideAll(
                  HANOI,
                  List.of("shopee:hn1", "shopee:sg1", "shopee:hn2"),
                  ReviewState.DISMISSED,
                  "insufficient_evidence",
                  null);
      assertThat(out.get("shopee:hn1").ok()).isTrue();
      assertThat(out.get("shopee:hn2").ok()).isTrue();
      assertThat(out.get("shopee:sg1").refused()).contains("outside the jurisdiction");
    }
  }

  /**
   * Three flagged listings: two of a Hà Nội seller, one of a Bình Dương (now Hồ Chí Minh) seller;
   * one clean.
   */
  static void seed(Database db) {
    ListingStore store = new ListingStore(db.dataSource());
    store.saveAll(
        List.of(
            new ScoredListing(
                listing("shopee:hn1", "shop-hn", "Hà Nội", "Túi LV rep 1:1"),
                Fixtures.flagged("shopee:hn1", 0.95, List.of("counterfeit"), "louis-vuitton")),
            new ScoredListing(
                listing("shopee:hn2", "shop-hn", "Hà Nội", "Giày Nike super fake"),
                Fixtures.flagged("shopee:hn2", 0.60, List.of("counterfeit"), "nike")),
            new ScoredListing(
                listing("shopee:sg1", "shop-sg", "tỉnh Bình Dương", "Nước hoa Chanel xách tay"),
                Fixtures.flagged("shopee:sg1", 0.80, List.of("counterfeit"), "chanel")),
            new ScoredListing(
                listing("shopee:ok", "shop-sg", "Bình Dương", "Balo laptop"),
                Fixtures.clean("shopee:ok"))));
    UserStore users =
        new UserStore(
            db.dataSource(), PasswordHasher.fast(), LoginPolicy.standard(), Clock.systemUTC());
    users.add(
        new NewUser("lan", "Nguyễn Thị Lan", null, "ha-noi", Set.of(Role.ANALYST)),
        "mật khẩu đủ dài 1",
        false,
        "test");
    users.add(
        new NewUser("minh", "Trần Minh", null, "ho-chi-minh", Set.of(Role.ANALYST)),
        "mật khẩu đủ dài 2",
        false,
        "test");
    users.add(
        new NewUser("chief", "Chief", null, null, Set.of(Role.SUPERVISOR)),
        "mật khẩu đủ dài 3",
        false,
        "test");
  }

  static Listing listing(String id, String shop, String province, String title) {
    Listing base =
        Fixtures.listing(id, "shopee", "shopee:shop:" + shop, title, "2026-11-01T07:00:00Z");
    return base.toBuilder()
        .seller(
            new Seller(
                "shopee:shop:" + shop,
                "Shop " + shop,
                null,
                List.of("0901234567"),
                null,
                null,
                province,
                null,
                null,
                false,
                null,
                null,
                null,
                null))
        .build();
  }

  private static List<String> ids(ReviewPage page) {
    return page.items().stream().map(ReviewItem::listingId).toList();
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
