package org.markwatch.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.markwatch.model.Listing;

/**
 * A price before tax is shown beside the price everybody pays and loses to it, also when markup
 * gives it; a table of instalment plans holds no price; markup describing another size loses to the
 * price shown, however far apart, when the page shows its amount only on that size's tile or prints
 * another code than the markup's.
 */
class TaxTablesAndVariantsTest {
  private static Listing one(String url, String html) {
    List<Listing> out = Extraction.extract(TestPages.html(url, html));
    assertThat(out).hasSize(1);
    return out.get(0);
  }

  @Test
  void aPriceBeforeTaxBesideThePriceLoses() {
    String page =
        "<html lang='fr-BE'><head><title>Aspirateur robot S7</title></head><body>"
            + "<h1>Aspirateur robot S7</h1><div class='price-excl text-muted'>329,75 € HTVA</div>"
            + "<div class='price'><span class='lead'>399,00 €</span> <span>TVAC</span></div>"
            + "<button>Ajouter au panier</button></body></html>";

    assertThat(one("https://electro.example/p/s7", page).price().amount())
        .isEqualByComparingTo("399.00");
  }

  @Test
  void markupGivingThePriceBeforeTaxLosesToThePriceShownWithIt() {
    String page =
        "<html lang='hu'><head><title>Fűnyíró 42 cm</title></head><body><h1>Fűnyíró 42 cm</h1>"
            + "<div itemscope itemtype='https://schema.org/Product'><meta itemprop='name' content='Fűnyíró 42 cm'>"
            + "<div itemprop='offers' itemscope itemtype='https://schema.org/Offer'>"
            + "<meta itemprop='price' content='70858'><meta itemprop='priceCurrency' content='HUF'>"
            + "<div>Akciós ár: <span class='price_gross'>89 990 Ft</span></div>"
            + "<div>Nettó ár: <span class='price_net'>70 858 Ft</span> + 27% ÁFA</div></div></div>"
            + "<button>Kosárba</button></body></html>";

    assertThat(one("https://kert.example/funyiro", page).price().amount())
        .isEqualByComparingTo("89990");
  }

  @Test
  void aTableOfInstalmentPlansHoldsNoPrice() {
    String page =
        "<html lang='tr'><head><title>Dizüstü 15</title></head><body><h1>Dizüstü 15</h1>"
            + "<section><h2>Taksit Seçenekleri</h2><table><tr><th>Kart</th><th>Taksit</th><th>Aylık</th></tr>"
            + "<tr><td>Bonus</td><td>3</td><td>8.333,00 TL</td></tr>"
            + "<tr><td>Bonus</td><td>6</td><td>4.166,50 TL</td></tr></table></section>"
            + "<div class='urun-fiyat'><span>24.999,00 TL</span></div><button>Sepete Ekle</button>"
            + "</body></html>";

    assertThat(one("https://vatan.example/dizustu-15", page).price().amount())
        .isEqualByComparingTo("24999.00");
  }

  @Test
  void markupForASizeShownOnlyOnItsTileLosesHoweverFarFromTheShownPrice() {
    String page =
        "<html lang='en-US'><head><title>Dry Dog Food 24 lb</title>"
            + "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@type\":\"Product\","
            + "\"name\":\"Dry Dog Food 4 lb\",\"offers\":{\"@type\":\"Offer\",\"price\":\"21.99\","
            + "\"priceCurrency\":\"USD\"}}</script></head><body><h1>Dry Dog Food, 24-lb bag</h1>"
            + "<div class='price'><span class='now'>$62.48</span> <s>$68.99</s></div>"
            + "<ul class='tiles'><li class='variant-tile'><button aria-pressed='false'>4-lb bag $21.99</button></li>"
            + "<li class='variant-tile'><button aria-pressed='true'>24-lb bag $62.48</button></li></ul>"
            + "<button>Add to cart</button></body></html>";

    Listing l = one("https://pets.example/dp/24lb", page);

    assertThat(l.price().amount()).isEqualByComparingTo("62.48");
    assertThat(l.listPrice().amount()).isEqualByComparingTo("68.99");
  }

  @Test
  void markupNamingAnotherCodeThanThePrintedOneDescribesAnotherItem() {
    String page =
        "<html lang='fr'><head><title>Engrais agrumes 500 ml</title>"
            + "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@type\":\"Product\","
            + "\"name\":\"Engrais agrumes\",\"sku\":\"ENG-AGR-1L\",\"offers\":{\"@type\":\"Offer\","
            + "\"price\":\"21.9\",\"priceCurrency\":\"EUR\"}}</script></head><body>"
            + "<h1>Engrais agrumes</h1><div class='product-prices'><span class='regular'><s>15,90 €</s></span>"
            + " <span class='current-price'>12,90 €</span></div><p>Référence : ENG-AGR-500</p>"
            + "<select><option selected>500 ml</option><option>1 L</option></select>"
            + "<button>Ajouter au panier</button></body></html>";

    Listing l = one("https://jardin.example/engrais-agrumes", page);

    assertThat(l.price().amount()).isEqualByComparingTo("12.90");
    assertThat(l.attributes()).containsEntry("sku", "ENG-AGR-500");
  }
}
