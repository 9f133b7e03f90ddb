package org.markwatch.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.markwatch.model.Listing;

/**
 * The stock state a product page prints for shoppers becomes {@code attributes.availability} when
 * the markup gives none; hidden text, size pickers, "notify me" lines and other products' blocks
 * never do.
 */
class StockLineTest {
  private static String availability(String body) {
    String html = "<html><body>" + body + "</body></html>";
    Listing l = Extraction.extract(TestPages.html("https://shop.example.com/p/42", html)).get(0);
    return l.attributes().get("availability");
  }

  @Test
  void aStockLineAfterTheTitleIsRead() {
    assertThat(
            availability(
                "<h1>Pro dashboard kit</h1><div class=\"price\">$129</div>"
                    + "<div>In stock — 142 available</div><button>Add to cart</button>"))
        .isEqualTo("InStock");
    assertThat(
            availability(
                "<h1>Nồi chiên 5L</h1><div class=\"price\">890.000đ</div>"
                    + "<p>Tình trạng: Hết hàng</p>"))
        .isEqualTo("OutOfStock");
    assertThat(
            availability(
                "<h1>Nồi chiên 5L</h1><div class=\"price\">890.000đ</div>"
                    + "<p><span>Tình trạng:</span> <b>Còn hàng</b></p>"))
        .isEqualTo("InStock");
  }

  @Test
  void aTypeSizeClassIsNoSizePicker() {
    assertThat(
            availability(
                "<h1>Glue, 2-pack</h1><div class=\"price\">$12.48</div>"
                    + "<div id=\"availability\"><span class=\"a-size-medium a-color-success\">"
                    + "In Stock.</span></div>"))
        .isEqualTo("InStock");
  }

  @Test
  void aBuyBoxWrittenBeforeTheTitleCounts() {
    assertThat(
            availability(
                "<div id=\"right\"><span>Derzeit nicht verfügbar.</span></div>"
                    + "<div id=\"center\"><h1>Geschenkkorb rund</h1><p class=\"price\">12,99 €</p></div>"))
        .isEqualTo("OutOfStock");
  }

  @Test
  void hiddenTextPickersNotifyFormsAndOtherProductsSayNothing() {
    String visibleInStock = "<h1>Boots</h1><div class=\"price\">€89</div><p>En stock</p>";
    assertThat(availability("<div class=\"hidden\">Sold out</div>" + visibleInStock))
        .isEqualTo("InStock");
    assertThat(availability("<div style=\"display: none\">Sold out</div>" + visibleInStock))
        .isEqualTo("InStock");
    assertThat(
            availability(
                "<h1>Boots</h1><div class=\"price\">€89</div>"
                    + "<ul class=\"size-selector\"><li>38 <span>Sold out</span></li></ul>"
                    + "<p>We'll let you know when it's in stock</p>"
                    + "<div class=\"related-products\"><p>Out of stock</p></div>"))
        .isNull();
    assertThat(availability("<h1>Boots</h1><div class=\"price\">€89</div><p>In stock soon</p>"))
        .isNull();
  }

  @Test
  void markupAvailabilityIsKept() {
    String html =
        """
        <html><head><script type="application/ld+json">
        {"@type":"Product","name":"Boots","offers":{"price":"89","priceCurrency":"EUR",
         "availability":"https://schema.org/InStock"}}
        </script></head><body><h1>Boots</h1><p>Out of stock</p></body></html>""";
    Listing l = Extraction.extract(TestPages.html("https://shop.example.com/p/7", html)).get(0);
    assertThat(l.attributes().get("availability")).isEqualTo("InStock");
  }

  @Provide
  Arbitrary<String> inLines() {
    return Arbitraries.of(
        "In stock",
        "IN STOCK",
        "Availability: In stock",
        "Auf Lager",
        "En stock",
        "Còn hàng",
        "Tình trạng: Còn hàng",
        "現貨",
        "Na skladě",
        "В наличии");
  }

  @Provide
  Arbitrary<String> outLines() {
    return Arbitraries.of(
        "Out of stock",
        "Sold out",
        "Currently unavailable.",
        "Ausverkauft",
        "Épuisé",
        "Agotado",
        "Hết hàng",
        "Tạm hết hàng",
        "已售完",
        "Нет в наличии",
        "Availability: Out of stock");
  }

  @Property(tries = 200)
  void theVisibleLineNearestTheTitleDecides(
      @ForAll("inLines") String in,
      @ForAll("outLines") String out,
      @ForAll boolean soldOut,
      @ForAll boolean beforeTitle,
      @ForAll @IntRange(min = 0, max = 40) int filler,
      @ForAll boolean decoyHidden) {
    String line = soldOut ? out : in;
    String decoy = soldOut ? in : out;
    StringBuilder gap = new StringBuilder();
    for (int i = 0; i < filler; i++) {
      gap.append("<p>Detail line ").append(i).append("</p>");
    }
    String title = "<h1>Generated product</h1><div class=\"price\">$12.50</div>";
    String stock = "<div class=\"stock\">" + line + "</div>";
    String hiddenDecoy =
        decoyHidden
            ? "<div class=\"d-none\">" + decoy + "</div>"
            : "<div class=\"recommendations\"><p>" + decoy + "</p></div>";
    String body =
        beforeTitle ? hiddenDecoy + stock + gap + title : title + hiddenDecoy + gap + stock;
    assertThat(availability(body)).as(body).isEqualTo(soldOut ? "OutOfStock" : "InStock");
  }
}
