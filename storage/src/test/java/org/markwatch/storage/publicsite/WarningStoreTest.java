package org.markwatch.storage.publicsite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.markwatch.storage.Database;
import org.markwatch.storage.Fixtures;
import org.markwatch.storage.InvalidInputException;
import org.markwatch.storage.ListingStore;
import org.markwatch.storage.ScoredListing;
import org.markwatch.storage.TestDatabase;
import org.markwatch.storage.audit.AuditVerifier;
import org.markwatch.storage.cases.CaseStore;
import org.markwatch.storage.jurisdiction.Jurisdiction;

/**
 * Migration V71 and the warnings' life on H2 and PostgreSQL: a draft is not public, a published
 * warning is found by its text and by a violator it names, only published violators show, a
 * withdrawn one disappears and cannot be edited; every step audited.
 */
class WarningStoreTest {
  static final Jurisdiction BOSS = Jurisdiction.national("boss");

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void draftPublishWithdraw(TestDatabase.Backend backend) throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      ListingStore listings = new ListingStore(db.dataSource());
      for (ScoredListing s : Fixtures.sample()) {
        listings.save(s);
      }
      CaseStore cases = new CaseStore(db.dataSource());
      cases.confirmViolator(BOSS, "shopee:shop:a", "1/QĐ", "Nghị định 98/2020", null, true, null);
      cases.confirmViolator(BOSS, "tiki:shop:c", "2/QĐ", "Nghị định 98/2020", null, false, null);
      WarningStore store = new WarningStore(db.dataSource());
      PublicRegistry registry = new PublicRegistry(db.dataSource());

      assertThatThrownBy(
              () ->
                  store.save(
                      null,
                      new WarningDraft(" ", "x", null, null, null, null, List.of("shopee:shop:b")),
                      "boss"))
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e ->
                  assertThat(e.problems())
                      .extracting(InvalidInputException.Problem::field, p -> p.code())
                      .containsExactly(
                          org.assertj.core.groups.Tuple.tuple("title", "missing"),
                          org.assertj.core.groups.Tuple.tuple("sellers", "not_violator")));

      long id =
          store.save(
              null,
              new WarningDraft(
                  "Túi xách giả",
                  "Không mua túi giá rẻ bất thường.",
                  "túi xách",
                  "Louis Vuitton",
                  "Giá dưới 1 triệu, không hoá đơn",
                  null,
                  List.of("shopee:shop:a", "tiki:shop:c")),
              "boss");
      assertThat(registry.warnings(null, 10)).isEmpty();
      assertThat(store.find(id).orElseThrow().state()).isEqualTo("draft");

      store.publish(id, "boss");
      ConsumerWarning w = registry.warning(id).orElseThrow();
      assertThat(w.brand()).isEqualTo("Louis Vuitton");
      // the unpublished violator is named on the warning but never shown to the public
      assertThat(w.violators())
          .extracting(PublishedViolator::sellerId)
          .containsExactly("shopee:shop:a");
      assertThat(store.find(id).orElseThrow().sellers())
          .extracting(StaffWarning.NamedSeller::sellerId, StaffWarning.NamedSeller::published)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("shopee:shop:a", true),
              org.assertj.core.groups.Tuple.tuple("tiki:shop:c", false));
      assertThat(registry.warnings("hoa don", 10)).extracting(ConsumerWarning::id).contains(id);
      // found through the violator it names: its seller id, as the violators' search finds it
      assertThat(registry.warnings("shopee:shop:a", 10))
          .extracting(ConsumerWarning::id)
          .contains(id);
      assertThat(registry.warnings("khong lien quan gi", 10)).isEmpty();
      assertThatThrownBy(() -> store.publish(id, "boss")).isInstanceOf(InvalidInputException.class);

      store.withdraw(id, "boss");
      assertThat(registry.warning(id)).isEmpty();
      assertThat(registry.warnings(null, 10)).isEmpty();
      assertThatThrownBy(
              () ->
                  store.save(
                      id, new WarningDraft("t", "b", null, null, null, null, List.of()), "boss"))
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> assertThat(e.problems().get(0).code()).isEqualTo("withdrawn"));

      try (var c = db.connection();
          var rs =
              c.createStatement()
                  .executeQuery(
                      "SELECT action FROM audit_log WHERE subject = 'warning:"
                          + id
                          + "' ORDER BY seq")) {
        List<String> actions = new java.util.ArrayList<>();
        while (rs.next()) {
          actions.add(rs.getString(1));
        }
        assertThat(actions)
            .containsExactly("warning_saved", "warning_published", "warning_withdrawn");
      }
      assertThat(new AuditVerifier(db.dataSource()).verify().intact()).isTrue();
    }
  }
}
