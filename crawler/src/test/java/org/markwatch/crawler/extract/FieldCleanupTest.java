package org.markwatch.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.markwatch.model.Listing;

/** Values that markup or a sentence wraps in something that is no part of them. */
class FieldCleanupTest {
  @Test
  void aBrandWrittenLikeAPageTitleIsNoBrand() {
    String html =
        """
        <html><head><script type="application/ld+json">
        {"@type":"Product","name":"Vé xem kịch","brand":{"@type":"Brand","name":"Nhà hát Kịch | Vé Rẻ Online"},
         "offers":{"price":"250000","priceCurrency":"VND"}}
        </script></head><body><h1>Vé xem kịch</h1></body></html>""";
    Listing l = Extraction.extract(TestPages.html("https://ve.example.vn/p/1", html)).get(0);
    assertThat(l.brandClaimed()).isNull();
    assertThat(l.price().amount()).isEqualByComparingTo("250000");
  }

  @Test
  void aLabelledValueAtTheEndOfASentenceLosesItsFullStop() {
    String html =
        """
        <html><body><h1>Kids' watch set</h1><div class="price">£12.99</div>
        <ul><li>Manufacturer's 1 year guarantee. </li><li>EAN: 5018479061991. </li>
        <li>Product code: 141677.</li></ul></body></html>""";
    Listing l = Extraction.extract(TestPages.html("https://shop.example.co.uk/p/9", html)).get(0);
    assertThat(l.attributes().get("gtin")).isEqualTo("5018479061991");
    assertThat(l.attributes().get("sku")).isEqualTo("141677");
  }
}
