package org.markwatch.detectors.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ListingAnalyzerTest {
  private final ListingAnalyzer analyzer = new ListingAnalyzer();

  private List<String> terms(String text) {
    return Tokens.terms(analyzer.tokenStream("title", text));
  }

  @Test
  void accentsAreKeptSoCheapDoesNotBecomeFake() {
    assertThat(terms("Hàng giá rẻ"))
        .contains("hàng", "giá", "rẻ")
        .doesNotContain("giả", "gia", "hang");
  }

  @Test
  void mathematicalAndFullWidthLettersAreNormalised() {
    assertThat(terms("𝗕𝗮𝗹𝗲𝗻𝗰𝗶𝗮𝗴𝗮 ＧＵＣＣＩ")).contains("balenciaga", "gucci");
  }

  @Test
  void lookAlikeLettersAndSymbolsInsideWordsAreMapped() {
    assertThat(terms("Ch@nel Рrada")).contains("chanel", "prada"); // Cyrillic Р
    assertThat(terms("mail@ gmail")).doesNotContain("maila");
  }

  @Test
  void everyDisguiseMeetsTheName() {
    assertThat(terms("N1ke")).contains("nike");
    assertThat(terms("J.B.L")).contains("jbl");
    assertThat(terms("G u c c i")).contains("gucci");
    assertThat(terms("Mei ji")).contains("meiji");
    assertThat(terms("Adiddas")).contains("adidas");
    assertThat(terms("PR*DA")).contains("~prda");
  }

  @Test
  void queryFormsKeepAccentedAndFoldedSpellings() {
    assertThat(TextForms.forms("hàng giả"))
        .containsExactly(List.of("hàng", "giả"), List.of("hang", "gia"));
    assertThat(TextForms.fold("Đồng hồ")).isEqualTo("dong ho");
  }

  @Test
  void skeletonRemovesDisguises() {
    assertThat(Skeleton.of("Ch@nel")).isEqualTo(Skeleton.of("CHANEL")).isEqualTo("chanel");
    assertThat(Skeleton.of("C.H.A.N.E.L")).isEqualTo("chanel");
    assertThat(Skeleton.of("N1KE")).isEqualTo("nike");
    assertThat(Skeleton.of("D10R GUCC1")).isEqualTo("diorguci");
    assertThat(Skeleton.letters("Gucc1 Balenciaa")).isEqualTo("guccibalenciaa");
  }
}
