package org.markwatch.crawler.extract.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class PostTextTest {
  private static final String POST =
      "<div class=\"story\"><div class=\"story-message\">"
          + "<div>ÁO KHOÁC DÙ 2 LỚP – HÀNG VỀ</div><div>Size M – XL</div>"
          + "<div>Giá gốc <s>650k</s>, nay <b>giá chỉ 450k</b></div>"
          + "<div>Mua 2 áo chỉ 850k. Ship 30k</div><div>Zalo: 0912 345 678</div></div>"
          + "<div class=\"comment-text\">Hôm trước mua 500k, ship không shop</div></div>";

  @Test
  void readsTheInnermostSellingPost() {
    var post = PostText.find(Jsoup.parse("<body>" + POST + "</body>").body()).orElseThrow();
    assertThat(post.text()).startsWith("ÁO KHOÁC DÙ 2 LỚP – HÀNG VỀ\nSize M – XL\n");
    assertThat(post.text()).doesNotContain("Hôm trước");
    assertThat(post.offer().price().amount()).isEqualByComparingTo("450000");
    assertThat(post.offer().listPrice()).isEqualByComparingTo("650000");
  }

  @Test
  void aTextWithAPriceButNoWayToBuyIsNoPost() {
    String news =
        "<body><div class=\"content\"><p>Giá xăng hôm nay tăng, RON95 lên 23.500đ một lít"
            + " theo điều chỉnh mới của liên bộ.</p></div></body>";
    assertThat(PostText.find(Jsoup.parse(news).body())).isEmpty();
  }

  @Test
  void pageChromeIsNoPost() {
    String chrome =
        "<body><header><div class=\"top-text\">Freeship toàn quốc, giá chỉ 99k cho thành viên"
            + " mới, inbox ngay</div></header><div class=\"content\">Giới thiệu</div></body>";
    assertThat(PostText.find(Jsoup.parse(chrome).body())).isEmpty();
  }
}
