package org.markwatch.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markwatch.model.Listing;

/**
 * Product pages that say in words or scripts other than the extractor's defaults which price is the
 * one to pay: Arabic digits, option surcharges, "statt" before a struck price, recommended retail
 * prices, sold-out offers, brands shown only beside the heading, codes labelled in the page's own
 * language.
 */
class PriceWordsAndScriptsTest {
  static Listing one(String url, String html) {
    List<Listing> out = Extraction.extract(TestPages.html(url, html));
    assertThat(out).hasSize(1);
    return out.get(0);
  }

  static void assertPrices(Listing l, String price, String listPrice, String currency) {
    assertThat(l.price().amount()).isEqualByComparingTo(new BigDecimal(price));
    assertThat(l.price().currency()).isEqualTo(currency);
    if (listPrice == null) {
      assertThat(l.listPrice()).isNull();
    } else {
      assertThat(l.listPrice().amount()).isEqualByComparingTo(new BigDecimal(listPrice));
    }
  }

  @Test
  void arabicDigitsAndAnOptionSurchargeBesideThePrice() {
    Listing l =
        one(
            "https://oud.example/p/1",
            "<html lang='ar' dir='rtl'><head><title>عطر العود</title></head><body><h1>عطر العود</h1>"
                + "<div class='price-wrapper'><h2 class='total-price'>١٬٢٤٩٫٠٠ ر.س</h2>"
                + "<span class='before-price'>١٬٤٩٠٫٠٠ ر.س</span></div>"
                + "<label>تغليف هدية <span class='option-price'>(+ ٢٥ ر.س)</span></label>"
                + "<button>أضف للسلة</button></body></html>");
    assertPrices(l, "1249.00", "1490.00", "SAR");
  }

  @Test
  void stattBeforeAStruckPriceWrittenWithItsCurrencyCode() {
    Listing l =
        one(
            "https://buero.example.ch/artikel/1842",
            "<html lang='de-CH'><head><title>Schreibtisch Pro 180</title></head><body>"
                + "<h1>Schreibtisch Pro 180</h1><div class='preisbox'>"
                + "<span class='streichpreis'>statt <strike>CHF 1'490.00</strike></span>"
                + " <span class='rabatt'>Sie sparen CHF 241.00</span><br>"
                + "<span class='preis'>CHF 1'249.00</span></div>"
                + "<button>In den Warenkorb</button></body></html>");
    assertPrices(l, "1249.00", "1490.00", "CHF");
  }

  @Test
  void recommendedRetailPriceAndADongWrittenAsALetterAreListPrices() {
    Listing it =
        one(
            "https://moda.example.it/p/2",
            "<html lang='it'><head><title>Cappotto</title></head><body><h1>Cappotto</h1>"
                + "<p><span>89,95 €</span><span>-30%</span></p>"
                + "<p><span>Prezzo consigliato: </span><span>129,95 €</span></p>"
                + "<button>Aggiungi al carrello</button></body></html>");
    assertPrices(it, "89.95", "129.95", "EUR");
    Listing vn =
        one(
            "https://cho.example.vn/p/3",
            "<html lang='vi'><head><title>Máy xay</title></head><body><h1>Máy xay</h1>"
                + "<div><span data-testid='finalPrice'>459.000<span>đ</span></span>"
                + "<span><del>620.000đ</del></span></div><button>Mua ngay</button></body></html>");
    assertPrices(vn, "459000", "620000", "VND");
  }

  @Test
  void theFirstOfferInStockIsTheOneShownNotASoldOutFirstVariant() {
    String offer =
        "{\"@type\":\"Offer\",\"name\":\"%s\",\"availability\":\"https://schema.org/%s\","
            + "\"price\":%s,\"priceCurrency\":\"AUD\"}";
    Listing l =
        one(
            "https://kiln.example/products/planter",
            "<html><head><script type='application/ld+json'>{\"@context\":\"https://schema.org\","
                + "\"@type\":\"Product\",\"name\":\"Planter\",\"offers\":["
                + offer.formatted("Small", "OutOfStock", "79.0")
                + ","
                + offer.formatted("Medium", "InStock", "139.0")
                + ","
                + offer.formatted("Large", "InStock", "219.0")
                + "]}</script></head><body><h1>Planter</h1><p>$139.00</p></body></html>");
    assertPrices(l, "139.0", null, "AUD");
  }

  @Test
  void brandThatTheTitlePutsBeforeTheHeadingAndShowsBesideIt() {
    String body =
        "<div><h3><a href='/velmora/'>Velmora</a></h3><h1>Cappotto classico</h1></div>"
            + "<p class='price'>89,95 €</p><button>Aggiungi al carrello</button></body></html>";
    Listing shown =
        one(
            "https://moda.example.it/p/4",
            "<html lang='it'><head><title>Velmora Cappotto classico - Moda</title></head><body>"
                + body);
    assertThat(shown.brandClaimed()).isEqualTo("Velmora");
    Listing notShown =
        one(
            "https://moda.example.it/p/4",
            "<html lang='it'><head><title>Saldi Cappotto classico - Moda</title></head><body>"
                + body);
    assertThat(notShown.brandClaimed()).isNull();
  }

  @Test
  void codesLabelledInThePagesOwnWords() {
    Listing l =
        one(
            "https://oud.example/p/5",
            "<html><head><title>Oud</title></head><body><h1>Oud</h1><p class='price'>$49.00</p>"
                + "<div><span>رمز المنتج (SKU): <b>NKH-OUD-100</b></span></div>"
                + "<table><tr><th>Code EAN</th><td>3760182940576</td></tr></table></body></html>");
    assertThat(l.attributes()).containsEntry("sku", "NKH-OUD-100");
    assertThat(l.attributes()).containsEntry("gtin", "3760182940576");
  }
}
