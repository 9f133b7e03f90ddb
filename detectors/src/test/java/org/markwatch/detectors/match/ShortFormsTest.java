package org.markwatch.detectors.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.markwatch.detectors.DetectorConfig;
import org.markwatch.detectors.Detectors;
import org.markwatch.detectors.catalog.BrandCatalogReader;
import org.markwatch.model.BrandHit;
import org.markwatch.model.Listing;
import org.markwatch.model.Scored;

/**
 * Short forms of brands (clipped starts, first words), one test per class of confusion, on a
 * catalog made for the test: names that are not the project's, so the machinery is tested, not a
 * word list.
 */
class ShortFormsTest {
  private static final String CORE =
      """
      fuzzy: true
      brands:
        - {id: valmorenza, name: Valmorenza, category: luxury, lines: [{name: Cirrus, type: bag}]}
        - {id: oskar-brandt, name: Oskar Brandt, category: fashion}
        - {id: pelleroni, name: Pelleroni, category: fashion}
        - {id: ziva, name: Ziva, category: fashion}
        - {id: saint-orlan, name: Saint Orlan, category: luxury}
        - {id: saint-vero, name: Saint Vero, category: luxury}
        - {id: della-corte, name: Della Corte, category: fashion}
        - {id: stoneware-lab, name: Stonewarelab, category: fashion}
        - {id: torvald-one, name: Torvaldine, category: fashion}
        - {id: torvald-two, name: Torvaldaro, category: fashion}
      """;
  private static final String SHOPS =
      """
      brands:
        - {id: valmore-cafe, name: Valmore Cafe, category: shop/clothes}
        - {id: marcellino, name: Marcellino Market, category: shop/clothes}
      """;
  private static final String TYPES =
      """
      productTypes:
        - {id: bag, terms: [túi, bag], domain: fashion}
        - {id: shoes, terms: [giày, shoes], domain: fashion}
        - {id: shirt, terms: [áo, shirt, stoneware], domain: fashion}
      commonWords: [pelle]
      """;
  private static final String RULES =
      """
      rules:
        - id: t.brand
          violation: counterfeit
          legalBasis: test
          weight: 0.7
          when: {brand: {in: [title]}}
      """;
  private static final Map<String, String> BRANDS =
      Map.of("brands/core.yaml", CORE, "brands/shops.yaml", SHOPS, "brands/types.yaml", TYPES);
  private static Detectors detectors;

  @BeforeAll
  static void compile() {
    detectors = Detectors.create(new DetectorConfig(BRANDS, Map.of("rules/r.yaml", RULES)));
  }

  @AfterAll
  static void close() {
    detectors.close();
  }

  private static Scored score(String title) {
    return detectors.score(
        Listing.builder("t:" + title.hashCode(), "shopee", "https://x.test/1", null)
            .title(title)
            .build());
  }

  private static List<String> brands(String title) {
    return score(title).brands().stream().map(BrandHit::brand).toList();
  }

  @Test
  void aClippedLongNameNextToAProductWordIsTheBrand() {
    assertThat(brands("Túi Valmor da bò mới")).containsExactly("valmorenza");
    assertThat(brands("Valmoren bag black")).containsExactly("valmorenza");
    BrandHit hit = score("Túi Valmor da bò").brands().get(0);
    assertThat(hit.kind()).isEqualTo("alias"); // the verdict schema's kind for a short name
    assertThat(hit.matched()).isEqualTo("Valmor");
  }

  @Test
  void aClippedNameRightBeforeOneOfTheBrandsLinesIsTheBrand() {
    assertThat(brands("Valmor Cirrus size 25")).containsExactly("valmorenza");
  }

  @Test
  void theFirstWordOfANameOfSeveralWordsNextToAProductWordIsTheBrand() {
    assertThat(brands("Áo Oskar nam cotton")).containsExactly("oskar-brandt");
  }

  @Test
  void aShortFormWithNoProductWordOrLineBesideItIsNoBrand() {
    assertThat(brands("Valmor summer sale")).isEmpty();
    assertThat(brands("Oskar and friends")).isEmpty();
    assertThat(brands("Túi da bò Valmor")).isEmpty(); // two words away from the product word
  }

  @Test
  void aShortFormInsideAnotherBrandsNameIsThatBrand() {
    assertThat(forms()).contains("valmore");
    assertThat(brands("Áo Valmore Cafe nam")).containsExactly("valmore-cafe");
  }

  @Test
  void aShortFormGivesWayToAnotherBrandNamedPlainly() {
    Scored s = score("Túi Valmor Pelleroni");
    assertThat(s.brands().stream().map(BrandHit::brand)).containsExactly("pelleroni");
    assertThat(s.signals())
        .anyMatch(g -> g.rule().equals("sense.dropped") && g.evidence().contains("short form"));
  }

  @Test
  void commonWordsAreNeverShortForms() {
    Set<String> forms = forms();
    // a word of the catalog's common words ("pelle" of Pelleroni)
    assertThat(forms).doesNotContain("pelle");
    // a stop word of another language (Italian "della" of Della Corte)
    assertThat(forms).doesNotContain("della");
    // a word of the names of two brands ("saint")
    assertThat(forms).doesNotContain("saint");
    // a product word ("stoneware" of Stonewarelab)
    assertThat(forms).doesNotContain("stoneware");
    assertThat(brands("Áo Saint mới")).isEmpty();
    assertThat(brands("Túi Della da")).isEmpty();
  }

  @Test
  void aStartTwoBrandsShareSaysNeitherBrand() {
    assertThat(forms()).doesNotContain("torvald", "torva");
    assertThat(forms()).contains("torvaldi", "torvalda");
    assertThat(brands("Giày Torvald đen")).isEmpty();
    assertThat(brands("Giày Torvaldi đen")).containsExactly("torvald-one");
  }

  @Test
  void shortNamesAndShopNamesAreNotClipped() {
    Map<String, List<String>> all = ShortForms.of(BrandCatalogReader.read(BRANDS));
    assertThat(all).doesNotContainKeys("ziva", "valmore-cafe", "marcellino");
    assertThat(all.get("valmorenza")).containsExactly("valmo", "valmor", "valmore", "valmoren");
  }

  private static Set<String> forms() {
    Set<String> out = new LinkedHashSet<>();
    ShortForms.of(BrandCatalogReader.read(BRANDS)).values().forEach(out::addAll);
    return out;
  }
}
