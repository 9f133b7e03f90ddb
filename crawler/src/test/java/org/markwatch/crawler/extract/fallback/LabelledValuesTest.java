package org.markwatch.crawler.extract.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.markwatch.crawler.extract.fallback.LabelledValues.Kind;

class LabelledValuesTest {
  @Test
  void valuesBesideTheirLabelsInTablesListsAndText() {
    String html =
        """
        <body><p class="prd-code">Product code: 141677</p>
        <table><tr><th>Thương hiệu</th><td>Casio</td></tr><tr><th>EAN</th><td>5018479061991</td></tr></table>
        <dl><dt>Model</dt><dd>PRW-3100YB-1ER</dd></dl></body>""";
    Map<Kind, String> v = LabelledValues.find(Jsoup.parse(html).body());
    assertThat(v)
        .containsEntry(Kind.SKU, "141677")
        .containsEntry(Kind.BRAND, "Casio")
        .containsEntry(Kind.GTIN, "5018479061991")
        .containsEntry(Kind.MPN, "PRW-3100YB-1ER");
  }

  @Test
  void labelsInFiltersAndNavigationOrInsideWordsDoNotCount() {
    String html =
        """
        <body><aside class="filters"><h3>Brand</h3><ul><li>Adidas</li><li>Nike</li></ul></aside>
        <p>Brands we love</p><p>Branding: bold</p><p>Thương hiệu: Không thương hiệu</p></body>""";
    assertThat(LabelledValues.find(Jsoup.parse(html).body())).doesNotContainKey(Kind.BRAND);
  }

  @Test
  void labelsSharingALineAreReadApart() {
    String html =
        """
        <body><p class="color">Negro | Ref. 2753/310</p>
        <p>Brand: Sorano · EAN: 5018479061991</p></body>""";
    Map<Kind, String> v = LabelledValues.find(Jsoup.parse(html).body());
    assertThat(v)
        .containsEntry(Kind.SKU, "2753/310")
        .containsEntry(Kind.BRAND, "Sorano")
        .containsEntry(Kind.GTIN, "5018479061991");
  }

  @Test
  void odoosInternalReferenceIsTheShopsCode() {
    String html =
        """
        <body><table><tr><td><span>Marca</span></td><td><span>Terrabel</span></td></tr>
        <tr><td><span>Referencia interna</span></td><td><span>ALB-PH4-VS</span></td></tr></table></body>""";
    assertThat(LabelledValues.find(Jsoup.parse(html).body()))
        .containsEntry(Kind.SKU, "ALB-PH4-VS")
        .containsEntry(Kind.BRAND, "Terrabel");
  }
}
