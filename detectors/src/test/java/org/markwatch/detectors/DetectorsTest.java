package org.markwatch.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.markwatch.model.BrandHit;
import org.markwatch.model.Listing;
import org.markwatch.model.Money;
import org.markwatch.model.Scored;
import org.markwatch.model.Seller;

class DetectorsTest {
  private static Detectors detectors;

  @BeforeAll
  static void create() {
    detectors = TestData.defaultDetectors();
  }

  private static Listing listing(String title, String text, long price, String seller) {
    return Listing.builder(
            "t:" + Math.abs((title + text + price).hashCode()),
            "shopee",
            "https://x.invalid/1",
            "2026-11-01T00:00:00Z")
        .title(title)
        .text(text)
        .price(Money.vnd(price))
        .seller(Seller.named("shopee:shop:1", seller))
        .build();
  }

  @Test
  void everyCoreBrandIsInTheCatalogWithItsId() throws Exception {
    List<String> lines =
        java.nio.file.Files.readAllLines(TestData.shared().resolve("data/brands/core-brands.tsv"));
    Set<String> ids = new HashSet<>();
    for (String l : lines.subList(1, lines.size())) {
      ids.add(l.split("\t")[0]);
    }
    assertThat(ids).hasSizeGreaterThan(90);
    for (String id : ids) {
      assertThat(detectors.catalog().brand(id)).as(id).isPresent();
    }
  }

  @Test
  void everyCoreBrandNameIsFoundAsExact() throws Exception {
    List<String> lines =
        java.nio.file.Files.readAllLines(TestData.shared().resolve("data/brands/core-brands.tsv"));
    for (String l : lines.subList(1, lines.size())) {
      String[] f = l.split("\t");
      Scored s = detectors.score(listing("Sản phẩm " + f[1] + " mới", null, 0, "Shop"));
      assertThat(s.brands()).as(f[1]).extracting(BrandHit::brand).contains(f[0]);
    }
  }

  @Test
  void aModelOfOneBrandIsNotADisguiseOfAnother() {
    Scored s = detectors.score(listing("Rolex Cellini Moonphase", null, 0, "Shop"));
    assertThat(s.brands()).extracting(BrandHit::brand).containsExactly("rolex");
    assertThat(s.flagged()).isFalse();
  }

  @Test
  void lowerCaseShortAliasCountsNextToAProductWordOrLine() {
    assertThat(detectors.score(listing("Túi lv neverfull rep", null, 0, "Shop")).brands())
        .extracting(BrandHit::brand)
        .containsExactly("louis-vuitton");
    assertThat(detectors.score(listing("Giày nb 550 trắng", null, 0, "Shop")).brands())
        .extracting(BrandHit::brand)
        .containsExactly("new-balance");
    assertThat(detectors.score(listing("Son mac ruby woo", null, 0, "Shop")).brands())
        .extracting(BrandHit::brand)
        .containsExactly("mac");
    // alone, or after a word that names no product, the letters are not the brand
    assertThat(detectors.score(listing("lv là gì, hỏi đáp", null, 0, "Shop")).brands()).isEmpty();
    assertThat(detectors.score(listing("Máy mac mini M2", null, 0, "Shop")).brands()).isEmpty();
    assertThat(detectors.score(listing("Túi vải canvas", "size nb cho bé", 0, "Shop")).brands())
        .isEmpty();
  }

  @Test
  void counterfeitAdmissionIsFlaggedWithEvidence() {
    Scored s =
        detectors.score(
            listing("Túi Gucci Marmont hàng rep 1:1", "Giống auth 99%", 1_200_000, "Shop A"));
    assertThat(s.flagged()).isTrue();
    assertThat(s.violations()).contains("counterfeit");
    assertThat(s.brands()).containsExactly(new BrandHit("gucci", "Gucci", "title", "exact"));
    assertThat(s.signals())
        .anySatisfy(
            sig -> {
              assertThat(sig.rule()).isEqualTo("counterfeit.admission");
              assertThat(sig.field()).isEqualTo("title");
              assertThat(sig.evidence()).isEqualTo("hàng rep 1:1");
            });
  }

  @Test
  void genuineOfficialAccessoryAndSecondHandAreNotFlagged() {
    assertThat(
            detectors
                .score(
                    listing(
                        "[Nike Official Store] Giày Nike Air Max 90",
                        "Hóa đơn VAT",
                        3_500_000,
                        "Nike Official Store"))
                .flagged())
        .isFalse();
    assertThat(
            detectors
                .score(listing("Ốp lưng cho iPhone 15 Pro", "Tương thích", 99_000, "Shop B"))
                .flagged())
        .isFalse();
    assertThat(
            detectors
                .score(
                    listing(
                        "Thanh lý túi Louis Vuitton Speedy đã qua sử dụng",
                        null,
                        9_000_000,
                        "Shop C"))
                .flagged())
        .isFalse();
    assertThat(
            detectors
                .score(listing("Áo khoác gió nam giá rẻ", "Hàng giá rẻ", 150_000, "Shop D"))
                .flagged())
        .isFalse();
  }

  @Test
  void obfuscatedBrandsAreFoundAndSaySo() {
    Scored s = detectors.score(listing("Giày N1ke Air Force 1", null, 400_000, "Shop"));
    assertThat(s.brands())
        .extracting(BrandHit::brand, BrandHit::kind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("nike", "misspelling"));
    assertThat(s.flagged()).isTrue();
    Scored fuzzy = detectors.score(listing("Son Yves Saint Lauren Rouge", null, 300_000, "Shop"));
    assertThat(fuzzy.brands())
        .extracting(BrandHit::brand, BrandHit::kind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ysl", "fuzzy"));
  }

  @Test
  void oneLetterDroppedOrChangedAndTrailingDigitsStillFindTheBrand() {
    Map<String, String> written =
        Map.of(
            "Túi Balenciaa City",
            "balenciaga",
            "Máy hút bụi Dysn V15",
            "dyson",
            "Vòng Pandoa charm bạc",
            "pandora",
            "Đồng hồ Sieko 5 automatic",
            "seiko",
            "Son D10r Addict",
            "dior",
            "Thắt lưng Gucc1 nam",
            "gucci");
    written.forEach(
        (title, brand) ->
            assertThat(detectors.score(listing(title, null, 0, "Shop")).brands())
                .as(title)
                .extracting(BrandHit::brand)
                .containsExactly(brand));
  }

  @Test
  void commonWordsAndExcludedPhrasesAreNotBrands() {
    assertThat(
            detectors
                .score(listing("Giấm táo Apple Cider Vinegar", null, 150_000, "Shop"))
                .brands())
        .isEmpty();
    assertThat(detectors.score(listing("Kênh channel bán hàng", null, 0, "Shop")).brands())
        .isEmpty();
    assertThat(detectors.score(listing("Viên uống Omega 3", null, 200_000, "Shop")).brands())
        .isEmpty();
  }

  @Test
  void priceFarBelowReferenceIsFlaggedWithTheReference() {
    Scored s =
        detectors.score(
            listing("Túi Louis Vuitton Neverfull MM chính hãng", null, 3_000_000, "Shop"));
    assertThat(s.flagged()).isTrue();
    assertThat(s.signals())
        .anySatisfy(
            sig -> {
              assertThat(sig.rule()).isEqualTo("counterfeit.price-far-below-reference");
              assertThat(sig.evidence()).contains("3,000,000 VND").contains("Neverfull");
            });
    assertThat(
            detectors
                .score(listing("Túi Louis Vuitton Neverfull MM", null, 48_000_000, "Shop"))
                .flagged())
        .isFalse();
  }

  @Test
  void batchAndSingleScoringAgreeAndAreDeterministic() {
    List<Listing> dev = TestData.devListings();
    List<Scored> batch = detectors.scoreAll(dev);
    assertThat(batch).hasSize(dev.size());
    for (int i = 0; i < dev.size(); i++) {
      assertThat(batch.get(i)).isEqualTo(detectors.score(dev.get(i)));
    }
    try (Detectors again = Detectors.create(TestData.defaultConfig())) {
      assertThat(again.rulesetVersion())
          .isEqualTo(detectors.rulesetVersion())
          .startsWith("sha256:");
      assertThat(again.scoreAll(dev)).isEqualTo(batch);
    }
  }

  @Test
  void scoresAreProbabilitiesAndFlaggedMatchesViolations() {
    for (Scored s : detectors.scoreAll(TestData.devListings())) {
      assertThat(s.score()).isBetween(0.0, 1.0);
      assertThat(s.flagged()).isEqualTo(!s.violations().isEmpty());
    }
  }

  @Test
  void hostileInputIsBounded() {
    String huge = "rep 1:1 ".repeat(200_000);
    Scored s = detectors.score(listing("Túi Gucci", huge, 100_000, "Shop"));
    assertThat(s.flagged()).isTrue();
    Listing empty =
        Listing.builder("x:1", "shopee", "https://x.invalid", "2026-01-01T00:00:00Z").build();
    assertThat(detectors.score(empty).flagged()).isFalse();
    Listing usd =
        listing("Túi Louis Vuitton Neverfull", null, 0, "S").toBuilder()
            .price(new Money(new BigDecimal("100"), "USD"))
            .build();
    assertThat(detectors.score(usd).signals()).noneMatch(sig -> sig.rule().contains("price"));
  }

  @Test
  void changingAFileChangesTheVersion() {
    var base = TestData.defaultConfig();
    Map<String, String> rules = new java.util.TreeMap<>(base.ruleFiles());
    rules.put("rules/zz-extra.yaml", "rules: []\n");
    try (Detectors other = Detectors.create(new DetectorConfig(base.brandFiles(), rules))) {
      assertThat(other.rulesetVersion()).isNotEqualTo(detectors.rulesetVersion());
    }
  }
}
