package org.markwatch.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markwatch.model.Listing;

/** Feeds whose posts write their price in words: one listing per selling post. */
class PostFeedPagesTest {
  private static final String GROUP = "https://social.example/groups/hmbdn/";

  private static List<Listing> extract(String html, String url) {
    return Extraction.extract(TestPages.html(url, html));
  }

  @Test
  void aGroupFeedGivesOneListingPerSellingPost() {
    List<Listing> posts = extract(TestPages.resource("group-feed.html"), GROUP);
    assertThat(posts)
        .extracting(Listing::url)
        .containsExactly(
            GROUP + "posts/90412/?__cft__=AZX1",
            GROUP + "posts/90433/?__cft__=AZX3",
            GROUP + "posts/90440/?__cft__=AZX4",
            GROUP + "posts/90451/?__cft__=AZX5",
            GROUP + "posts/90460/?__cft__=AZX6");
    assertThat(posts)
        .extracting(Listing::title)
        .containsExactly(
            "Pass lại nồi chiên không dầu Lumiq 5L còn mới 95%",
            "⚡ TÚI XÁCH NỮ DA MỀM HÀNG VỀ ⚡",
            "Thanh lý bàn học gỗ thông 1m2 kèm ghế",
            "Bán điện thoại Vexo S21 128GB máy zin, pin 89%",
            "Kem chống nắng Sunvia 50ml hàng có sẵn");
    assertThat(posts)
        .extracting(l -> l.price() == null ? null : l.price().amount())
        .usingElementComparator(
            (a, b) -> a == null || b == null ? (a == b ? 0 : 1) : a.compareTo(b))
        .containsExactly(
            new BigDecimal("950000"),
            new BigDecimal("399000"),
            new BigDecimal("1250000"),
            new BigDecimal("3500000"),
            null);
    assertThat(posts.get(1).listPrice().amount()).isEqualByComparingTo("650000");
    assertThat(posts.get(0).attributes()).containsEntry(Extraction.OBSERVED_ON, GROUP);
    // The rules, the post asking to buy, the comments and the sponsored column give nothing.
    assertThat(posts)
        .noneMatch(l -> l.title().contains("NỘI QUY") || l.title().contains("Cần mua"));
  }

  @Test
  void onePostWhosePricedCommentsRepeatIsNoFeed() {
    String comment =
        "<div class=\"c1\"><a href=\"/u/%d\">Khách %d</a><div>Giá 8%d0k được không shop</div>"
            + "<a href=\"/p/555/c/%d\">%d giờ</a></div>";
    StringBuilder comments = new StringBuilder();
    for (int i = 1; i <= 4; i++) {
      comments.append(comment.formatted(i, i, i, i, i));
    }
    String page =
        "<html lang=\"vi\"><body><div class=\"post\"><a href=\"/u/shop\">Shop Áo</a>"
            + "<div class=\"msg\"><div>ÁO KHOÁC DÙ 2 LỚP</div><div>Size M – XL</div>"
            + "<div>Giá chỉ 450k, ship COD</div><div>Zalo 0912 345 678</div></div></div>"
            + "<div class=\"comments\">"
            + comments
            + "</div></body></html>";
    List<Listing> out = extract(page, "https://social.example/p/555");
    assertThat(out).hasSize(1);
    assertThat(out.get(0).title()).isEqualTo("ÁO KHOÁC DÙ 2 LỚP");
    assertThat(out.get(0).price().amount()).isEqualByComparingTo("450000");
  }

  @Test
  void aProfileGridOfCaptionedPostsWithOnePinnedAboveIt() {
    String post =
        "<article class='group card'><a class='img' href='/p/%1$s?u=shop'><img src='/i/%1$s.jpg'>"
            + "<span>1/4</span></a><div class='body'><a class='block' href='/p/%1$s?u=shop'>"
            + "<p class='title'>%2$s</p><p class='caption'>%3$s</p></a>"
            + "<div class='stats'><span>322</span><span>3 ngày trước</span></div>"
            + "<a href='/download/%1$s'>Tải ảnh</a></div></article>";
    String html =
        "<html lang='vi'><head><title>tiemgiay (@tiemgiay)</title></head><body>"
            + "<section class='pinned'><h2>Đã ghim</h2>"
            + post.formatted("A1", "Giày Vortex Low trắng full box", "💰 Giá: 690k<br>Ship COD 30k")
            + "</section><div class='grid'>"
            + post.formatted("B1", "Giày lười da lộn nâu", "Size 39–43<br>Giá 1tr250")
            + post.formatted("B2", "Sandal quai chéo unisex", "💸 350k (giá gốc 450k)")
            + post.formatted("B3", "Giày Air Court đen trắng", "Hàng về số lượng ít<br>ib giá")
            + post.formatted("B4", "Feedback khách ship Đà Nẵng 🥰", "Cảm ơn chị đã tin tưởng shop")
            + post.formatted("B5", "Boot da cổ lửng đen", "Giá 1,5tr – bảo hành 12 tháng")
            + "</div></body></html>";
    List<Listing> posts = extract(html, "https://viewer.example/profile/tiemgiay");
    assertThat(posts)
        .extracting(Listing::title)
        .containsExactly(
            "Giày Vortex Low trắng full box",
            "Giày lười da lộn nâu",
            "Sandal quai chéo unisex",
            "Giày Air Court đen trắng",
            "Boot da cổ lửng đen");
    assertThat(posts.get(0).url()).isEqualTo("https://viewer.example/p/A1?u=shop");
    assertThat(posts.get(2).price().amount()).isEqualByComparingTo("350000");
    assertThat(posts.get(2).listPrice().amount()).isEqualByComparingTo("450000");
    assertThat(posts.get(3).price()).isNull();
    assertThat(posts.get(4).price().amount()).isEqualByComparingTo("1500000");
  }

  @Test
  void aFeedOfShortPostsIsReadWhole() {
    StringBuilder feed = new StringBuilder("<html lang='vi'><body><div role='feed'>");
    String[] items = {"nồi chiên", "quạt cây", "bàn ủi", "máy xay"};
    for (int i = 0; i < items.length; i++) {
      feed.append("<div class='post'><a href='/groups/1/posts/")
          .append(100 + i)
          .append("/'>")
          .append(i + 1)
          .append(" giờ</a><p>Pass ")
          .append(items[i])
          .append(" giá ")
          .append(9 - i)
          .append("50k</p><p>Ship COD</p></div>");
    }
    feed.append("</div></body></html>");
    List<Listing> posts = extract(feed.toString(), "https://social.example/groups/1/");
    assertThat(posts).hasSize(4);
    assertThat(posts.get(1).title()).isEqualTo("Pass quạt cây giá 850k");
    assertThat(posts.get(1).price().amount()).isEqualByComparingTo("850000");
  }

  @Test
  void aFeedOfCustomElementsWithBase36IdsInItsPermalinks() {
    String[][] posts = {
      {"1dfk0c3", "Halvard Fury 32GB DDR5 $85 shipped", "Tested with EXPO, in original blister."},
      {"1dfjzd4", "Nexar RX 7800 XT Pulse", "Asking $420 local only, original box."},
      {"1dfjxf6", "Sorano WH-1000XM5", "C$260 shipped within Canada, like new."},
      {"1dfjwg7", "Ryzo 7 7800X3D", "$290 shipped OBO, never delidded."}
    };
    StringBuilder feed = new StringBuilder("<html lang='en'><body><shreddit-feed>");
    for (String[] p : posts) {
      String link = "/r/swap/comments/" + p[0] + "/slug_" + p[0] + "/";
      feed.append("<article><shreddit-post><a slot='title' href='")
          .append(link)
          .append("'>")
          .append(p[1])
          .append("</a> <a href='/user/u")
          .append(p[0])
          .append("/'>u/seller</a> <time>5 hr. ago</time><a slot='text-body' href='")
          .append(link)
          .append("'><div class='md'><p>")
          .append(p[2])
          .append("</p></div></a></shreddit-post></article><hr>");
    }
    feed.append("</shreddit-feed></body></html>");

    List<Listing> out = extract(feed.toString(), "https://forum.example/r/swap/new/");

    assertThat(out)
        .extracting(Listing::url)
        .containsExactly(
            "https://forum.example/r/swap/comments/1dfk0c3/slug_1dfk0c3/",
            "https://forum.example/r/swap/comments/1dfjzd4/slug_1dfjzd4/",
            "https://forum.example/r/swap/comments/1dfjxf6/slug_1dfjxf6/",
            "https://forum.example/r/swap/comments/1dfjwg7/slug_1dfjwg7/");
    assertThat(out.get(1).price().amount()).isEqualByComparingTo("420");
    assertThat(out.get(2).price().currency()).isEqualTo("CAD");
  }

  @Test
  void theAuthorsNameIsNoSellingLineAndGiveawaysAreNoOffers() {
    String[] texts = {
      "Cáp sạc nhanh 100W dài 2m<br>Giá lẻ: 120k/sợi",
      "Khi khách hỏi «còn không shop» lúc 2h sáng 😂",
      "🎁 GIVEAWAY mừng kênh 25K subs<br>Tặng 1 tai nghe trị giá 1tr2",
      "Ốp lưng trong suốt<br>99k/cái, mua 3 tặng 1",
      "Kính mát gọng vàng<br>Giá 350k (mua 1tr9)"
    };
    StringBuilder feed = new StringBuilder("<html lang='vi'><body><section class='history'>");
    for (int i = 0; i < texts.length; i++) {
      feed.append("<div class='message_wrap'><div class='message'><div class='author'>")
          .append("<a href='https://t.example/khopass'><span>Kho Pass Công Nghệ</span></a></div>")
          .append("<div class='message_text'>")
          .append(texts[i])
          .append("</div><div class='info'><a class='date' href='https://t.example/khopass/")
          .append(5100 + i)
          .append("'><time>22:4")
          .append(i)
          .append("</time></a></div></div></div>");
    }
    feed.append("</section></body></html>");

    List<Listing> out = extract(feed.toString(), "https://t.example/s/khopass");

    assertThat(out)
        .extracting(Listing::url)
        .containsExactly(
            "https://t.example/khopass/5100",
            "https://t.example/khopass/5103",
            "https://t.example/khopass/5104");
    assertThat(out.get(0).price().amount()).isEqualByComparingTo("120000");
    assertThat(out.get(1).price().amount()).isEqualByComparingTo("99000");
    assertThat(out.get(2).listPrice().amount()).isEqualByComparingTo("1900000");
  }

  @Test
  void aForumsListOfThreadsLinksEachByItsTitleNotItsLastReply() {
    String row =
        "<li class='topicRow'><div class='main'><h4 class='title'><a class='tag' href='/forum/42/?prefix=ban'>"
            + "<span>Bán</span></a> <a href='/topic/%1$d-%2$s/'>%3$s</a></h4>"
            + "<div class='meta'>Bởi <a href='/profile/%1$d-user/'>user%1$d</a></div></div>"
            + "<ul class='last'><li><a href='/topic/%1$d-%2$s/?do=getLastComment'><time>5 phút trước</time></a></li></ul></li>";
    String html =
        "<html lang='vi'><head><title>Chợ xe - Mua bán</title></head><body><h1>Chợ xe - Mua bán</h1><ol class='topics'>"
            + row.formatted(101, "ban-xe-a", "[HCM] Bán Vexo 150 2022 chính chủ, odo 9k km - 41tr5")
            + row.formatted(102, "pass-mu", "Pass lại mũ fullface Korra size L còn mới, giá 850k")
            + row.formatted(
                103, "thanh-ly-po", "Thanh lý pô Rezzo cho Ryder 155, 2.300.000đ bao ship")
            + "</ol></body></html>";

    List<Listing> posts = extract(html, "https://xe.example/forum/42-cho-xe/");

    assertThat(posts)
        .extracting(Listing::url)
        .containsExactly(
            "https://xe.example/topic/101-ban-xe-a/",
            "https://xe.example/topic/102-pass-mu/",
            "https://xe.example/topic/103-thanh-ly-po/");
    assertThat(posts.get(0).title())
        .isEqualTo("[HCM] Bán Vexo 150 2022 chính chủ, odo 9k km - 41tr5");
    assertThat(posts.get(0).price().amount()).isEqualByComparingTo("41500000");
  }

  @Test
  void aWallsPostsLinkToThemselvesNotToTheGroupOrTheirReplies() {
    String post =
        "<div class='_post post' id='post-%1$d'><div class='post_header'>"
            + "<a class='post_image' href='/club_market'><img src='/g.jpg' alt=''></a>"
            + "<h5><a class='author' href='/club_market'>Барахолка</a></h5>"
            + "<div class='post_date'><a class='post_link' href='/wall-1_%1$d'><span>сегодня в 14:3%2$d</span></a></div></div>"
            + "<div class='wall_post_text'>%3$s<br>Цена %4$sр<br>Самовывоз.</div>"
            + "<a class='comment' href='/wall-1_%1$d?reply=1'><span>2</span></a>"
            + "<div class='replies'><div class='reply'><a href='/id7%1$d'>Дмитрий</a><div>Доставка есть?</div>"
            + "<a href='/wall-1_%1$d?reply=9%1$d'>вчера в 22:40</a></div></div></div>";
    String html =
        "<html lang='ru'><head><title>Барахолка</title></head><body><div id='page_wall_posts'>"
            + post.formatted(501, 1, "Продам детскую коляску Lirra 2в1", "6500")
            + post.formatted(502, 2, "Продаю микроволновку, белая", "1800")
            + post.formatted(503, 3, "Продам зимний комбинезон, рост 92", "2000")
            + post.formatted(504, 4, "Куплю велосипед подростковый", "3000")
            + "</div></body></html>";

    List<Listing> posts = extract(html, "https://vk.example/club_market");

    assertThat(posts)
        .extracting(Listing::url)
        .containsExactly(
            "https://vk.example/wall-1_501",
            "https://vk.example/wall-1_502",
            "https://vk.example/wall-1_503");
    assertThat(posts.get(0).price().amount()).isEqualByComparingTo("6500");
    assertThat(posts.get(0).price().currency()).isEqualTo("RUB");
  }
}
