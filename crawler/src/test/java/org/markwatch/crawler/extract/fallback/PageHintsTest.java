package org.markwatch.crawler.extract.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class PageHintsTest {
  @Test
  void productNamedInAnH2IsTheHeadingWhenTheOnlyH1IsTheLogo() {
    Document doc =
        Jsoup.parse(
            "<html><head><title>하루견과 믹스넛 1kg - 견과류 | 예시몰</title></head><body>"
                + "<header><h1 class='logo'><a href='/'>예시몰</a></h1></header>"
                + "<h2>오늘의 특가</h2><div><h2 class='title'>하루견과 믹스넛 1kg</h2></div></body></html>");
    assertThat(PageHints.mainHeading(doc).text()).isEqualTo("하루견과 믹스넛 1kg");
  }

  @Test
  void ogTitleNamesTheHeadingToo() {
    Document doc =
        Jsoup.parse(
            "<html><head><title>Shop</title><meta property='og:title' content='Máy xay cầm tay'>"
                + "</head><body><div id='logo'><h1>Shop</h1></div><h3>Máy xay cầm tay</h3></body></html>");
    assertThat(PageHints.mainHeading(doc).text()).isEqualTo("Máy xay cầm tay");
  }

  @Test
  void noHeadingWhenNoLowerHeadingIsNamedByTheTitle() {
    Document doc =
        Jsoup.parse(
            "<html><head><title>Giày nam</title></head><body><div class='logo'><h1>Shop</h1></div>"
                + "<h2>Tin tức mới nhất</h2></body></html>");
    assertThat(PageHints.mainHeading(doc)).isNull();
  }
}
