package org.markwatch.crawler.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class OfferTextTest {
  @Test
  void optionsNobodyChoseAndReviewsAreLeftOut() {
    Document doc =
        Jsoup.parse(
            "<body><p class='price'>Rp1.249.000</p>"
                + "<div><button class='variant__option is-selected'>Putih</button>"
                + "<button class='variant__option'>Merah (Rp1.299.000)</button></div>"
                + "<select><option>250g</option><option selected>500g 189,000đ</option>"
                + "<option>1kg 359,000đ</option></select>"
                + "<div class='review-list'><p>Mua đợt trước 11.990.000đ</p></div>"
                + "<a class='review-count'>(6 đánh giá)</a></body>");

    String text = OfferText.of(doc.body());

    assertThat(text)
        .contains("Rp1.249.000", "Putih", "500g 189,000đ", "(6 đánh giá)")
        .doesNotContain("1.299.000", "359,000", "250g", "11.990.000");
  }

  @Test
  void withoutAChosenSiblingEveryOptionIsShownAndInlineAmountsStayJoined() {
    Document doc =
        Jsoup.parse(
            "<body><div><span class='swatch'>S 10 €</span><span class='swatch'>M 12 €</span></div>"
                + "<p>1.299<sup>000</sup>₫</p><p>next</p></body>");

    assertThat(OfferText.of(doc.body())).contains("S 10 €", "M 12 €", "1.299000₫ next");
  }

  @Test
  void aPageThatAllowsCommentsIsNoBlockOfComments() {
    Document doc =
        Jsoup.parse(
            "<body class='single-product comments-open'><div id='comments'><p id='c'>14 triệu</p></div>"
                + "<p id='p'>Giá 450k</p></body>");

    assertThat(OfferText.inReviews(doc.getElementById("p"))).isFalse();
    assertThat(OfferText.inReviews(doc.getElementById("c"))).isTrue();
  }
}
