package org.markwatch.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.markwatch.crawler.extract.PriceWordsAndScriptsTest.assertPrices;
import static org.markwatch.crawler.extract.PriceWordsAndScriptsTest.one;

import org.junit.jupiter.api.Test;
import org.markwatch.model.Listing;

/** Posts and videos that sell an item in their words, around feeds, dialogs and shop shelves. */
class SocialPostPagesTest {
  private static final String FEED_POST =
      "<article><a href='/u/%1$s'>%1$s</a><div class='c'><div>%2$s</div><div>%3$s</div>"
          + "<div>Ship COD toàn quốc</div></div></article>";

  @Test
  void aPostOpenedInADialogOverTheFeedIsThePagesOffer() {
    String html =
        "<html lang='vi'><head><title>Instagram</title></head><body><main>"
            + FEED_POST.formatted("giay.sneak", "Giày Stridex trắng về đủ size", "Giá chỉ 690k")
            + FEED_POST.formatted("aurelle", "Nước hoa chiết 10ml", "Giá 99k")
            + "</main><div role='dialog' aria-modal='true'><div><a href='/u/tiemtui'>tiemtui</a></div>"
            + "<div class='cap'>✨ Túi Verlaine Mini Trunk ✨<br>📌 Thương hiệu: Verlaine Paris<br>"
            + "📌 Mã: VLP-MT22<br>❌ Giá gốc: 1tr650<br>💰 Giá: 1tr250<br>☎️ Zalo: 0936 118 520</div>"
            + "<div class='cm'><a href='/u/mai'>mai</a> e lấy 2 cái 2tr được k shop</div></div></body></html>";
    Listing l = one("https://social.example/p/C7xQm2LsV9a/", html);
    assertPrices(l, "1250000", "1650000", "VND");
    assertThat(l.title()).isEqualTo("✨ Túi Verlaine Mini Trunk ✨");
    assertThat(l.brandClaimed()).isEqualTo("Verlaine Paris");
    assertThat(l.attributes()).containsEntry("sku", "VLP-MT22");
  }

  @Test
  void aVideoDescriptionTypedWithLineBreaksBeforeItsShopShelfIsOneProduct() {
    StringBuilder shelf = new StringBuilder("<div class='shelf'>");
    String[][] items = {
      {"1", "Túi Castellane Tote Medium", "3.500.000 ₫"},
      {"2", "Ví Castellane Compact", "1.150.000 ₫"},
      {"3", "Khăn lụa hoạ tiết", "450.000 ₫"}
    };
    for (String[] it : items) {
      shelf
          .append("<div class='shelf-item'><a href='https://shop.example/p/")
          .append(it[0])
          .append("'><img src='/i/")
          .append(it[0])
          .append(".jpg'><div class='title'>")
          .append(it[1])
          .append("</div><div class='price'>")
          .append(it[2])
          .append("</div></a></div>");
    }
    shelf.append("</div>");
    String html =
        "<html lang='vi'><head><title>Đập hộp túi Castellane - Video</title></head><body>"
            + "<div id='description'><span class='attributed-string' style='white-space:pre-wrap'>"
            + "Đập hộp túi Castellane Tote Medium bản like auth\n💰 Giá: 3 triệu 5 (giá gốc 4tr9)\n"
            + "📌 Thương hiệu: Castellane\n📌 Mã: CT-3302\n🚚 Ship toàn quốc 35k\n"
            + "Liên hệ: Zalo 0915 627 330</span></div>"
            + shelf
            + "</body></html>";
    Listing l = one("https://video.example/watch?v=q7Rk2LmXv0s", html);
    assertPrices(l, "3500000", "4900000", "VND");
    assertThat(l.brandClaimed()).isEqualTo("Castellane");
    assertThat(l.attributes()).containsEntry("sku", "CT-3302");
  }

  @Test
  void aPricePerPairIsTheItemsPriceAndAPostsAddressIsNoCode() {
    String html =
        "<html lang='vi'><head><title>Hội Mua Bán Giày</title></head><body><div role='main'>"
            + "<div class='post'><div>Pass giày Stridex Vortex Low trắng full box</div>"
            + "<div>Giá: 850k/đôi</div><div>Lấy 2 đôi chỉ 1tr550</div>"
            + "<div>Ib mình hoặc Zalo 0977 305 814</div></div>"
            + "<div class='comments'><div>2 đôi a để 1tr550 rồi e ơi</div></div></div></body></html>";
    Listing l = one("https://social.example/groups/giay/posts/1893344120981275/", html);
    assertPrices(l, "850000", null, "VND");
    assertThat(l.attributes()).doesNotContainKey("sku");
  }

  @Test
  void aBlogsNameBeforeTheColonOfItsTitleIsNoBrand() {
    String html =
        "<html lang='vi'><head><title>Gốm Nhà Xù: Bình gốm men rạn</title></head><body>"
            + "<header><h1><a href='/'>Gốm Nhà Xù</a></h1></header><article class='post'>"
            + "<h3 class='post-title'>Bình gốm men rạn</h3><div class='post-body'>"
            + "<p>Bình gốm men rạn vẽ sen cao 35cm</p><p>Giá: 850.000đ</p>"
            + "<p>Đặt hàng: nhắn tin fanpage hoặc Zalo 0912 111 222</p></div>"
            + "<div class='post-footer'>Đăng bởi <a class='g-profile' href='/profile/1'>Gốm Nhà Xù</a>"
            + "</div></article></body></html>";
    Listing l = one("https://gomnhaxu.blog.example/2024/05/binh-gom.html", html);
    assertPrices(l, "850000", null, "VND");
    assertThat(l.brandClaimed()).isNull();
  }
}
