package org.markwatch.storage.publicsite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.markwatch.storage.Database;
import org.markwatch.storage.Fixtures;
import org.markwatch.storage.ListingStore;
import org.markwatch.storage.ScoredListing;
import org.markwatch.storage.TestDatabase;
import org.markwatch.storage.cases.CaseStore;
import org.markwatch.storage.feed.ApiFeed;
import org.markwatch.storage.feed.FeedPage;
import org.markwatch.storage.feed.ListingSummary;
import org.markwatch.storage.jurisdiction.Jurisdiction;
import org.markwatch.storage.origin.OriginStore;
import org.markwatch.storage.tips.NewTip;
import org.markwatch.storage.tips.Tip;
import org.markwatch.storage.tips.TipAttachment;
import org.markwatch.storage.tips.TipStore;

/**
 * Migrations V60 and V61 and the stores over them, on H2 and on PostgreSQL: tips and their tracking
 * codes, the trust check, published violators only, the API's keyset feed under jurisdiction,
 * product codes and case invoices.
 */
class PublicStoresTest {
  static final Jurisdiction BOSS = Jurisdiction.national("boss");

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void tipsViolatorsFeedAndOrigin(TestDatabase.Backend backend) throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      ListingStore listings = new ListingStore(db.dataSource());
      for (ScoredListing s : Fixtures.sample()) {
        listings.save(s);
      }
      TipStore tips = new TipStore(db.dataSource());
      Tip tip =
          tips.submit(
              new NewTip(
                  "tip",
                  " https://shop.example/p/1 ",
                  null,
                  "0901 234 567",
                  "<b>fake</b>",
                  null,
                  "public",
                  List.of(
                      new TipAttachment(
                          "a.png", "image/png", 10, "0".repeat(64), "parsed", null, ""))));
      assertThat(tip.trackingCode()).matches("[A-Z2-9]{5}-[A-Z2-9]{5}");
      assertThat(tip.status()).isEqualTo("received");
      assertThat(tips.byTrackingCode(tip.trackingCode().toLowerCase().replace("-", "")))
          .isPresent();
      assertThat(tips.waiting(10)).extracting(Tip::id).containsExactly(tip.id());
      assertThat(tips.processed(tip.id(), "queued", "shopee:1", "1 listing")).isTrue();
      assertThat(tips.processed(tip.id(), "checked", null, "again")).isFalse();
      assertThat(tips.waiting(10)).isEmpty();
      assertThatThrownBy(
              () ->
                  tips.submit(
                      new NewTip(
                          "tip", "file:///etc/passwd", null, null, null, null, "public", null)))
          .hasMessageStartingWith("url:");

      CaseStore cases = new CaseStore(db.dataSource());
      cases.confirmViolator(BOSS, "shopee:shop:a", "1/QĐ", "Nghị định 98/2020", null, true, null);
      cases.confirmViolator(BOSS, "shopee:shop:b", "2/QĐ", "Nghị định 98/2020", null, false, null);
      PublicRegistry registry = new PublicRegistry(db.dataSource());
      assertThat(registry.violators(null, 10))
          .extracting(PublishedViolator::sellerId)
          .containsExactly("shopee:shop:a");
      assertThat(registry.violators("+84 901 234 567", 10)).hasSize(1);
      TrustReport danger = registry.check("Shop shopee:shop:a");
      assertThat(danger.rating()).isEqualTo("danger");
      assertThat(danger.reasons())
          .extracting(TrustReport.Reason::code)
          .contains("published_violator");
      assertThat(registry.check("https://nowhere.example/x").rating()).isEqualTo("unknown");
      assertThat(registry.check("https://shop.example/p/1").reasons())
          .extracting(TrustReport.Reason::code)
          .contains("tips");

      ApiFeed feed = new ApiFeed(db.dataSource());
      var first = feed.violators(BOSS, null, 1);
      assertThat(first.items()).hasSize(1);
      assertThat(first.more()).isTrue();
      var second = feed.violators(BOSS, first.nextCursor(), 1);
      assertThat(second.items()).hasSize(1);
      assertThat(second.items().get(0).sellerId()).isNotEqualTo(first.items().get(0).sellerId());
      assertThat(feed.violators(BOSS, second.nextCursor(), 10).items()).isEmpty();
      FeedPage<ListingSummary> all = feed.listings(BOSS, null, 500);
      assertThat(all.items()).hasSize(Fixtures.sample().size());
      assertThat(feed.listings(Jurisdiction.province("api:x", "ho-chi-minh"), null, 500).items())
          .isEmpty();
      assertThatThrownBy(() -> feed.cases(BOSS, "%%%", 10)).hasMessageContaining("since");

      OriginStore origin = new OriginStore(db.dataSource());
      origin.registerProduct("p1", "vinamilk", "Dielac", "Vinamilk", "boss");
      origin.addGtin("p1", "8934673123457", "boss");
      origin.addSerialRange("p1", "VNM-", 10, 20, "boss");
      assertThat(origin.verify("8934673123457").outcome()).isEqualTo("genuine");
      assertThat(origin.verify("08934673123457").outcome()).isEqualTo("genuine");
      assertThat(origin.verify("8934673123458").outcome()).isEqualTo("invalid");
      assertThat(origin.verify("vnm-15").outcome()).isEqualTo("genuine");
      assertThat(origin.verify("VNM-21").outcome()).isEqualTo("unknown");
      origin.authoriseSeller("vinamilk", "shopee:shop:c", null, "Vinamilk Official", null, "boss");
      assertThat(origin.authorisedBrands("shopee:shop:c", null)).containsExactly("vinamilk");
      cases.create(BOSS, "C-1", "Sữa giả", null, null, null);
      var invoice =
          origin.addInvoice(
              "C-1", "123", "1c25taa", "0100101883-001", LocalDate.of(2025, 3, 1), null, "boss");
      assertThat(invoice.sellerTaxCode()).isEqualTo("0100101883-001");
      assertThat(invoice.invoiceSymbol()).isEqualTo("1C25TAA");
      assertThatThrownBy(
              () ->
                  origin.addInvoice(
                      "C-1", "123", null, "0100101884", LocalDate.of(2025, 3, 1), null, "boss"))
          .hasMessageContaining("check digit");
      assertThatThrownBy(
              () ->
                  origin.addInvoice(
                      "C-1",
                      "123",
                      "1C24TAA",
                      "0100101883",
                      LocalDate.of(2025, 3, 1),
                      null,
                      "boss"))
          .hasMessageContaining("2024");
      assertThat(origin.invoices("C-1")).hasSize(1);
    }
  }
}
