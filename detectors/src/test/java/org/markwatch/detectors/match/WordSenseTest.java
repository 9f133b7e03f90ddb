package org.markwatch.detectors.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.markwatch.detectors.DetectorConfig;
import org.markwatch.detectors.Detectors;
import org.markwatch.model.BrandHit;
import org.markwatch.model.Listing;
import org.markwatch.model.Scored;
import org.markwatch.model.Signal;

/**
 * Word sense, one test per class of confusion, on a small catalog made for the test (names that are
 * not the project's catalog, so the machinery is tested, not a word list).
 */
class WordSenseTest {
  private static final String CORE =
      """
      fuzzy: true
      brands:
        - {id: lumo, name: Lumo, category: electronics}
        - {id: velora, name: Velora, category: luxury, lines: [{name: Castello, type: watch}]}
        - {id: brisk, name: Brisk, category: sport}
        - {id: kestrel, name: Kestrel, category: auto}
      """;
  private static final String SHOPS =
      """
      brands:
        - {id: dawnlight, name: Dawnlight, category: shop/jewelry}
        - {id: castello, name: Castello, category: shop/jewelry}
        - {id: hiker, name: Hiker, category: shop/shoes}
      """;
  private static final String TYPES =
      """
      productTypes:
        - {id: phone, terms: [điện thoại, phone], domain: electronics}
        - {id: phonecase, terms: [ốp lưng], accessory: true, domain: electronics}
        - {id: bag, terms: [túi, bag], domain: fashion}
        - {id: watch, terms: [đồng hồ, watch], domain: watch}
        - {id: pillow, terms: [vỏ gối], domain: home}
        - {id: toy, terms: [mô hình, đồ chơi], domain: toy}
        - {id: shoes, terms: [giày, hiker], domain: fashion}
        - {id: cat-home, terms: [nhà cửa], domain: home, categoryOnly: true}
        - {id: drink, terms: [rượu, đồ uống], domain: drink}
      senses:
        brandDomains:
          electronics: [electronics]
          luxury: [fashion, watch]
          sport: [fashion, sport]
          auto: [auto]
          shop/jewelry: [jewellery, watch]
          shop/shoes: [fashion]
        neutralDomains: [toy]
        decorations: [in logo, họa tiết]
      """;
  private static final String RULES =
      """
      rules:
        - id: t.drink
          violation: conditional
          legalBasis: test
          weight: 0.7
          sense: [drink]
          when: {terms: {in: [title], any: [champagne, cognac]}}
        - id: t.brand
          violation: counterfeit
          legalBasis: test
          weight: 0.7
          when: {brand: {in: [title, seller]}}
      """;
  private static Detectors detectors;

  @BeforeAll
  static void compile() {
    detectors =
        Detectors.create(
            new DetectorConfig(
                Map.of(
                    "brands/core.yaml",
                    CORE,
                    "brands/shops.yaml",
                    SHOPS,
                    "brands/types.yaml",
                    TYPES),
                Map.of("rules/r.yaml", RULES)));
  }

  @AfterAll
  static void close() {
    detectors.close();
  }

  private static Scored score(String title, List<String> category) {
    return detectors.score(
        Listing.builder("t:" + title.hashCode(), "shopee", "https://x.test/1", null)
            .title(title)
            .category(category)
            .build());
  }

  private static Scored score(String title) {
    return score(title, null);
  }

  private static List<String> brands(Scored s) {
    return s.brands().stream().map(BrandHit::brand).toList();
  }

  private static List<String> dropped(Scored s) {
    return s.signals().stream()
        .filter(g -> g.rule().equals("sense.dropped"))
        .map(Signal::evidence)
        .toList();
  }

  @Test
  void aTermWhoseSenseTheProductContradictsGivesNoSignalAndSaysWhy() {
    Scored phone = score("Điện thoại Lumo X2 màu Champagne");
    assertThat(phone.violations()).doesNotContain("conditional");
    assertThat(phone.signals()).noneMatch(g -> g.rule().equals("t.drink"));
    assertThat(dropped(phone))
        .singleElement()
        .asString()
        .contains("t.drink", "Champagne", "phone (electronics, from the title)", "not drink");
    // the same word where the product is a drink, or unknown, keeps its sense
    assertThat(score("Rượu champagne Pháp 750ml").violations()).contains("conditional");
    assertThat(score("Champagne brut 750ml").violations()).contains("conditional");
  }

  @Test
  void theCategoryPathSaysWhatTheProductIsBeforeTheTitle() {
    Scored inHome = score("Chai thủy tinh đựng rượu cognac", List.of("Nhà cửa", "Dụng cụ"));
    assertThat(inHome.flagged()).isFalse();
    assertThat(dropped(inHome))
        .singleElement()
        .asString()
        .contains("cat-home (home, from the category)");
  }

  @Test
  void aBrandOfAnotherTradeIsNotReadAsThatBrand() {
    Scored pillow = score("Vỏ gối Dawnlight 45x45");
    assertThat(brands(pillow)).isEmpty();
    assertThat(pillow.flagged()).isFalse();
    assertThat(dropped(pillow))
        .singleElement()
        .asString()
        .contains(
            "'Dawnlight' is not read as Dawnlight",
            "shop/jewelry",
            "pillow (home, from the title)");
    // where the product fits the brand's trade, it is the brand
    assertThat(brands(score("Đồng hồ Dawnlight nữ"))).containsExactly("dawnlight");
    // with no product word at all, nothing contradicts it
    assertThat(brands(score("Dawnlight 2026"))).containsExactly("dawnlight");
  }

  @Test
  void aBrandPrintedOnOtherGoodsIsStillThatBrand() {
    assertThat(brands(score("Vỏ gối in logo Velora"))).containsExactly("velora");
    assertThat(brands(score("Vỏ gối Velora"))).isEmpty();
  }

  @Test
  void toysAndAccessoriesContradictNoBrand() {
    assertThat(brands(score("Mô hình xe Kestrel 1:18"))).containsExactly("kestrel");
    assertThat(brands(score("Ốp lưng Velora cho điện thoại"))).containsExactly("velora");
  }

  @Test
  void aBrandNameThatIsTheProductWordIsTheProductWord() {
    Scored s = score("Giày hiker nam cổ cao");
    assertThat(brands(s)).isEmpty();
    assertThat(dropped(s)).singleElement().asString().contains("is the product word (shoes)");
  }

  @Test
  void aOneEditMatchNeverOverridesABrandNamedPlainly() {
    // "Kestral" is one edit from Kestrel; beside Brisk named plainly it is not a disguised Kestrel
    Scored s = score("Giày Brisk Kestral runner");
    assertThat(brands(s)).containsExactly("brisk");
    assertThat(dropped(s))
        .singleElement()
        .asString()
        .contains("one edit from Kestrel", "Brisk is named plainly");
    // alone, the one-edit match is still read
    assertThat(brands(score("Kestral 2026 bản mới"))).containsExactly("kestrel");
  }

  @Test
  void aBrandThatIsAnotherBrandsProductLineIsThatLine() {
    Scored s = score("Đồng hồ Velora Castello mặt đen");
    assertThat(brands(s)).containsExactly("velora");
    assertThat(dropped(s)).singleElement().asString().contains("product line of velora");
  }
}
