package org.markwatch.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.markwatch.model.Listing;

/**
 * Classes of markup met on the platform pages (src/test/resources/platform-pages), each in a page
 * of its own: what the extractor must read, and what it must leave alone.
 */
class PlatformMarkupTest {
  private static List<Listing> extract(String html) {
    return Extraction.extract(TestPages.html("https://shop.example/c/mugs", html));
  }

  private static String card(String slug, String title, String priceHtml) {
    return "<li class=\"product\"><a href=\"/p/"
        + slug
        + "\"><img src=\"/i/"
        + slug
        + ".jpg\" alt=\"\"><h2>"
        + title
        + "</h2></a>"
        + priceHtml
        + "</li>";
  }

  @Test
  void screenReaderCopiesOfACardsPricesAreNotItsPrice() {
    String price =
        "<span class=\"price\"><del>£24.00</del> <span class=\"screen-reader-text\">Original price"
            + " was: £24.00.</span><ins>£18.00</ins><span class=\"screen-reader-text\">Current price"
            + " is: £18.00.</span></span>";
    List<Listing> found =
        extract(
            "<html><body><h1>Mugs</h1><ul class=\"products\">"
                + card("a", "Speckled Mug", price)
                + card("b", "Tumbler Set", price)
                + card("c", "Pinch Cup", price)
                + "</ul></body></html>");
    assertThat(found).hasSize(3);
    assertThat(found).allSatisfy(l -> assertThat(l.price().amount()).isEqualByComparingTo("18"));
    assertThat(found)
        .allSatisfy(l -> assertThat(l.listPrice().amount()).isEqualByComparingTo("24"));
  }

  @Test
  void aBadgesPercentageTellsTheOldPriceFromTheAskedOne() {
    String price =
        "<div class=\"prices\"><span class=\"price-standard\"><span>14 990 Kč</span></span>"
            + "<span class=\"price-save\">–13 %</span><strong class=\"price-final\">12 990 Kč</strong>"
            + "<div class=\"price-additional\">10 735 Kč bez DPH</div></div>";
    List<Listing> found =
        extract(
            "<html lang=\"cs\"><body><h1>Stany</h1><ul class=\"products\">"
                + card("a", "Stan Horizont", price)
                + card("b", "Stan Beskydy", price)
                + card("c", "Stan Orlík", price)
                + "</ul></body></html>");
    assertThat(found).hasSize(3);
    assertThat(found.get(0).price().amount()).isEqualByComparingTo("12990");
    assertThat(found.get(0).listPrice().amount()).isEqualByComparingTo("14990");
  }

  @Test
  void aPromotionsNumberBesideACardsPriceIsNoDiscountPair() {
    // "9.9 PRICE: $27.00" is a sale-day badge; the card's price is $27.00 and nothing is 63 % off.
    String price =
        "<span class=\"badge\">9.9 PRICE: $27.00</span><span class=\"pct\">-10%</span>"
            + "<div class=\"price\">$27.00</div>";
    List<Listing> found =
        extract(
            "<html><body><h1>Car</h1><ul class=\"products\">"
                + card("a", "Aroma Clip", price)
                + card("b", "Grip Handle", price)
                + card("c", "Ion Generator", price)
                + "</ul></body></html>");
    assertThat(found).allSatisfy(l -> assertThat(l.price().amount()).isEqualByComparingTo("27"));
  }

  /** Search result {@code i}: a card in its own result box. */
  private static String result(int i) {
    return "<div class=\"result\">"
        + card("r" + i, "Grinder model " + (char) ('A' + i), "<span>$" + (20 + i) + ".99</span>")
        + "</div>";
  }

  @Test
  void aCarouselBetweenSearchResultsLeavesTheResultsCards() {
    StringBuilder html = new StringBuilder("<html><body><div class=\"results\">");
    for (int i = 0; i < 4; i++) {
      html.append(result(i));
    }
    html.append("<div class=\"result\"><ol class=\"carousel\">");
    for (int i = 0; i < 3; i++) {
      html.append(
          card("s" + i, "Sponsored mill " + (char) ('A' + i), "<span>$" + (50 + i) + ".00</span>"));
    }
    html.append("</ol></div>");
    for (int i = 4; i < 8; i++) {
      html.append(result(i));
    }
    html.append("</div></body></html>");
    List<Listing> found = extract(html.toString());
    assertThat(found.stream().filter(l -> l.title().startsWith("Grinder")).count()).isEqualTo(8);
    assertThat(found)
        .filteredOn(l -> l.title().startsWith("Sponsored"))
        .allSatisfy(l -> assertThat(l.attributes().get("listContext")).isEqualTo("related"));
  }

  @Test
  void aProductGroupPageAndAToolbarCountAreAListNotAProduct() {
    String price = "<span class=\"product-price\">21,90 €*</span>";
    List<Listing> found =
        extract(
            "<html lang=\"de-DE\"><head><meta property=\"og:type\" content=\"product.group\"></head>"
                + "<body><div class=\"cms-section-sidebar\"><h1>Espresso</h1>"
                + "<p class=\"toolbar-amount\">Artikel <span class=\"toolbar-number\">1</span> bis "
                + "<span class=\"toolbar-number\">12</span></p><ul class=\"products\">"
                + card("a", "Espresso Classico", price)
                + card("b", "Espresso Nero", price)
                + card("c", "Espresso Crema", price)
                + "</ul></div></body></html>");
    assertThat(found).hasSize(3);
    assertThat(found)
        .allSatisfy(l -> assertThat(l.attributes().get("listContext")).isEqualTo("main"));
  }

  @Test
  void aMenuWrapperStaysOutWhileAFilterColumnsLayoutHoldsTheGrid() {
    String price = "<span class=\"price\">$12.00</span>";
    List<Listing> found =
        extract(
            "<html><body><div class=\"menu-wrapper\"><ul class=\"deals\">"
                + card("m1", "Deal of the day mug", price)
                + card("m2", "Deal of the day cup", price)
                + card("m3", "Deal of the day jug", price)
                + "</ul></div><div class=\"facets-vertical\"><aside class=\"facets\">Filter</aside>"
                + "<h1>Mugs</h1><ul class=\"products\">"
                + card("a", "Speckled Mug", price)
                + card("b", "Tumbler Set", price)
                + card("c", "Pinch Cup", price)
                + "</ul></div></body></html>");
    assertThat(found)
        .extracting(Listing::title)
        .containsExactly("Speckled Mug", "Tumbler Set", "Pinch Cup");
  }

  @Test
  void theSalePriceTagIsTheAskedPriceAndTheRegularOneIsTheListPrice() {
    List<Listing> found =
        extract(
            "<html><head><meta property=\"og:type\" content=\"product\">"
                + "<meta property=\"product:price:amount\" content=\"52000\">"
                + "<meta property=\"product:price:currency\" content=\"KRW\">"
                + "<meta property=\"product:sale_price:amount\" content=\"39000\">"
                + "</head><body><h1>린넨 셔츠</h1></body></html>");
    assertThat(found.get(0).price().amount()).isEqualByComparingTo("39000");
    assertThat(found.get(0).listPrice().amount()).isEqualByComparingTo("52000");
  }

  @Test
  void centsWrittenApartAreTheAmountsDecimals() {
    List<Listing> found =
        extract(
            "<html lang=\"es-MX\"><body><h1>Cafetera NC700</h1><div class=\"ui-pdp-price\">"
                + "<span class=\"money-amount\"><span class=\"symbol\">$</span>"
                + "<span class=\"fraction\">2,849</span><span class=\"money-amount__cents\">50</span>"
                + "</span></div><button>Comprar ahora</button></body></html>");
    assertThat(found.get(0).price().amount()).isEqualByComparingTo("2849.50");
  }

  @Test
  void aWasLabelInThePricesOwnTextAndAColumnNamedSidebarAreRead() {
    List<Listing> found =
        extract(
            "<html lang=\"de-DE\"><body><div class=\"product-details__sidebar\"><h1>Teekanne</h1>"
                + "<span class=\"price--line\">Statt: 17,95 € *</span>"
                + "<span class=\"price--content\">14,95 € *</span><button>In den Warenkorb</button>"
                + "<div class=\"attr\"><span>Artikelnummer: </span><span>VT-AERO-M-BLK</span></div>"
                + "<div class=\"attr\"><span>Merk:</span> <span>Groenhof</span></div></div>"
                + "</body></html>");
    Listing l = found.get(0);
    assertThat(l.price().amount()).isEqualByComparingTo("14.95");
    assertThat(l.listPrice().amount()).isEqualByComparingTo("17.95");
    assertThat(l.attributes().get("sku")).isEqualTo("VT-AERO-M-BLK");
    assertThat(l.brandClaimed()).isEqualTo("Groenhof");
  }

  @Test
  void aWordInCapitalsIsNoSku() {
    List<Listing> found =
        extract(
            "<html><body><h1>Teapot</h1><span class=\"price\">$20.00</span><button>Add to cart</button>"
                + "<div><span>SKU:</span> <span>NEW</span></div></body></html>");
    assertThat(found.get(0).attributes().get("sku")).isNotEqualTo("NEW");
  }
}
