package org.markwatch.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.markwatch.crawler.extract.PriceWordsAndScriptsTest.assertPrices;
import static org.markwatch.crawler.extract.PriceWordsAndScriptsTest.one;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.markwatch.model.Listing;

/**
 * Cents written apart, cards whose classes are hashed one by one, links laid over a card, class
 * names that only look like "old", and related blocks named by their heading.
 */
class SplitPricesAndHashedCardsTest {
  private static List<Listing> all(String url, String html) {
    return Extraction.extract(TestPages.html(url, html));
  }

  @Test
  void raisedCentsBeforeTheCurrencyOnCardsAreDecimals() {
    StringBuilder grid =
        new StringBuilder("<html lang='ro'><body><h1>Laptopuri</h1><div class='grid'>");
    String[][] cards = {
      {"1", "2.199", "2.499,99"}, {"2", "5.499", null}, {"3", "1.799", "2.099,99"}
    };
    for (String[] c : cards) {
      grid.append("<div class='card-item'><a class='thumb' href='/pd/")
          .append(c[0])
          .append("/'><img src='/i/")
          .append(c[0])
          .append(".jpg'></a><a class='card-title' href='/pd/")
          .append(c[0])
          .append("/'>Laptop Zentrix model ")
          .append(c[0])
          .append("</a><div class='pricing'>")
          .append(c[2] == null ? "" : "<p class='product-old-price'><s>" + c[2] + " Lei</s></p>")
          .append("<p class='product-new-price'>")
          .append(c[1])
          .append("<sup>99</sup> <span>Lei</span></p></div></div>");
    }
    grid.append("</div></body></html>");
    List<Listing> out = all("https://shop.example.ro/laptopuri/c", grid.toString());
    assertThat(out).hasSize(3);
    assertPrices(out.get(0), "2199.99", "2499.99", "RON");
    assertPrices(out.get(1), "5499.99", null, "RON");
  }

  @Test
  void aDecimalSeparatorInItsOwnElementJoinsWholeAndFraction() {
    String html =
        "<html lang='de-DE'><body><h1>Espresso Classico, 750 g</h1><div id='price'>"
            + "<span class='a-price priceToPay'><span aria-hidden='true'>"
            + "<span class='a-price-whole'>16<span class='a-price-decimal'>,</span></span>"
            + "<span class='a-price-fraction'>49</span><span class='a-price-symbol'>€</span>"
            + "</span></span></div><button id='add-to-cart'>In den Einkaufswagen</button></body></html>";
    assertPrices(one("https://shop.example.de/dp/B0D7", html), "16.49", null, "EUR");
  }

  @Test
  void siblingCardsWhoseClassesAreHashedOneByOneAreCards() {
    String[] classes = {"xa1b", "xq7c", "xz9d", "xk2e", "xm4f"};
    StringBuilder grid =
        new StringBuilder(
            "<html lang='vi'><body><div role='main'><h1>Túi xách</h1><div class='xgrid'>");
    for (int i = 0; i < classes.length; i++) {
      grid.append("<div class='")
          .append(classes[i])
          .append(" x")
          .append(i)
          .append("'><a class='xl")
          .append(i)
          .append("' href='/marketplace/item/10")
          .append(i)
          .append("/'><img alt='Túi số ")
          .append(i)
          .append("' src='/i/")
          .append(i)
          .append(".jpg'><span class='xp")
          .append(i)
          .append("'>")
          .append(i + 1)
          .append("50.000 ₫</span><span class='xt")
          .append(i)
          .append("'>Túi đeo chéo mẫu ")
          .append(i)
          .append("</span></a></div>");
    }
    grid.append("</div></div></body></html>");
    List<Listing> out = all("https://social.example/marketplace/tui", grid.toString());
    assertThat(out).hasSize(5);
    assertThat(out.get(2).url()).isEqualTo("https://social.example/marketplace/item/102/");
    assertPrices(out.get(2), "350000", null, "VND");
  }

  @Test
  void anEmptyOverlayLinkWithATitleIsTheCardsLinkNotItsSellersProfile() {
    StringBuilder grid =
        new StringBuilder("<html lang='fr'><body><h1>Vestes en jean</h1><div class='feed-grid'>");
    for (int i = 1; i <= 3; i++) {
      grid.append("<div class='item-box'><div class='user'><a href='/member/")
          .append(100 + i)
          .append("-vendeuse")
          .append(i)
          .append("'><p>vendeuse")
          .append(i)
          .append("</p></a></div><div class='image'><img src='/i/")
          .append(i)
          .append(".jpg'><a class='overlay' href='/items/")
          .append(i)
          .append("-veste' title='Veste en jean n")
          .append(i)
          .append(", taille L, ")
          .append(10 + i)
          .append(",00 €'></a></div><p data-testid='item-")
          .append(i)
          .append("--title'>Veste en jean n")
          .append(i)
          .append("</p><p data-testid='item-")
          .append(i)
          .append("--price-text'>")
          .append(10 + i)
          .append(",00 €</p></div>");
    }
    grid.append("</div></body></html>");
    List<Listing> out = all("https://vinted.example/catalog?q=veste", grid.toString());
    assertThat(out)
        .extracting(Listing::url)
        .containsExactly(
            "https://vinted.example/items/1-veste",
            "https://vinted.example/items/2-veste",
            "https://vinted.example/items/3-veste");
    assertThat(out.get(0).title()).isEqualTo("Veste en jean n1");
  }

  @Test
  void aBoldClassIsNoOldPriceAndARecentlyViewedHeadingMarksItsBlock() {
    StringBuilder html =
        new StringBuilder(
            "<html lang='vi'><body><h1>Thuốc giảm đau</h1><div class='h2wrap'>"
                + "<h2>Sản phẩm đã xem</h2></div><div class='row'>");
    for (int i = 1; i <= 3; i++) {
      html.append(card(i + 10, "Đã xem " + i, "99.000đ", null));
    }
    html.append("</div><div class='grid'>");
    for (int i = 1; i <= 3; i++) {
      html.append(card(i, "Viên sủi giảm đau " + i, (40 + i) + ".000đ", (50 + i) + ".000đ"));
    }
    html.append("</div></body></html>");
    List<Listing> out = all("https://pharmacy.example.vn/giam-dau", html.toString());
    assertThat(out).hasSize(6);
    assertThat(out.subList(0, 3))
        .allSatisfy(l -> assertThat(l.attributes()).containsEntry("listContext", "related"));
    assertThat(out.get(3).attributes()).containsEntry("listContext", "main");
    assertPrices(out.get(3), "41000", "51000", "VND");
  }

  @Test
  void everySplitPriceOfABoxIsJoinedAndACamelCaseOldPriceClassStrikes() {
    assertThat(
            org.markwatch.crawler.extract.html.SplitCents.join(
                org.jsoup.Jsoup.parse("<div>2.499<sup>99</sup> Lei 2.199<sup>99</sup> Lei</div>")
                    .selectFirst("div")))
        .isEqualTo("2.499,99 Lei 2.199,99 Lei");
    StringBuilder grid = new StringBuilder("<html lang='vi'><body><h1>Nồi chiên</h1><ul>");
    for (int i = 1; i <= 3; i++) {
      grid.append("<li class='item'><a href='/p/")
          .append(i)
          .append("'><img src='/i/")
          .append(i)
          .append(".jpg'><span class='name'>Nồi chiên mẫu ")
          .append(i)
          .append("</span></a><span class='productOldPrice'>")
          .append(i + 1)
          .append(".990.000đ</span><span class='productPrice'>")
          .append(i)
          .append(".490.000đ</span></li>");
    }
    grid.append("</ul></body></html>");
    List<Listing> out = all("https://shop.example.vn/noi-chien", grid.toString());
    assertThat(out).hasSize(3);
    assertPrices(out.get(0), "1490000", "2990000", "VND");
  }

  @Test
  void aCategoryIntroInOneParagraphAboveItsGridIsNoPost() {
    StringBuilder html =
        new StringBuilder(
            "<html lang='vi'><body><h1>Nồi chiên không dầu</h1><div class='intro'><p>Nồi chiên"
                + " không dầu chính hãng giá chỉ từ 990k, giao hàng toàn quốc, đặt hàng online nhận"
                + " ưu đãi, bảo hành 12 tháng tại nhà, đổi trả 7 ngày miễn phí.</p></div>"
                + "<div class='grid'>");
    for (int i = 1; i <= 4; i++) {
      html.append(card(i, "Nồi chiên mẫu " + i, (990 + i) + ".000đ", null));
    }
    html.append("</div></body></html>");
    assertThat(all("https://shop.example.vn/noi-chien", html.toString())).hasSize(4);
  }

  private static String card(int id, String title, String price, String old) {
    return "<div class='product-card'><a href='/thuoc/"
        + id
        + ".html'><img src='/i/"
        + id
        + ".jpg'><h3>"
        + title
        + "</h3></a><div class='px-3'><span class='text-body1 font-semibold text-blue-5'>"
        + price
        + "</span><span> / Hộp</span>"
        + (old == null ? "" : "<p class='text-gray-7 line-through'>" + old + "</p>")
        + "<p>Chỉ 4.100đ/viên</p></div></div>";
  }
}
