package org.markwatch.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.markwatch.model.Listing;
import org.markwatch.model.Seller;

/**
 * Generated list and shop pages: whatever the card markup and price format, one listing per card,
 * its price right.
 */
class CardAndSellerPropertiesTest {
  record Card(String title, long price, Long old) {}

  @Provide
  Arbitrary<Card> cards() {
    Arbitrary<String> title =
        Arbitraries.of("Nước hoa", "Son môi", "Túi xách", "Đồng hồ", "Giày thể thao", "Áo khoác")
            .flatMap(w -> Arbitraries.integers().between(1, 9999).map(n -> w + " mẫu " + n));
    Arbitrary<Long> price = Arbitraries.longs().between(1, 99_999).map(k -> k * 1000);
    return Combinators.combine(title, price, Arbitraries.integers().between(0, 3))
        .as((t, p, o) -> new Card(t, p, o == 0 ? Long.valueOf(p + p / 5 + 1000) : null));
  }

  /** "1.190.000 ₫", "1.190.000đ", "1,190,000 VND", "₫1.190.000". */
  static String vnd(long amount, int style) {
    String dots = String.format("%,d", amount).replace(',', '.');
    return switch (style) {
      case 0 -> dots + " ₫";
      case 1 -> dots + "đ";
      case 2 -> String.format("%,d", amount) + " VND";
      default -> "₫" + dots;
    };
  }

  static String page(List<Card> cards, String tag, String cls, int style) {
    StringBuilder sb =
        new StringBuilder("<html lang='vi'><body><h1>Danh mục</h1><div class='list'>");
    for (int i = 0; i < cards.size(); i++) {
      Card c = cards.get(i);
      sb.append('<')
          .append(tag)
          .append(" class='")
          .append(cls)
          .append(i % 2 == 0 ? " even'>" : " odd'>")
          .append("<a href='/p/")
          .append(i)
          .append("'><img src='/i/")
          .append(i)
          .append(".jpg'></a>")
          .append("<div><a href='/p/")
          .append(i)
          .append("'>")
          .append(c.title())
          .append("</a></div>")
          .append("<div class='p'><span>")
          .append(vnd(c.price(), style))
          .append("</span>");
      if (c.old() != null) {
        sb.append("<s>").append(vnd(c.old(), style)).append("</s>");
      }
      sb.append("</div></").append(tag).append('>');
    }
    return sb.append("</div></body></html>").toString();
  }

  @Property(tries = 30)
  void everyCardIsOneListingWithItsPrice(
      @ForAll("cardLists") List<Card> cards,
      @ForAll @IntRange(min = 0, max = 3) int style,
      @ForAll("tags") String tag) {
    List<Listing> out =
        Extraction.extract(
            TestPages.html("https://shop.example.vn/c/1", page(cards, tag, "item", style)));

    assertThat(out).hasSize(cards.size());
    for (int i = 0; i < cards.size(); i++) {
      Listing l = out.get(i);
      assertThat(l.title()).isEqualTo(cards.get(i).title());
      assertThat(l.url()).isEqualTo("https://shop.example.vn/p/" + i);
      assertThat(l.price().amount()).isEqualByComparingTo(BigDecimal.valueOf(cards.get(i).price()));
      assertThat(l.price().currency()).isEqualTo("VND");
      if (cards.get(i).old() != null) {
        assertThat(l.listPrice().amount())
            .isEqualByComparingTo(BigDecimal.valueOf(cards.get(i).old()));
      } else {
        assertThat(l.listPrice()).isNull();
      }
    }
  }

  @Provide
  Arbitrary<List<Card>> cardLists() {
    return cards().list().ofMinSize(3).ofMaxSize(30);
  }

  @Provide
  Arbitrary<String> tags() {
    return Arbitraries.of("div", "li", "article", "section");
  }

  @Property(tries = 50)
  void shopFiguresAreReadAsWritten(
      @ForAll @IntRange(min = 0, max = 50) int ratingTenths,
      @ForAll @IntRange(min = 0, max = 999_999) int followers,
      @ForAll @IntRange(min = 2000, max = 2026) int year,
      @ForAll @IntRange(min = 1, max = 12) int month,
      @ForAll boolean vietnamese) {
    String rating = (ratingTenths / 10) + (vietnamese ? "," : ".") + (ratingTenths % 10);
    String text =
        vietnamese
            ? "Đánh giá: "
                + rating
                + " / 5 · Người theo dõi: "
                + String.format("%,d", followers).replace(',', '.')
                + " · Tham gia: "
                + month
                + "/"
                + year
            : "Rating "
                + rating
                + "/5 · Followers: "
                + String.format("%,d", followers)
                + " · Joined: "
                + month
                + "/"
                + year;
    String html = "<html><body><h1>Shop Hàng Hiệu</h1><p>" + text + "</p></body></html>";

    Seller s =
        Extraction.seller(TestPages.html("https://shop.example.vn/shop/1", html)).orElseThrow();

    assertThat(s.rating()).isEqualTo(ratingTenths / 10.0);
    assertThat(s.followers()).isEqualTo((long) followers);
    assertThat(s.joinedAt()).isEqualTo(String.format("%d-%02d-01T00:00:00Z", year, month));
  }
}
