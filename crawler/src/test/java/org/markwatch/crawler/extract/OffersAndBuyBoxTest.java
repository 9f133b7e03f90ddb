package org.markwatch.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.markwatch.model.Listing;

/**
 * Markup listing several offers yields to the one the page shows; a buy box in an aside is the
 * product's own and other sellers' offers under it are not; the rand is read as South African shops
 * write it; an order's threshold on a card is no price; an ISBN in the address is no sku.
 */
class OffersAndBuyBoxTest {
  private static Listing one(String url, String html) {
    List<Listing> out = Extraction.extract(TestPages.html(url, html));
    assertThat(out).hasSize(1);
    return out.get(0);
  }

  @Test
  void markupListingAnotherPackFirstGivesWayToTheOfferThePageShows() {
    String page =
        "<html lang='vi'><head><title>Vitamin C 500mg hộp 100 viên</title>"
            + "<script type='application/ld+json'>{\"@context\":\"https://schema.org\","
            + "\"@type\":\"Product\",\"name\":\"Vitamin C 500mg hộp 100 viên\",\"offers\":["
            + "{\"@type\":\"Offer\",\"name\":\"Vỉ\",\"price\":13000,\"priceCurrency\":\"VND\"},"
            + "{\"@type\":\"Offer\",\"name\":\"Hộp\",\"price\":125000,\"priceCurrency\":\"VND\"}]}"
            + "</script></head><body><h1>Vitamin C 500mg hộp 100 viên</h1>"
            + "<div class='unit'><label class='active'>Hộp</label><label>Vỉ</label></div>"
            + "<div class='box-price'><span class='price'>125.000₫/Hộp</span>"
            + " <del>145.000₫</del></div>"
            + "<p class='note'>Giá lẻ mỗi vỉ: 13.000₫/Vỉ</p>"
            + "<button>Chọn mua</button></body></html>";

    Listing l = one("https://nhathuoc.example/vitamin-c-500mg", page);

    assertThat(l.price().amount()).isEqualByComparingTo("125000");
    assertThat(l.listPrice().amount()).isEqualByComparingTo("145000");
  }

  @Test
  void aBuyBoxInAnAsideIsTheProductsAndOtherSellersOffersUnderItAreNot() {
    String page =
        "<html lang='en-ZA'><head><title>Ionic Hair Dryer 2200W</title></head><body>"
            + "<header><nav><a href='/deals/budget-buys'>Budget Buys</a></nav></header>"
            + "<main><section><h1>Ionic Hair Dryer 2200W</h1><p>Brand: Vellora</p></section>"
            + "<aside class='buybox'><div class='buybox-price'><span class='currency'>R 1,299</span>"
            + " <span class='list'><s>R 1,899</s></span></div>"
            + "<button class='add-to-cart-button'>Add to Cart</button>"
            + "<div><a href='#offers'>Other Offers (2) from R 1,349</a></div></aside>"
            + "<section id='offers'><h2>Other Offers</h2><ul>"
            + "<li><span>Sold by Glow Beauty</span> <span class='offer-price'>R 1,349</span></li>"
            + "<li><span>Sold by Hair Hub</span> <span class='offer-price'>R 1,449</span></li>"
            + "</ul></section></main></body></html>";

    Listing l = one("https://shop.example/ionic-hair-dryer-2200w", page);

    assertThat(l.price().amount()).isEqualByComparingTo("1299");
    assertThat(l.price().currency()).isEqualTo("ZAR");
    assertThat(l.listPrice().amount()).isEqualByComparingTo("1899");
  }

  @Test
  void anOrdersThresholdOnACardIsNoPriceAndTheLabelledOneIsTheCardsPrice() {
    StringBuilder grid = new StringBuilder("<div class='grid'>");
    String[][] cards = {
      {"Day Cream SPF 30 - 200ml", "<span class='p'>MRP:₹1,199</span>"},
      {
        "Ceramide Barrier Cream - 80g",
        "<span>MRP:<del>₹399</del></span><span class='p'>₹299</span>"
      },
      {"Night Repair Cream - 50ml", "<span>MRP:<del>₹399</del></span><span class='p'>₹279</span>"},
      {"Vitamin C Glow Cream - 100ml", "<span class='p'>MRP:₹599</span>"}
    };
    for (int i = 0; i < cards.length; i++) {
      grid.append("<div class='product-card'><a href='/p/")
          .append(i)
          .append("'><img src='/i/")
          .append(i)
          .append(".jpg' alt=''><div class='name'>")
          .append(cards[i][0])
          .append("</div></a><div class='prices'>")
          .append(cards[i][1])
          .append("</div><p class='promo'>Free gift on orders above ₹999</p>")
          .append("<button>Add to Bag</button></div>");
    }
    String page =
        "<html lang='en-IN'><head><title>Moisturizers</title></head><body><h1>Moisturizers</h1>"
            + grid
            + "</div></body></html>";

    List<Listing> out =
        Extraction.extract(TestPages.html("https://beauty.example/moisturizers", page));

    assertThat(out)
        .extracting(l -> l.price().amount().intValue())
        .containsExactly(1199, 299, 279, 599);
  }

  @Test
  void anIsbnInTheAddressIsTheBarcodeNotTheShopsCode() {
    String page =
        "<html lang='en-NZ'><head><title>The Salt Road Home</title>"
            + "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@type\":\"Book\","
            + "\"name\":\"The Salt Road Home\",\"gtin13\":\"9780306406157\",\"offers\":{\"@type\":\"Offer\","
            + "\"price\":\"37.99\",\"priceCurrency\":\"NZD\"}}</script></head><body>"
            + "<h1>The Salt Road Home</h1><span class='price'>$37.99</span>"
            + "<ul><li>EAN: 9780306406157</li></ul></body></html>";

    Listing l = one("https://books.example/the-salt-road-home-9780306406157", page);

    assertThat(l.attributes()).containsEntry("gtin", "9780306406157").doesNotContainKey("sku");
  }

  @Test
  void aNumberInTheAddressThatIsNoBarcodeIsStillGuessedAsTheShopsCode() {
    String page =
        "<html lang='en-ZA'><head><title>Ionic Hair Dryer</title><link rel='canonical'"
            + " href='https://shop.example/ionic-hair-dryer/PLID81234567'></head><body>"
            + "<h1>Ionic Hair Dryer</h1><img src='/covers/PLID81234567/zoom.jpg' alt=''>"
            + "<span class='price'>R 1,299</span></body></html>";

    Listing l = one("https://shop.example/ionic-hair-dryer/PLID81234567", page);

    assertThat(l.attributes()).containsEntry("sku", "PLID81234567");
  }
}
