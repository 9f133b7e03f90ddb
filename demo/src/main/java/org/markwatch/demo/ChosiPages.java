package org.markwatch.demo;

import static org.markwatch.demo.Html.esc;

import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Shopee-like marketplace: {@code /} links categories {@code /c/<slug>?page=N} ({@value
 * DemoWorld#CHOSI_PAGE_SIZE} per page, {@code <a rel="next">}), products {@code /p/<n>/<slug>} with
 * JSON-LD Product and BreadcrumbList, shops {@code /shop/<n>} with Organization JSON-LD and the
 * Decree 52 business information when the shop has it.
 */
final class ChosiPages extends SiteBase {

  ChosiPages(DemoWorld world, String base) {
    super(world, DemoPlatform.CHOSI, base);
  }

  @Override
  Response route(String path, Map<String, String> query) {
    if (path.equals("/")) {
      return Response.html(home());
    }
    if (path.startsWith("/c/")) {
      List<DemoListing> in = world.categories(platform).get(path.substring(3));
      if (in == null) {
        return null;
      }
      int pageNo = query.containsKey("page") ? pageNumber(query.get("page")) : 1;
      int pages = (in.size() + DemoWorld.CHOSI_PAGE_SIZE - 1) / DemoWorld.CHOSI_PAGE_SIZE;
      if (pageNo < 1 || pageNo > pages) {
        return null;
      }
      return Response.html(category(path.substring(3), in, pageNo, pages));
    }
    if (path.startsWith("/p/")) {
      return listingAt(path).map(l -> Response.html(product(l))).orElse(null);
    }
    if (path.startsWith("/shop/")) {
      return sellerAt(path).map(s -> Response.html(shop(s))).orElse(null);
    }
    return null;
  }

  @Override
  String page(String title, String body) {
    return "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>"
        + esc(title)
        + " | Chợ Sỉ</title>\n"
        + "<link rel=\"stylesheet\" href=\"/static/chosi.css\">\n"
        + "</head>\n<body>\n"
        + header()
        + body
        + footer()
        + "</body>\n</html>\n";
  }

  private String pageWithHead(String title, String head, String body) {
    return page(title, body)
        .replace(
            "<link rel=\"stylesheet\" href=\"/static/chosi.css\">\n",
            "<link rel=\"stylesheet\" href=\"/static/chosi.css\">\n" + head);
  }

  private String header() {
    return "<header class=\"top\"><a class=\"logo\" href=\"/\">Chợ Sỉ</a>"
        + "<form class=\"search\" action=\"/search\" method=\"get\"><input name=\"q\" placeholder=\"Tìm sản phẩm, thương hiệu và tên shop\"><button>Tìm</button></form>"
        + "<a class=\"cart\" href=\"/cart\">Giỏ hàng</a></header>\n";
  }

  private String footer() {
    return "<footer><p>Chợ Sỉ - sàn thương mại điện tử minh họa của markwatch. Mọi sản phẩm và người bán đều là hư cấu.</p>"
        + "<p><a href=\"/admin\">Kênh người bán</a></p></footer>\n";
  }

  private String home() {
    StringBuilder sb =
        new StringBuilder(
            "<main class=\"home\">\n<section class=\"categories\"><h2>DANH MỤC</h2><ul>\n");
    world
        .categories(platform)
        .forEach(
            (slug, in) ->
                sb.append("<li><a href=\"/c/")
                    .append(slug)
                    .append("\">")
                    .append(esc(DemoWorld.categoryTitle(slug)))
                    .append("</a> <span class=\"count\">")
                    .append(in.size())
                    .append("</span></li>\n"));
    sb.append(
        "</ul></section>\n<section class=\"daily\"><h2>GỢI Ý HÔM NAY</h2><div class=\"grid\">\n");
    world.listings(platform).stream().limit(12).forEach(l -> sb.append(card(l)));
    sb.append("</div></section>\n</main>\n");
    return page("Mua sắm online giá tốt", sb.toString());
  }

  private String category(String slug, List<DemoListing> in, int pageNo, int pages) {
    String title = DemoWorld.categoryTitle(slug);
    StringBuilder sb =
        new StringBuilder(
                "<main class=\"category\">\n<nav class=\"breadcrumb\"><a href=\"/\">Chợ Sỉ</a> › <span>")
            .append(esc(title))
            .append("</span></nav>\n<h1>")
            .append(esc(title))
            .append("</h1>\n<div class=\"grid\">\n");
    int from = (pageNo - 1) * DemoWorld.CHOSI_PAGE_SIZE;
    in.subList(from, Math.min(in.size(), from + DemoWorld.CHOSI_PAGE_SIZE))
        .forEach(l -> sb.append(card(l)));
    sb.append("</div>\n<nav class=\"pagination\">");
    if (pageNo > 1) {
      sb.append("<a rel=\"prev\" href=\"")
          .append(categoryHref(slug, pageNo - 1))
          .append("\">‹ Trước</a> ");
    }
    for (int i = 1; i <= pages; i++) {
      sb.append(
          i == pageNo
              ? "<span class=\"current\">" + i + "</span> "
              : "<a href=\"" + categoryHref(slug, i) + "\">" + i + "</a> ");
    }
    if (pageNo < pages) {
      sb.append("<a rel=\"next\" href=\"")
          .append(categoryHref(slug, pageNo + 1))
          .append("\">Sau ›</a>");
    }
    sb.append("</nav>\n</main>\n");
    String head =
        "<link rel=\"canonical\" href=\"" + esc(abs(categoryHref(slug, pageNo))) + "\">\n";
    return pageWithHead(title + (pageNo > 1 ? " - Trang " + pageNo : ""), head, sb.toString());
  }

  static String categoryHref(String slug, int pageNo) {
    return "/c/" + slug + (pageNo > 1 ? "?page=" + pageNo : "");
  }

  private String card(DemoListing l) {
    return "<div class=\"product-card\" data-item-id=\""
        + l.nativeId()
        + "\"><a href=\""
        + esc(l.path())
        + "\">"
        + "<img src=\""
        + esc(l.images().get(0))
        + "\" alt=\""
        + esc(l.title())
        + "\" width=\"160\" height=\"160\">"
        + "<div class=\"name\">"
        + esc(l.title())
        + "</div>"
        + "<div class=\"price\">"
        + VnText.shopeePrice(l.priceVnd())
        + "</div></a></div>\n";
  }

  private String product(DemoListing l) {
    DemoSeller seller = world.seller(l.sellerId()).orElseThrow();
    Random d = display(l.nativeId());
    double rating = Math.round((3.6 + d.nextDouble() * 1.4) * 10) / 10.0;
    int reviews = d.nextInt(2_500);
    String catTitle = DemoWorld.categoryTitle(l.categorySlug());
    boolean used = l.caseLabel() == DemoCase.SECOND_HAND;

    ObjectNode product = JSON.createObjectNode();
    product.put("@context", "https://schema.org");
    product.put("@type", "Product");
    product.put("productID", l.nativeId());
    product.put("name", l.title());
    product.put("description", l.text());
    product.put("sku", "CS-" + l.nativeId());
    ArrayNode images = product.putArray("image");
    l.images().forEach(i -> images.add(abs(i)));
    if (l.brandClaimed() != null) {
      product.putObject("brand").put("@type", "Brand").put("name", l.brandClaimed());
    }
    product.put("category", catTitle);
    product.put("url", abs(l.path()));
    if (reviews > 0) {
      product
          .putObject("aggregateRating")
          .put("@type", "AggregateRating")
          .put("ratingValue", rating)
          .put("reviewCount", reviews);
    }
    ObjectNode offer = product.putObject("offers");
    offer.put("@type", "Offer");
    offer.put("url", abs(l.path()));
    offer.put("price", l.priceVnd());
    offer.put("priceCurrency", "VND");
    offer.put("availability", "https://schema.org/InStock");
    offer.put(
        "itemCondition",
        used ? "https://schema.org/UsedCondition" : "https://schema.org/NewCondition");
    offer
        .putObject("seller")
        .put("@type", "Organization")
        .put("name", seller.name())
        .put("url", abs(seller.path()));

    ObjectNode crumbs = JSON.createObjectNode();
    crumbs.put("@context", "https://schema.org");
    crumbs.put("@type", "BreadcrumbList");
    ArrayNode items = crumbs.putArray("itemListElement");
    items
        .addObject()
        .put("@type", "ListItem")
        .put("position", 1)
        .put("name", "Chợ Sỉ")
        .put("item", base);
    items
        .addObject()
        .put("@type", "ListItem")
        .put("position", 2)
        .put("name", catTitle)
        .put("item", abs(categoryHref(l.categorySlug(), 1)));
    items
        .addObject()
        .put("@type", "ListItem")
        .put("position", 3)
        .put("name", l.title())
        .put("item", abs(l.path()));

    String head =
        "<link rel=\"canonical\" href=\""
            + esc(abs(l.path()))
            + "\">\n"
            + "<meta property=\"og:type\" content=\"product\">\n"
            + "<meta property=\"og:title\" content=\""
            + esc(l.title())
            + "\">\n"
            + "<meta property=\"og:image\" content=\""
            + esc(abs(l.images().get(0)))
            + "\">\n"
            + jsonLd(product)
            + jsonLd(crumbs);

    StringBuilder sb = new StringBuilder();
    sb.append("<nav class=\"breadcrumb\"><a href=\"/\">Chợ Sỉ</a> › <a href=\"")
        .append(categoryHref(l.categorySlug(), 1))
        .append("\">")
        .append(esc(catTitle))
        .append("</a> › <span>")
        .append(esc(l.title()))
        .append("</span></nav>\n");
    sb.append("<main class=\"product\" data-item-id=\"")
        .append(l.nativeId())
        .append("\">\n<div class=\"gallery\">");
    for (String img : l.images()) {
      sb.append("<img src=\"")
          .append(esc(img))
          .append("\" alt=\"")
          .append(esc(l.title()))
          .append("\" width=\"320\" height=\"320\">");
    }
    sb.append("</div>\n<div class=\"info\">\n");
    if (seller.official()) {
      sb.append("<span class=\"badge badge-mall\">Mall</span> ");
    }
    sb.append("<h1 class=\"product-title\">").append(esc(l.title())).append("</h1>\n");
    sb.append("<div class=\"stats\"><span class=\"rating\">")
        .append(reviews > 0 ? rating + " ★" : "Chưa có đánh giá")
        .append("</span> | <span class=\"reviews\">")
        .append(reviews)
        .append(" Đánh giá</span> | <span class=\"sold\">")
        .append(l.sold())
        .append(" Đã bán</span></div>\n");
    sb.append("<div class=\"price-box\">");
    if (l.listPriceVnd() != null) {
      long pct = Math.round(100.0 * (l.listPriceVnd() - l.priceVnd()) / l.listPriceVnd());
      sb.append("<span class=\"list-price\">")
          .append(VnText.shopeePrice(l.listPriceVnd()))
          .append("</span> ");
      sb.append("<span class=\"current-price\">")
          .append(VnText.shopeePrice(l.priceVnd()))
          .append("</span> ");
      sb.append("<span class=\"discount\">").append(pct).append("% GIẢM</span>");
    } else {
      sb.append("<span class=\"current-price\">")
          .append(VnText.shopeePrice(l.priceVnd()))
          .append("</span>");
    }
    sb.append("</div>\n<table class=\"specs\">\n<tr><th>Danh mục</th><td>")
        .append(esc(catTitle))
        .append("</td></tr>\n");
    l.attributes()
        .forEach(
            (k, v) ->
                sb.append("<tr><th>")
                    .append(esc(k))
                    .append("</th><td>")
                    .append(esc(v))
                    .append("</td></tr>\n"));
    sb.append("<tr><th>Kho hàng</th><td>")
        .append(5 + d.nextInt(400))
        .append("</td></tr>\n</table>\n");
    sb.append("<a class=\"add-to-cart\" href=\"/cart?add=")
        .append(l.nativeId())
        .append("\" rel=\"nofollow\">Thêm vào giỏ hàng</a> ");
    sb.append("<a class=\"buy-now\" href=\"/cart?add=")
        .append(l.nativeId())
        .append("&amp;buy=1\" rel=\"nofollow\">Mua ngay</a>\n");
    sb.append("</div>\n</main>\n");
    sb.append("<section class=\"shop-box\" data-seller-id=\"")
        .append(esc(seller.sellerId()))
        .append("\"><a class=\"shop-name\" href=\"")
        .append(esc(seller.path()))
        .append("\">")
        .append(esc(seller.name()))
        .append("</a>");
    if (seller.official()) {
      sb.append(
          " <span class=\"badge badge-mall\">Mall</span> <span class=\"badge badge-verified\">Chính hãng</span>");
    }
    sb.append(" <span class=\"shop-rating\">")
        .append(seller.rating())
        .append(" ★</span> <a href=\"")
        .append(esc(seller.path()))
        .append("\">Xem shop</a></section>\n");
    sb.append(
        "<section class=\"description\"><h2>MÔ TẢ SẢN PHẨM</h2><div class=\"product-description\">\n");
    for (String line : l.text().split("\n")) {
      sb.append("<p>").append(esc(line)).append("</p>\n");
    }
    sb.append("</div></section>\n");
    sb.append("<section class=\"related\"><h2>Sản phẩm tương tự</h2><p><a href=\"/search?q=")
        .append(esc(java.net.URLEncoder.encode(catTitle, java.nio.charset.StandardCharsets.UTF_8)))
        .append("\">Tìm thêm trong ")
        .append(esc(catTitle))
        .append("</a></p></section>\n");
    return pageWithHead(l.title(), head, sb.toString());
  }

  private String shop(DemoSeller s) {
    ObjectNode org = JSON.createObjectNode();
    org.put("@context", "https://schema.org");
    org.put("@type", "Organization");
    org.put("name", s.name());
    org.put("url", abs(s.path()));
    DemoSeller.BusinessInfo b = s.business();
    if (b != null) {
      org.put("legalName", b.legalName());
      org.put("taxID", b.taxCode());
      org.put("telephone", b.phone());
      org.put("email", b.email());
      org.putObject("address")
          .put("@type", "PostalAddress")
          .put("streetAddress", b.address())
          .put("addressRegion", b.province())
          .put("addressCountry", "VN");
      org.put("identifier", b.registration());
    } else if (s.phoneOnly() != null) {
      org.put("telephone", s.phoneOnly());
    }
    StringBuilder sb =
        new StringBuilder("<main class=\"shop\" data-seller-id=\"")
            .append(esc(s.sellerId()))
            .append("\" data-verified=\"")
            .append(s.official())
            .append("\">\n<div class=\"shop-header\"><h1 class=\"shop-name\">")
            .append(esc(s.name()))
            .append("</h1>");
    if (s.official()) {
      sb.append(
          " <span class=\"badge badge-mall\">Mall</span> <span class=\"badge badge-verified\">Chính hãng</span>");
    }
    sb.append("\n<ul class=\"shop-stats\"><li>Đánh giá: ")
        .append(s.rating())
        .append("</li><li>Người theo dõi: ")
        .append(s.followers())
        .append("</li><li>Tham gia: ")
        .append(s.joinedYear())
        .append("</li></ul></div>\n");
    sb.append(businessSection(s));
    sb.append("<section class=\"shop-products\"><h2>Sản phẩm của shop</h2><div class=\"grid\">\n");
    world.listingsOf(s).forEach(l -> sb.append(card(l)));
    sb.append("</div></section>\n</main>\n");
    return pageWithHead(s.name(), jsonLd(org), sb.toString());
  }

  /** The Decree 52 block, shared with muaban. */
  static String businessSection(DemoSeller s) {
    StringBuilder sb =
        new StringBuilder("<section class=\"business-info\"><h2>Thông tin người bán</h2>\n");
    DemoSeller.BusinessInfo b = s.business();
    if (b == null) {
      sb.append("<p class=\"missing\">Người bán chưa cung cấp thông tin kinh doanh.</p>\n");
      if (s.phoneOnly() != null) {
        sb.append("<dl><dt>Điện thoại</dt><dd class=\"phone\">")
            .append(esc(s.phoneOnly()))
            .append("</dd></dl>\n");
      }
    } else {
      sb.append("<dl>\n<dt>Tên doanh nghiệp</dt><dd class=\"legal-name\">")
          .append(esc(b.legalName()))
          .append("</dd>\n")
          .append("<dt>Mã số thuế</dt><dd class=\"tax-code\">")
          .append(esc(b.taxCode()))
          .append("</dd>\n")
          .append("<dt>Giấy chứng nhận đăng ký kinh doanh</dt><dd class=\"registration\">")
          .append(esc(b.registration()))
          .append("</dd>\n")
          .append("<dt>Địa chỉ</dt><dd class=\"address\">")
          .append(esc(b.address()))
          .append("</dd>\n")
          .append("<dt>Điện thoại</dt><dd class=\"phone\">")
          .append(esc(b.phone()))
          .append("</dd>\n")
          .append("<dt>Email</dt><dd class=\"email\">")
          .append(esc(b.email()))
          .append("</dd>\n</dl>\n");
    }
    return sb.append("</section>\n").toString();
  }
}
