package org.markwatch.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markwatch.model.Listing;

/**
 * Two general shapes met on pages never tuned for: an amount in its own element with the currency
 * in the text beside it ("<span>599</span>元起/片"), and a product page without an h1 whose own price
 * and buy button come before a grid of similar products.
 */
class SimilarProductsPageTest {
  static String card(int i, int price, int old) {
    return "<li><a href='/p/"
        + i
        + "'><img src='/i/"
        + i
        + ".jpg' alt='Bưởi "
        + i
        + "'></a><div>Bưởi da xanh loại "
        + i
        + "</div><strike>原價 $"
        + old
        + "</strike> <span>"
        + price
        + "</span>元起/箱</li>";
  }

  @Test
  void anAmountWithItsCurrencyInTheTextBesideItIsACardPrice() {
    StringBuilder html = new StringBuilder("<html><body><div class='grid'><ul>");
    for (int i = 1; i <= 4; i++) {
      html.append(card(i, 100 * i + 99, 100 * i + 500));
    }
    html.append("</ul></div></body></html>");

    List<Listing> out =
        Extraction.extract(TestPages.html("https://shop.example.tw/c/1", html.toString()));

    assertThat(out).hasSize(4);
    for (int i = 1; i <= 4; i++) {
      Listing l = out.get(i - 1);
      assertThat(l.url()).isEqualTo("https://shop.example.tw/p/" + i);
      // A price per box is the price asked for the item, not a unit price beside it.
      assertThat(l.price().amount()).isEqualByComparingTo(BigDecimal.valueOf(100 * i + 99));
      assertThat(l.listPrice().amount()).isEqualByComparingTo(BigDecimal.valueOf(100 * i + 500));
    }
  }

  @Test
  void aPriceAndBuyButtonBeforeTheCardsMakeAProductPageEvenWithoutAnH1() {
    StringBuilder html =
        new StringBuilder(
            "<html><head><title>Bưởi da xanh hộp quà</title></head><body>"
                + "<div class='title'>Bưởi da xanh hộp quà</div>"
                + "<div class='deal'>Chỉ từ $<span>990</span>元</div>"
                + "<a id='buy' href='/cart/add?id=7'>Mua ngay</a>"
                + "<div class='more'><ul>");
    for (int i = 1; i <= 4; i++) {
      html.append(card(i, 100 * i + 99, 100 * i + 500));
    }
    html.append("</ul></div></body></html>");

    List<Listing> out =
        Extraction.extract(TestPages.html("https://shop.example.tw/p/7", html.toString()));

    assertThat(out).hasSize(1);
    assertThat(out.get(0).price().amount()).isEqualByComparingTo("990");
  }

  @Test
  void aPricePerKiloStaysAUnitPrice() {
    StringBuilder html = new StringBuilder("<html><body><div class='grid'><ul>");
    for (int i = 1; i <= 3; i++) {
      html.append("<li><a href='/p/")
          .append(i)
          .append("'>Cà phê hạt ")
          .append(i)
          .append("</a><div class='price'>")
          .append(i)
          .append("20.000 ₫</div><div class='unit'>(")
          .append(i)
          .append("00.000 ₫/kg)</div></li>");
    }
    html.append("</ul></div></body></html>");

    List<Listing> out =
        Extraction.extract(TestPages.html("https://shop.example.vn/c/2", html.toString()));

    assertThat(out).hasSize(3);
    assertThat(out.get(1).price().amount()).isEqualByComparingTo("220000");
  }
}
