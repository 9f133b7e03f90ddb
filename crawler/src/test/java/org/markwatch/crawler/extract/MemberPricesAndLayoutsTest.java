package org.markwatch.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.markwatch.crawler.extract.PriceWordsAndScriptsTest.assertPrices;
import static org.markwatch.crawler.extract.PriceWordsAndScriptsTest.one;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.markwatch.model.Listing;

/**
 * Prices that only members or card holders pay, ranges, Nordic and thin-space notations, social
 * posts without a price element, and list layouts that name a sidebar beside the grid.
 */
class MemberPricesAndLayoutsTest {

  @Test
  void aCardHoldersPriceShownFirstIsNotThePrice() {
    Listing l =
        one(
            "https://market.example.ru/product/1",
            "<html lang='ru'><head><title>Термокружка 450 мл</title></head><body>"
                + "<h1>Термокружка 450 мл</h1><div class='w1'><button><div><span class='a1'>2\u2009290\u00a0₽"
                + "</span></div><div><span>c Ozon Картой</span></div></button></div>"
                + "<div><span class='b2'>2\u2009490\u00a0₽</span>"
                + "<span style='text-decoration:line-through'>3\u2009990\u00a0₽</span></div>"
                + "<div><span>Курьером · 99 ₽</span></div>"
                + "<button>Добавить в корзину</button></body></html>");
    assertPrices(l, "2490", "3990", "RUB");
  }

  @Test
  void aRangeWrittenAsOneTextGivesItsLowEndAndAnAriaLabelNamesTheOldOne() {
    Listing l =
        one(
            "https://cho.example.vn/tai-nghe-i.1.2",
            "<html lang='vi'><head><title>Tai nghe Bluetooth</title></head><body>"
                + "<h1>Tai nghe Bluetooth</h1><section aria-label='Giá sản phẩm'>"
                + "<div class='q1'>₫199.000 - ₫259.000</div>"
                + "<div class='q2' aria-label='Giá gốc'>₫299.000 - ₫389.000</div></section>"
                + "<section><div>Mua Kèm Deal Sốc</div><div>Ốp lưng silicon</div><span>₫29.000</span></section>"
                + "<button>Mua ngay</button></body></html>");
    assertPrices(l, "199000", "299000", "VND");
  }

  @Test
  void theOldPriceIsTheOneBesideTheMarkupsAmount() {
    Listing l =
        one(
            "https://tienda.example.cl/product/17563402",
            "<html lang='es-CL'><head><title>Aspiradora Robot</title><script type='application/ld+json'>"
                + "{\"@context\":\"https://schema.org\",\"@type\":\"Product\",\"name\":\"Aspiradora Robot\","
                + "\"offers\":{\"@type\":\"Offer\",\"price\":\"129990\",\"priceCurrency\":\"CLP\"}}</script>"
                + "</head><body><h1>Aspiradora Robot</h1><ol>"
                + "<li><span class='p0'>$ 119.990</span> <span>Precio con tarjeta</span></li>"
                + "<li><span class='p1'>$ 129.990</span> <span>Precio Internet</span></li>"
                + "<li><span class='p2 crossed'>$ 169.990</span> <span>Precio Normal</span></li></ol>"
                + "<button>Agregar al carro</button></body></html>");
    assertPrices(l, "129990", "169990", "CLP");
  }

  @Test
  void aSwedishPageWithoutRegionPricesInKronorWithOreAfterAColon() {
    StringBuilder html =
        new StringBuilder(
            "<html lang='sv'><head><title>Bokhyllor</title></head><body><h1>Bokhyllor</h1>");
    html.append("<div class='grid'>");
    String[][] cards = {
      {"1", "BOKVIK Bokhylla", "<span class='price'>1 295:-</span>"},
      {
        "2",
        "LÅDBERG Bokstöd, 2-pack",
        "<span class='price'><span>29</span><span>:</span><span>95</span></span>"
      },
      {
        "3",
        "LÄSARE Bokhylla",
        "<div><span class='label'>Family-pris</span><span class='price'>2 995:-</span></div>"
            + "<div><span class='label'>Ordinarie pris</span> <span class='price'>3 495:-</span></div>"
      },
      {"4", "TRAVBO Hylla", "<span class='price'>199:-</span>"},
    };
    for (String[] c : cards) {
      html.append("<div class='card'><a href='/p/")
          .append(c[0])
          .append("'><img src='/i/")
          .append(c[0])
          .append(".jpg'><h3><span class='price-module__description'>")
          .append(c[1])
          .append("</span></h3></a>")
          .append(c[2])
          .append("</div>");
    }
    html.append("</div></body></html>");
    List<Listing> out =
        Extraction.extract(TestPages.html("https://mobler.example/sv/bokhyllor/", html.toString()));
    assertThat(out).hasSize(4);
    assertThat(out).allSatisfy(l -> assertThat(l.price().currency()).isEqualTo("SEK"));
    assertThat(out)
        .extracting(l -> l.price().amount().toPlainString())
        .containsExactly("1295", "29.95", "3495", "199");
  }

  @Test
  void aGridBesideItsFiltersInALayoutNamedForTheSidebarAndASavingIsNoPrice() {
    StringBuilder html =
        new StringBuilder(
            "<html lang='de-DE'><head><title>Kaffee</title></head><body><h1>Kaffee</h1>"
                + "<div class='cms-section cms-section-sidebar'><div class='cms-section-sidebar-sidebar-content'>"
                + "<div class='filter-panel'>Hersteller</div></div>"
                + "<div class='cms-section-sidebar-main-content'><div class='row listing'>");
    for (int i = 1; i <= 4; i++) {
      html.append("<div class='col'><div class='card product-box'><a href='/p/")
          .append(i)
          .append("' class='product-name'>Espresso Sorte ")
          .append(i)
          .append("</a><div class='product-price'><span class='regular-price'>")
          .append(10 + i)
          .append(",90 €</span><span class='discount-amount'>-2,00 €</span><span class='price'>")
          .append(8 + i)
          .append(",90 €</span></div></div></div>");
    }
    html.append("</div></div></div></body></html>");
    List<Listing> out =
        Extraction.extract(TestPages.html("https://kaffee.example/Espresso/", html.toString()));
    assertThat(out).hasSize(4);
    assertThat(out.get(0).attributes()).containsEntry("listContext", "main");
    assertThat(out.get(0).price().amount()).isEqualByComparingTo("9.90");
  }

  @Test
  void aPostWithObfuscatedClassesGivesItsPriceOldPriceAndCode() {
    String line = "<div class='x%d'><div dir='auto'>%s</div></div>";
    String post =
        String.format(line, 1, "🔥 ÁO KHOÁC DẠ DÁNG NGẮN 🔥")
            + String.format(line, 2, "✨ Chất dạ ép 2 lớp")
            + String.format(line, 3, "💥 Giá gốc 550k ➡️ SALE giá chỉ 390k")
            + String.format(line, 4, "🎁 Combo 2 áo chỉ 750k")
            + String.format(line, 5, "🏷️ Mã SP: AK2231")
            + String.format(line, 6, "🚚 Ship toàn quốc 30k, inbox page");
    Listing l =
        one(
            "https://social.example/shop/posts/1",
            "<html lang='vi'><head><title>Shop | Social</title></head><body>"
                + "<div role='main'><div class='a7'><span>9 tháng 6 lúc 20:15</span></div>"
                + "<div class='k9'>"
                + post
                + "</div><ul class='c1'><li><div dir='auto'>Dạ mẫu này giá 390k ạ, inbox chị nhé</div></li>"
                + "</ul></div></body></html>");
    assertPrices(l, "390000", "550000", "VND");
    assertThat(l.title()).isEqualTo("🔥 ÁO KHOÁC DẠ DÁNG NGẮN 🔥");
    assertThat(l.attributes()).containsEntry("sku", "AK2231");
  }
}
