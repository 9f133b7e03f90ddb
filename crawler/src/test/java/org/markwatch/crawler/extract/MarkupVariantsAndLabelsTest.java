package org.markwatch.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.markwatch.model.Listing;

/**
 * Markup that describes another variant or the price before a sale gives way to the price shown; a
 * region after a script in the page's language tag names the dollar; codes are read under the
 * labels shops print ("No. SKU", "Item Number (DPCI)", "Article #"); a model code is no currency.
 */
class MarkupVariantsAndLabelsTest {
  private static String jsonLd(String sku, String price, String currency) {
    return "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@type\":\"Product\","
        + "\"name\":\"Blender Pro 2L\",\"sku\":\""
        + sku
        + "\",\"offers\":{\"@type\":\"Offer\",\"price\":\""
        + price
        + "\",\"priceCurrency\":\""
        + currency
        + "\"}}</script>";
  }

  private static Listing one(String url, String html) {
    List<Listing> out = Extraction.extract(TestPages.html(url, html));
    assertThat(out).hasSize(1);
    return out.get(0);
  }

  @Test
  void aMarkupPriceShownOnlyOnAVariantNobodyChoseGivesWayToTheShownPrice() {
    String page =
        "<html lang='id'><head><title>Blender Pro 2L</title>"
            + jsonLd("DAP-00125", "1299000", "IDR")
            + "</head><body><h1>Blender Pro 2L</h1>"
            + "<div class='product-price'><del>Rp1.899.000</del> <span class='final-price'>Rp1.249.000</span></div>"
            + "<div class='variant'><button class='variant__option variant__option--selected'>Putih</button>"
            + "<button class='variant__option'>Hitam</button>"
            + "<button class='variant__option'>Merah (Rp1.299.000)</button></div>"
            + "<table><tr><th>No. SKU</th><td>DAP-00123</td></tr></table>"
            + "<button>Beli Sekarang</button></body></html>";

    Listing l = one("https://toko.example/p/blender", page);

    assertThat(l.price().amount()).isEqualByComparingTo("1249000");
    assertThat(l.listPrice().amount()).isEqualByComparingTo("1899000");
    assertThat(l.attributes()).containsEntry("sku", "DAP-00123");
  }

  @Test
  void theSameAmountOnTheChosenVariantKeepsTheMarkupPrice() {
    String page =
        "<html lang='id'><head><title>Blender Pro 2L</title>"
            + jsonLd("DAP-00125", "1299000", "IDR")
            + "</head><body><h1>Blender Pro 2L</h1>"
            + "<div class='product-price'><span class='final-price'>Rp1.249.000</span></div>"
            + "<div class='variant'><button class='variant__option'>Putih</button>"
            + "<button class='variant__option variant__option--selected'>Merah (Rp1.299.000)</button>"
            + "</div><button>Beli Sekarang</button></body></html>";

    assertThat(one("https://toko.example/p/blender", page).price().amount())
        .isEqualByComparingTo("1299000");
  }

  @Test
  void markupNotUpdatedForASaleGivesThePriceBeforeIt() {
    String page =
        "<html lang='en-SG'><head><title>Pleated Skirt</title>"
            + jsonLd("NO238", "129.00", "SGD")
            + "</head><body><h1>Pleated Skirt</h1><div class='z-price'>"
            + "<span class='line-through'>S$ 129.00</span> <span class='special'>S$ 89.90</span></div>"
            + "<button>Add to bag</button></body></html>";

    Listing l = one("https://shop.example/p/skirt", page);

    assertThat(l.price().amount()).isEqualByComparingTo("89.90");
    assertThat(l.listPrice().amount()).isEqualByComparingTo("129.00");
  }

  @Test
  void aDollarOnAPageTaggedWithScriptAndRegionIsTheRegionsDollar() {
    String page =
        "<html lang='zh-Hant-TW'><head><title>耳機</title></head><body><h1>無線降噪耳罩式耳機</h1>"
            + "<div class='o-prodPrice'><span class='o-prodPrice__label'>網路價</span>"
            + "<span class='o-prodPrice__value'>$8,990</span></div>"
            + "<button>加入購物車</button></body></html>";

    assertThat(one("https://24h.example/prod/DCAH4B", page).price().currency()).isEqualTo("TWD");
  }

  @Test
  void codesUnderTheLabelsShopsPrint() {
    String[][] cases = {
      {"<div><b>Item Number (DPCI)</b>: 072-04-1839</div>", "072-04-1839"},
      {"<p>Article #: <span>054-3321-0</span></p>", "054-3321-0"},
      {"<table><tr><th>No. SKU</th><td>DAP-60021</td></tr></table>", "DAP-60021"}
    };
    for (String[] c : cases) {
      String page =
          "<html lang='en'><head><title>Drill</title></head><body><h1>Cordless Drill</h1>"
              + "<p class='price'>$139.99</p><button>Add to cart</button>"
              + c[0]
              + "</body></html>";
      assertThat(one("https://shop.example/p/drill", page).attributes())
          .as(c[0])
          .containsEntry("sku", c[1]);
    }
  }

  @Test
  void aBrandUnderTheProductsBrandLabel() {
    String page =
        "<html lang='fr'><head><title>Peinture</title></head><body><h1>Peinture mur 2,5 L</h1>"
            + "<p class='price'>54,90 €</p><button>Ajouter au panier</button>"
            + "<table><tr><th>Marque du produit</th><td>Lumivel</td></tr></table></body></html>";

    assertThat(one("https://bricolage.example/p/peinture", page).brandClaimed())
        .isEqualTo("Lumivel");
  }

  @Test
  void aModelCodeThatBeginsWithACurrencyCodeIsNoPrice() {
    StringBuilder rows = new StringBuilder();
    String[] models = {"MNT-NC868 W", "OTH-NC491 S", "MNT-TW6631 B", "KZN-WF3809 W"};
    int[] prices = {42320, 13790, 24340, 8190};
    for (int i = 0; i < models.length; i++) {
      rows.append("<tr class='pListBlock'><td><a href='/product/")
          .append(100 + i)
          .append("/'>")
          .append(models[i])
          .append(" [ワイヤレスイヤホン]</a></td><td class='pPrice'><span class='productPrice'>￥")
          .append(String.format("%,d", prices[i]))
          .append("</span></td></tr>");
    }
    String page =
        "<html lang='ja'><head><title>検索結果</title></head><body><table>"
            + rows
            + "</table></body></html>";

    List<Listing> cards = Extraction.extract(TestPages.html("https://yodo.example/search", page));

    assertThat(cards).hasSize(4);
    for (int i = 0; i < prices.length; i++) {
      assertThat(cards.get(i).price().amount()).isEqualByComparingTo(String.valueOf(prices[i]));
      assertThat(cards.get(i).price().currency()).isEqualTo("JPY");
    }
  }

  @Test
  void aPriceBoxThatSaysContactTheShopGivesNoPriceWhateverAReviewQuotes() {
    String page =
        "<html lang='vi'><head><title>Sofa góc Malmo</title><script type='application/ld+json'>"
            + "{\"@context\":\"https://schema.org\",\"@type\":\"Product\",\"name\":\"Sofa góc Malmo\","
            + "\"sku\":\"SF-L026\"}</script></head><body><h1>Sofa góc Malmo</h1>"
            + "<p class='price'><span class='amount'>Liên hệ</span></p>"
            + "<p>Sofa góc chữ L bọc vải bố, khung gỗ sồi, đặt làm theo kích thước nhà bạn. Giao và"
            + " lắp đặt tận nơi trong nội thành, bảo hành khung 5 năm, đổi vải miễn phí lần đầu.</p>"
            + "<ol class='commentlist'><li class='review'><div class='comment_container'>"
            + "<div class='comment-text'><p class='meta'><strong>Lý Văn Khánh</strong> – 20/02/2023</p>"
            + "<div class='description'><p>Sản phẩm đúng mô tả, dùng được một tuần thấy ổn.</p>"
            + "<p>Mình đặt bản 2m4 được báo giá khoảng 14 triệu, ship tận nhà.</p>"
            + "<p>Nhân viên tư vấn nhiệt tình, sẽ ủng hộ shop tiếp.</p></div></div></div></li></ol>"
            + "</body></html>";

    List<Listing> out = Extraction.extract(TestPages.html("https://noithat.example/sofa", page));

    assertThat(out).hasSize(1);
    assertThat(out.get(0).price()).isNull();
  }

  @Test
  void aSpecRowOfAsideCellsAndAMenuLinkNamedLikeALabel() {
    String page =
        "<html lang='vi'><head><title>Máy lạnh</title></head><body>"
            + "<div class='header_links'><a href='/thuong-hieu'>Thương hiệu</a>"
            + "<a href='/hang-moi-ve'>Hàng mới về</a></div>"
            + "<h1>Máy lạnh Inverter 1.5 HP</h1><p class='price'>10.490.000₫</p><button>Mua ngay</button>"
            + "<ul class='text-specifi'><li><aside><strong>Hãng sản xuất:</strong></aside>"
            + "<aside><span>Fujiro</span></aside></li></ul>"
            + "<p>🌸 Mã vạch: 3760269841239 (quét mã thoải mái)</p></body></html>";

    Listing l = one("https://dienmay.example/may-lanh/fj-13", page);

    assertThat(l.brandClaimed()).isEqualTo("Fujiro");
    assertThat(l.attributes()).containsEntry("gtin", "3760269841239");
  }

  @Test
  void aMarkupPriceWithoutItsCurrencyIsKeptAndComparedWithNothing() {
    String page =
        "<html lang='en-IN'><head><title>Running Shoes</title><script type='application/ld+json'>"
            + "{\"@context\":\"https://schema.org\",\"@type\":\"Product\",\"name\":\"Running Shoes\","
            + "\"offers\":{\"@type\":\"Offer\",\"price\":\"3499\"}}</script></head><body>"
            + "<h1>Running Shoes</h1><p class='price'><s>₹4,999</s> ₹3,499</p>"
            + "<button>Add to bag</button></body></html>";

    Listing l = one("https://shoes.example/p/1", page);

    assertThat(l.price().amount()).isEqualByComparingTo("3499");
  }
}
