package org.markwatch.demo;

import static org.markwatch.demo.Html.esc;

import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Tiki/Lazada-like marketplace: categories {@code /danh-muc/<slug>/trang-<N>} ({@value
 * DemoWorld#MUABAN_PAGE_SIZE} per page), products {@code /san-pham/<slug>-i<n>.html} (half with
 * JSON-LD, half with schema.org microdata only), shops {@code /cua-hang/<n>}.
 */
final class MuabanPages extends SiteBase {
  private static final String PAGE = "/trang-";

  MuabanPages(DemoWorld world, String base) {
    super(world, DemoPlatform.MUABAN, base);
  }

  @Override
  Response route(String path, Map<String, String> query) {
    if (path.equals("/")) {
      return Response.html(home());
    }
    if (path.startsWith("/danh-muc/")) {
      String rest = path.substring("/danh-muc/".length());
      int cut = rest.indexOf(PAGE);
      if (cut < 0) {
        return null;
      }
      String slug = rest.substring(0, cut);
      List<DemoListing> in = world.categories(platform).get(slug);
      int pageNo = pageNumber(rest.substring(cut + PAGE.length()));
      if (in == null || pageNo < 1) {
        return null;
      }
      int pages = (in.size() + DemoWorld.MUABAN_PAGE_SIZE - 1) / DemoWorld.MUABAN_PAGE_SIZE;
      return pageNo > pages ? null : Response.html(category(slug, in, pageNo, pages));
    }
    if (path.startsWith("/san-pham/")) {
      return listingAt(path).map(l -> Response.html(product(l))).orElse(null);
    }
    if (path.startsWith("/cua-hang/")) {
      return sellerAt(path).map(s -> Response.html(shop(s))).orElse(null);
    }
    return null;
  }

  @Override
  String page(String title, String body) {
    return pageWithHead(title, "", body);
  }

  private String pageWithHead(String title, String head, String body) {
    return "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>"
        + esc(title)
        + " - Mua Bán Nhanh</title>\n"
        + "<link rel=\"stylesheet\" href=\"/static/muaban.css\">\n"
        + head
        + "</head>\n<body>\n<div id=\"mb-header\"><a class=\"brand\" href=\"/\">Mua Bán Nhanh</a>"
        + "<form action=\"/search\"><input type=\"search\" name=\"q\" placeholder=\"Bạn tìm gì hôm nay?\"></form>"
        + "<a class=\"mb-cart\" href=\"/cart\">Giỏ hàng</a></div>\n"
        + body
        + "<div id=\"mb-footer\">Mua Bán Nhanh - sàn minh họa của markwatch; sản phẩm và người bán là hư cấu.</div>\n"
        + "</body>\n</html>\n";
  }

  static String categoryHref(String slug, int pageNo) {
    return "/danh-muc/" + slug + PAGE + pageNo;
  }

  private String home() {
    StringBuilder sb =
        new StringBuilder(
            "<div class=\"mb-home\"><h2>Danh mục nổi bật</h2><div class=\"mb-cats\">\n");
    world
        .categories(platform)
        .forEach(
            (slug, in) ->
                sb.append("<a class=\"mb-cat\" href=\"")
                    .append(categoryHref(slug, 1))
                    .append("\">")
                    .append(esc(DemoWorld.categoryTitle(slug)))
                    .append("</a>\n"));
    return page("Mua sắm trực tuyến", sb.append("</div></div>\n").toString());
  }

  private String category(String slug, List<DemoListing> in, int pageNo, int pages) {
    String title = DemoWorld.categoryTitle(slug);
    StringBuilder sb =
        new StringBuilder(
                "<div class=\"mb-listing\"><div class=\"mb-crumbs\"><a href=\"/\">Trang chủ</a> / ")
            .append(esc(title))
            .append("</div>\n<h1>")
            .append(esc(title))
            .append(" <small>(")
            .append(in.size())
            .append(" sản phẩm)</small></h1>\n<ul class=\"mb-items\">\n");
    int from = (pageNo - 1) * DemoWorld.MUABAN_PAGE_SIZE;
    for (DemoListing l : in.subList(from, Math.min(in.size(), from + DemoWorld.MUABAN_PAGE_SIZE))) {
      sb.append("<li class=\"mb-item\"><a class=\"mb-link\" href=\"")
          .append(esc(l.path()))
          .append("\"><img src=\"")
          .append(esc(l.images().get(0)))
          .append("\" alt=\"\" width=\"180\" height=\"180\"><h3>")
          .append(esc(l.title()))
          .append("</h3><span class=\"mb-price\">")
          .append(VnText.tikiPrice(l.priceVnd()))
          .append("</span></a></li>\n");
    }
    sb.append("</ul>\n<div class=\"mb-pages\">");
    for (int i = 1; i <= pages; i++) {
      sb.append(
          i == pageNo
              ? "<b>" + i + "</b> "
              : "<a href=\"" + categoryHref(slug, i) + "\">" + i + "</a> ");
    }
    if (pageNo > 1) {
      sb.append("<a rel=\"prev\" href=\"")
          .append(categoryHref(slug, pageNo - 1))
          .append("\">Trang trước</a> ");
    }
    if (pageNo < pages) {
      sb.append("<a rel=\"next\" href=\"")
          .append(categoryHref(slug, pageNo + 1))
          .append("\">Trang sau</a>");
    }
    sb.append("</div></div>\n");
    return page(title + " - Trang " + pageNo, sb.toString());
  }

  private String product(DemoListing l) {
    DemoSeller seller = world.seller(l.sellerId()).orElseThrow();
    boolean micro = l.markup() == DemoListing.Markup.MICRODATA;
    String catTitle = DemoWorld.categoryTitle(l.categorySlug());
    Random d = display(l.nativeId());
    int reviews = d.nextInt(900);
    double rating = Math.round((3.5 + d.nextDouble() * 1.5) * 10) / 10.0;
    String availability = "https://schema.org/InStock";
    String head =
        "<link rel=\"canonical\" href=\""
            + esc(abs(l.path()))
            + "\">\n"
            + "<meta name=\"description\" content=\""
            + esc(firstLine(l.text()))
            + "\">\n";
    if (!micro) {
      ObjectNode product = JSON.createObjectNode();
      product.put("@context", "https://schema.org/");
      product.put("@type", "Product");
      product.put("name", l.title());
      product.put("productID", l.nativeId());
      product.put("sku", "MB" + l.nativeId());
      product.put("description", l.text());
      ArrayNode images = product.putArray("image");
      l.images().forEach(i -> images.add(abs(i)));
      if (l.brandClaimed() != null) {
        product.putObject("brand").put("@type", "Brand").put("name", l.brandClaimed());
      }
      ObjectNode offer = product.putObject("offers");
      offer.put("@type", "Offer");
      offer.put("price", Long.toString(l.priceVnd()));
      offer.put("priceCurrency", "VND");
      offer.put("availability", availability);
      offer.put("url", abs(l.path()));
      offer
          .putObject("seller")
          .put("@type", "Organization")
          .put("name", seller.name())
          .put("url", abs(seller.path()));
      head += jsonLd(product);
    }
    StringBuilder sb =
        new StringBuilder("<div class=\"mb-crumbs\"><a href=\"/\">Trang chủ</a> / <a href=\"")
            .append(categoryHref(l.categorySlug(), 1))
            .append("\">")
            .append(esc(catTitle))
            .append("</a></div>\n");
    sb.append("<div class=\"mb-pdp\" data-product-id=\"")
        .append(l.nativeId())
        .append('"')
        .append(micro ? " itemscope itemtype=\"https://schema.org/Product\"" : "")
        .append(">\n");
    if (micro) {
      sb.append("<meta itemprop=\"productID\" content=\"").append(l.nativeId()).append("\">\n");
      sb.append("<meta itemprop=\"sku\" content=\"MB").append(l.nativeId()).append("\">\n");
    }
    sb.append("<div class=\"mb-gallery\">");
    for (String img : l.images()) {
      sb.append("<img")
          .append(micro ? " itemprop=\"image\"" : "")
          .append(" src=\"")
          .append(esc(abs(img)))
          .append("\" alt=\"")
          .append(esc(l.title()))
          .append("\" width=\"320\" height=\"320\">");
    }
    sb.append("</div>\n<div class=\"mb-main\">\n");
    if (l.brandClaimed() != null) {
      sb.append("<div class=\"mb-brand\">Thương hiệu: ");
      if (micro) {
        sb.append(
                "<span itemprop=\"brand\" itemscope itemtype=\"https://schema.org/Brand\"><span itemprop=\"name\">")
            .append(esc(l.brandClaimed()))
            .append("</span></span>");
      } else {
        sb.append(esc(l.brandClaimed()));
      }
      sb.append("</div>\n");
    }
    sb.append("<h1 class=\"mb-title\"")
        .append(micro ? " itemprop=\"name\"" : "")
        .append(">")
        .append(esc(l.title()))
        .append("</h1>\n");
    sb.append("<div class=\"mb-rating\">")
        .append(reviews > 0 ? rating + "/5 (" + reviews + " đánh giá)" : "Chưa có đánh giá")
        .append(" · Đã bán ")
        .append(l.sold())
        .append("</div>\n");
    sb.append("<div class=\"mb-offer\"")
        .append(micro ? " itemprop=\"offers\" itemscope itemtype=\"https://schema.org/Offer\"" : "")
        .append(">");
    sb.append("<span class=\"mb-price\"")
        .append(micro ? " itemprop=\"price\" content=\"" + l.priceVnd() + "\"" : "")
        .append(">")
        .append(VnText.grouped(l.priceVnd()))
        .append("</span>");
    sb.append("<span class=\"mb-currency\"")
        .append(micro ? " itemprop=\"priceCurrency\" content=\"VND\"" : "")
        .append("> ₫</span>");
    if (l.listPriceVnd() != null) {
      sb.append(" <del class=\"mb-list-price\">")
          .append(VnText.tikiPrice(l.listPriceVnd()))
          .append("</del>");
    }
    if (micro) {
      sb.append("<link itemprop=\"availability\" href=\"").append(availability).append("\">");
      sb.append(
              "<div class=\"mb-seller\" itemprop=\"seller\" itemscope itemtype=\"https://schema.org/Organization\">Bán bởi: <a itemprop=\"url\" href=\"")
          .append(esc(abs(seller.path())))
          .append("\"><span itemprop=\"name\">")
          .append(esc(seller.name()))
          .append("</span></a></div>");
    }
    sb.append("</div>\n");
    if (!micro) {
      sb.append("<div class=\"mb-seller\">Bán bởi: <a href=\"")
          .append(esc(seller.path()))
          .append("\">")
          .append(esc(seller.name()))
          .append("</a></div>\n");
    }
    if (seller.official()) {
      sb.append("<div class=\"mb-official\">✔ Chính hãng - Nhà bán được xác thực</div>\n");
    }
    sb.append("<a class=\"mb-buy\" href=\"/cart?add=")
        .append(l.nativeId())
        .append("\" rel=\"nofollow\">Chọn mua</a>\n");
    sb.append("<table class=\"mb-specs\"><caption>Thông tin chi tiết</caption>\n");
    l.attributes()
        .forEach(
            (k, v) ->
                sb.append("<tr><td>")
                    .append(esc(k))
                    .append("</td><td>")
                    .append(esc(v))
                    .append("</td></tr>\n"));
    sb.append("</table>\n</div>\n<div class=\"mb-desc\"><h2>Mô tả sản phẩm</h2><div")
        .append(micro ? " itemprop=\"description\"" : "")
        .append(">\n");
    for (String line : l.text().split("\n")) {
      sb.append(esc(line)).append("<br>\n");
    }
    sb.append("</div></div>\n</div>\n");
    if (micro) {
      sb.append("<p class=\"mb-shop-link\"><a href=\"")
          .append(esc(seller.path()))
          .append("\">Xem cửa hàng ")
          .append(esc(seller.name()))
          .append("</a></p>\n");
    }
    return pageWithHead(l.title(), head, sb.toString());
  }

  private String shop(DemoSeller s) {
    ObjectNode org = JSON.createObjectNode();
    org.put("@context", "https://schema.org");
    org.put("@type", "Organization");
    org.put("name", s.name());
    org.put("url", abs(s.path()));
    if (s.business() != null) {
      org.put("legalName", s.business().legalName());
      org.put("taxID", s.business().taxCode());
      org.put("telephone", s.business().phone());
      org.put("email", s.business().email());
      org.putObject("address")
          .put("@type", "PostalAddress")
          .put("streetAddress", s.business().address())
          .put("addressRegion", s.business().province())
          .put("addressCountry", "VN");
    }
    StringBuilder sb =
        new StringBuilder("<div class=\"mb-shop\" data-seller-id=\"")
            .append(esc(s.sellerId()))
            .append("\" data-verified=\"")
            .append(s.official())
            .append("\"><h1>")
            .append(esc(s.name()))
            .append("</h1>");
    if (s.official()) {
      sb.append("<span class=\"mb-official\">Chính hãng</span>");
    }
    sb.append("<p>")
        .append(s.rating())
        .append("/5 · ")
        .append(s.followers())
        .append(" người theo dõi · Tham gia từ ")
        .append(s.joinedYear())
        .append("</p>\n");
    sb.append(ChosiPages.businessSection(s));
    sb.append("<ul class=\"mb-items\">\n");
    for (DemoListing l : world.listingsOf(s)) {
      sb.append("<li class=\"mb-item\"><a class=\"mb-link\" href=\"")
          .append(esc(l.path()))
          .append("\"><h3>")
          .append(esc(l.title()))
          .append("</h3><span class=\"mb-price\">")
          .append(VnText.tikiPrice(l.priceVnd()))
          .append("</span></a></li>\n");
    }
    sb.append("</ul></div>\n");
    return pageWithHead(s.name(), jsonLd(org), sb.toString());
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }
}
