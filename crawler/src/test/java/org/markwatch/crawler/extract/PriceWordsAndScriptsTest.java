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

  @Test
  void aBadgeTellsTheOldPriceAndInstalmentsAndShippingAreNoPrice() {
    Listing l =
        one(
            "https://vui.example.vn/p/6",
            "<html lang='vi'><head><title>Nồi chiên</title></head><body><h1>Nồi chiên</h1>"
                + "<section><div class='a1'><span>₫</span>1.190.000</div>"
                + "<div class='b2'><span>₫</span>1.590.000</div><div class='c3'>-25%</div></section>"
                + "<div><span>SPayLater: mua trước trả sau - chỉ từ <b>₫396.667</b> x 3 kỳ</span></div>"
                + "<ul><li>Phí vận chuyển: <b>₫30.000</b></li></ul><button>Mua ngay</button></body></html>");
    assertPrices(l, "1190000", "1590000", "VND");
  }

  @Test
  void aProductNamedInABlockTheTitleContainsIsAProductPageNotAListOfItsRecommendations() {
    StringBuilder hot = new StringBuilder("<div class='m-aside'><h3>店铺热销</h3><ul class='plist'>");
    for (int i = 1; i <= 4; i++) {
      hot.append("<li class='item'><a href='/")
          .append(1000 + i)
          .append(".html'><img src='/a.jpg'><p class='p-name'>云帆 配件 套装 ")
          .append(i)
          .append("</p></a><span class='price'>￥")
          .append(99 * i)
          .append(".00</span></li>");
    }
    hot.append("</ul></div>");
    List<Listing> out =
        Extraction.extract(
            TestPages.html(
                "https://item.example.cn/100038271645.html",
                "<html lang='zh-CN'><head><title>【京点】云帆扫拖一体机器人X9 Max 自动集尘【行情 报价】-京点</title>"
                    + "</head><body><div class='sku-name'>云帆扫拖一体机器人X9 Max 自动集尘</div>"
                    + "<div class='summary-price'><span class='p-price'><span>￥</span>"
                    + "<span class='price'>4999.00</span></span></div>"
                    + "<div class='plus'><span class='p-price-plus'>￥4899.00</span> PLUS价</div>"
                    + hot
                    + "</body></html>"));
    assertThat(out).hasSize(1);
    assertThat(out.get(0).title()).isEqualTo("云帆扫拖一体机器人X9 Max 自动集尘");
    assertPrices(out.get(0), "4999.00", null, "CNY");
  }

  @Test
  void centsAfterTheEuroSignAnEcoFeeAndAnotherOffersPriceAreReadForWhatTheyAre() {
    Listing l =
        one(
            "https://fnac.example/a/1",
            "<html lang='fr'><head><title>Moulin</title></head><body><h1>Moulin</h1>"
                + "<div class='box'><div><span>Prix conseillé</span> <del class='oldPrice'>159<sup>€99</sup></del></div>"
                + "<div class='price'><span class='userPrice'>129<sup>€99</sup></span></div>"
                + "<div class='ecopart'>dont 0,50 € d'éco-part.</div></div>"
                + "<div><span class='tab'>Occasion dès 98€00</span></div>"
                + "<div class='ship'><strong>Shipping: 2,99 €</strong></div>"
                + "<button>Ajouter au panier</button></body></html>");
    assertPrices(l, "129.99", "159.99", "EUR");
  }

  @Test
  void theLowestOfSeveralOffersGivesWayToThePriceShownWithinTheirRange() {
    Listing l =
        one(
            "https://best.example/site/tv/6543210.p",
            "<html><head><title>TV</title><script type='application/ld+json'>{\"@context\":"
                + "\"https://schema.org\",\"@type\":\"Product\",\"name\":\"TV\",\"offers\":"
                + "{\"@type\":\"AggregateOffer\",\"lowPrice\":\"467.49\",\"highPrice\":\"549.99\","
                + "\"priceCurrency\":\"USD\"}}</script></head><body><h1>TV</h1>"
                + "<div class='priceView-customer-price'><span>$549.99</span></div>"
                + "<div class='regular-price'>Was $649.99</div><button>Add to Cart</button>"
                + "<div class='open-box'><a href='/ob'>Open-Box: from $467.49</a></div></body></html>");
    assertPrices(l, "549.99", "649.99", "USD");
  }

  @Test
  void kenyanShillingsAndAnOffBadgeWithoutAMinus() {
    Listing l =
        one(
            "https://shop.example.ke/p/1",
            "<html lang='en-KE'><head><title>Blender</title></head><body><h1>Blender</h1>"
                + "<div><div class='a'>KSh 12,999</div><div class='b'>KSh 15,999</div>"
                + "<div class='c'><span>18% off</span></div></div><button>Add to cart</button></body></html>");
    assertPrices(l, "12999", "15999", "KES");
  }
}
