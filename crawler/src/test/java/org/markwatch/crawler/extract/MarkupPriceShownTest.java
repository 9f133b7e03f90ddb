package org.markwatch.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markwatch.model.Listing;

/**
 * A markup price the page never shows (before tax, say) gives way to the price shown beside the
 * title and buy button, but only when the two are close; and "Brand: by X" names X.
 */
class MarkupPriceShownTest {
  static String page(String jsonLdPrice, String body) {
    return "<html lang='es'><head><title>Felpudo pintado a mano</title>"
        + "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@type\":\"Product\","
        + "\"name\":\"Felpudo pintado a mano\",\"offers\":{\"@type\":\"Offer\",\"priceCurrency\":\"EUR\","
        + "\"price\":\""
        + jsonLdPrice
        + "\",\"availability\":\"https://schema.org/InStock\"}}</script></head><body>"
        + "<h1>Felpudo pintado a mano</h1>"
        + body
        + "</body></html>";
  }

  static Listing one(String html) {
    List<Listing> out = Extraction.extract(TestPages.html("https://tienda.example.es/p/7", html));
    assertThat(out).hasSize(1);
    return out.get(0);
  }

  @Test
  void theShownPriceWinsOverAMarkupPriceThePageNeverShows() {
    Listing l =
        one(
            page(
                "43.90",
                "<p class='price'>53,11 €</p><p>IVA incluido</p>"
                    + "<button>Añadir al carro</button>"));

    assertThat(l.price().amount()).isEqualByComparingTo(new BigDecimal("53.11"));
    assertThat(l.price().currency()).isEqualTo("EUR");
  }

  @Test
  void anOriginOrDeletedPriceIsTheListPriceNotThePrice() {
    String[] olds = {"origin-price", "pdp-price pdp-price_type_deleted"};
    for (String old : olds) {
      List<Listing> out =
          Extraction.extract(
              TestPages.html(
                  "https://tienda.example.es/p/8",
                  "<html lang='es'><head><title>Molinillo</title></head><body><h1>Molinillo</h1>"
                      + "<div><span class='"
                      + old
                      + "'>39,90 €</span><span class='price'>29,90 €</span></div>"
                      + "<button>Añadir al carro</button></body></html>"));
      assertThat(out).hasSize(1);
      assertThat(out.get(0).price().amount()).isEqualByComparingTo(new BigDecimal("29.90"));
      assertThat(out.get(0).listPrice().amount()).isEqualByComparingTo(new BigDecimal("39.90"));
    }
  }

  @Test
  void aMarkupPriceThePageShowsIsKept() {
    Listing l =
        one(
            page(
                "43.90",
                "<p class='price'>43,90 €</p><p class='other'>53,11 €</p>"
                    + "<button>Añadir al carro</button>"));

    assertThat(l.price().amount()).isEqualByComparingTo(new BigDecimal("43.90"));
  }

  @Test
  void aShownPriceFarFromTheMarkupIsAnotherProductsAndTheMarkupIsKept() {
    // Sold out: the page shows no price of its own, only a recommendation's.
    Listing l =
        one(
            page(
                "14.99",
                "<p>Agotado</p><div><a href='/p/8'>Otro felpudo</a><span class='price'>71,90 €</span></div>"));

    assertThat(l.price().amount()).isEqualByComparingTo(new BigDecimal("14.99"));
  }

  @Test
  void aShownPriceInAnotherCurrencyDoesNotReplaceTheMarkupPrice() {
    Listing l =
        one(page("43.90", "<p class='price'>US$ 52,00</p><button>Añadir al carro</button>"));

    assertThat(l.price().amount()).isEqualByComparingTo(new BigDecimal("43.90"));
    assertThat(l.price().currency()).isEqualTo("EUR");
  }

  @Test
  void aBrandLabelFollowedByTheWordByNamesTheLinkAfterIt() {
    String html =
        "<html><head><title>Elegance Canape Plates</title></head><body>"
            + "<h3>Elegance Canape Plates, Set of 6</h3>"
            + "<div><h3 class='outline'>Brand Name</h3>by <a href='/brand/ci'>Certified International</a></div>"
            + "<span class='price'>$31.49</span><button>Add to Cart</button></body></html>";

    Listing l = one(html);

    assertThat(l.brandClaimed()).isEqualTo("Certified International");
  }

  @Test
  void shownAmountsAreReadInBothWritings() {
    ShownAmounts shown = ShownAmounts.of("Precio 53,11 € · 1.190.000 ₫ · $1,299.00 · 12 x 3");

    assertThat(shown.contains(new BigDecimal("53.11"))).isTrue();
    assertThat(shown.contains(new BigDecimal("1190000.00"))).isTrue();
    assertThat(shown.contains(new BigDecimal("1299"))).isTrue();
    assertThat(shown.contains(new BigDecimal("12"))).isTrue();
    assertThat(shown.contains(new BigDecimal("43.90"))).isFalse();
    assertThat(shown.contains(new BigDecimal("5311"))).isFalse();
  }

  @Test
  void nearMeansWithinAFactorOfOneAndAHalf() {
    assertThat(ProductPageExtractor.near(new BigDecimal("53.11"), new BigDecimal("43.90")))
        .isTrue();
    assertThat(ProductPageExtractor.near(new BigDecimal("71.90"), new BigDecimal("14.99")))
        .isFalse();
    assertThat(ProductPageExtractor.near(new BigDecimal("5"), new BigDecimal("329.99"))).isFalse();
    assertThat(ProductPageExtractor.near(BigDecimal.ZERO, new BigDecimal("1"))).isFalse();
  }
}
