package org.markwatch.demo;

import static org.markwatch.demo.Html.esc;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Facebook-group-like feed. {@code /feed} is a shell whose script pages through {@code
 * /api/feed?cursor=N} ({@value DemoWorld#FEED_BATCH} posts per response) as the reader scrolls.
 * Each post renders as the fixed markup of {@link #article}, in the browser and on the
 * server-rendered {@code /post/<id>} and {@code /u/<uid>} pages alike.
 */
final class MangxaPages extends SiteBase {
  static final String GROUP_NAME = "Hội Mua Bán Pass Đồ & Hàng Hiệu Sài Gòn";

  MangxaPages(DemoWorld world, String base) {
    super(world, DemoPlatform.MANGXA, base);
  }

  @Override
  Response route(String path, Map<String, String> query) {
    return switch (path) {
      case "/" -> Response.html(home());
      case "/feed" -> Response.html(feedShell());
      case "/api/feed" -> api(query.get("cursor"));
      default -> {
        if (path.startsWith("/post/")) {
          yield listingAt(path).map(l -> Response.html(postPage(l))).orElse(null);
        }
        if (path.startsWith("/u/")) {
          yield sellerAt(path).map(s -> Response.html(userPage(s))).orElse(null);
        }
        yield null;
      }
    };
  }

  @Override
  String page(String title, String body) {
    return "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>"
        + esc(title)
        + " | Mạng Xã Chợ</title>\n"
        + "<link rel=\"stylesheet\" href=\"/static/mangxa.css\">\n</head>\n<body>\n"
        + "<nav class=\"bar\"><a class=\"home\" href=\"/\">Mạng Xã Chợ</a> <a href=\"/feed\">Bảng tin nhóm</a>"
        + " <a href=\"/search?q=\">Tìm kiếm</a></nav>\n"
        + body
        + "</body>\n</html>\n";
  }

  private String home() {
    return page(
        GROUP_NAME,
        "<main class=\"group-intro\"><h1>"
            + esc(GROUP_NAME)
            + "</h1>"
            + "<p>Nhóm công khai · "
            + world.sellers(platform).size()
            + " thành viên đăng bài gần đây.</p>"
            + "<p><a class=\"open-feed\" href=\"/feed\">Xem bảng tin</a></p></main>\n");
  }

  private String feedShell() {
    return page(
        GROUP_NAME,
        "<main class=\"group\">\n<h1>"
            + esc(GROUP_NAME)
            + "</h1>\n"
            + "<noscript><p class=\"noscript\">Bảng tin cần JavaScript để hiển thị bài viết. "
            + "Từng bài viết có địa chỉ riêng trong <a href=\"/sitemap.xml\">sơ đồ trang</a>.</p></noscript>\n"
            + "<div id=\"feed\" class=\"feed\"></div>\n"
            + "<div id=\"feed-sentinel\" aria-hidden=\"true\"></div>\n"
            + "<p id=\"feed-status\" data-state=\"idle\">Đang tải bài viết…</p>\n"
            + "</main>\n<script src=\"/static/mangxa-feed.js\"></script>\n");
  }

  private Response api(String cursorText) {
    int cursor;
    if (cursorText == null || cursorText.isEmpty()) {
      cursor = 0;
    } else if (cursorText.matches("[0-9]{1,6}")) {
      cursor = Integer.parseInt(cursorText);
    } else {
      ObjectNode err =
          JSON.createObjectNode().put("error", "cursor must be a non-negative integer");
      return Response.status(400, Response.JSON, JSON.writeValueAsString(err));
    }
    List<DemoListing> posts = world.listings(platform);
    ObjectNode out = JSON.createObjectNode();
    ArrayNode arr = out.putArray("posts");
    int end = Math.min(posts.size(), cursor + DemoWorld.FEED_BATCH);
    for (int i = cursor; i < end; i++) {
      DemoListing p = posts.get(i);
      DemoSeller author = world.seller(p.sellerId()).orElseThrow();
      ObjectNode o = arr.addObject();
      o.put("id", p.nativeId());
      o.putObject("author")
          .put("id", author.nativeId())
          .put("name", author.name())
          .put("url", author.path());
      o.put("url", p.path());
      o.put("createdAt", p.post().postedAt());
      o.put("createdAtText", p.post().postedAtText());
      o.put("text", p.text());
      ArrayNode imgs = o.putArray("images");
      p.images().forEach(imgs::add);
      o.put("likes", p.post().likes());
      o.put("comments", p.post().comments());
    }
    if (end < posts.size()) {
      out.put("nextCursor", end);
    } else {
      out.putNull("nextCursor");
    }
    return Response.ok(Response.JSON, JSON.writeValueAsString(out));
  }

  /** The post markup contract (the extraction profile of the feed relies on it). */
  String article(DemoListing p) {
    DemoSeller author = world.seller(p.sellerId()).orElseThrow();
    StringBuilder sb =
        new StringBuilder("<article class=\"post\" data-post-id=\"")
            .append(esc(p.nativeId()))
            .append("\">\n")
            .append("<header><a class=\"author\" href=\"")
            .append(esc(author.path()))
            .append("\">")
            .append(esc(author.name()))
            .append("</a> · <a class=\"permalink\" href=\"")
            .append(esc(p.path()))
            .append("\"><time datetime=\"")
            .append(esc(p.post().postedAt()))
            .append("\">")
            .append(esc(p.post().postedAtText()))
            .append("</time></a></header>\n")
            .append("<div class=\"post-text\">")
            .append(esc(p.text()))
            .append("</div>\n");
    for (String img : p.images()) {
      sb.append("<img class=\"post-image\" src=\"").append(esc(img)).append("\" alt=\"\">\n");
    }
    return sb.append("<footer><span class=\"likes\">")
        .append(p.post().likes())
        .append("</span> lượt thích · <span class=\"comments\">")
        .append(p.post().comments())
        .append("</span> bình luận</footer>\n</article>\n")
        .toString();
  }

  private String postPage(DemoListing p) {
    String head = "<link rel=\"canonical\" href=\"" + esc(abs(p.path())) + "\">\n";
    return page(
            p.title(),
            "<main class=\"single\">\n"
                + article(p)
                + "<p><a href=\"/feed\">← Về bảng tin</a></p></main>\n")
        .replace("</head>", head + "</head>");
  }

  private String userPage(DemoSeller s) {
    StringBuilder sb =
        new StringBuilder("<main class=\"profile\" data-user-id=\"")
            .append(esc(s.nativeId()))
            .append("\">\n<h1>")
            .append(esc(s.name()))
            .append("</h1>\n<p>Tham gia từ ")
            .append(s.joinedYear())
            .append(" · ")
            .append(s.followers())
            .append(
                " người theo dõi</p>\n<h2>Bài viết trong nhóm</h2>\n<ul class=\"user-posts\">\n");
    for (DemoListing p : world.listingsOf(s)) {
      sb.append("<li><a href=\"")
          .append(esc(p.path()))
          .append("\">")
          .append(esc(p.title()))
          .append("</a> <time datetime=\"")
          .append(esc(p.post().postedAt()))
          .append("\">")
          .append(esc(p.post().postedAtText()))
          .append("</time></li>\n");
    }
    return page(s.name(), sb.append("</ul>\n</main>\n").toString());
  }
}
