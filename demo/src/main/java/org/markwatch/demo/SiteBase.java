package org.markwatch.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every demo platform serves the same way: robots.txt, the sitemap, images, static assets, the
 * trap pages robots.txt forbids (cart, admin, search) and 404. Subclasses route the rest. Rendering
 * is a pure function of the world and the base URL.
 */
abstract class SiteBase {
  /** Path prefixes robots.txt disallows; requests to them are counted as violations. */
  static final List<String> DISALLOWED = List.of("/cart", "/admin", "/search");

  private static final Set<String> STATIC =
      Set.of("chosi.css", "muaban.css", "mangxa.css", "mangxa-feed.js");
  static final ObjectMapper JSON = JsonMapper.builder().build();

  final DemoWorld world;
  final DemoPlatform platform;

  /** Ends with "/". */
  final String base;

  private final Map<String, DemoListing> listingsByPath;
  private final Map<String, DemoSeller> sellersByPath;

  SiteBase(DemoWorld world, DemoPlatform platform, String base) {
    this.world = world;
    this.platform = platform;
    this.base = base.endsWith("/") ? base : base + "/";
    this.listingsByPath =
        world.listings(platform).stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(DemoListing::path, l -> l));
    this.sellersByPath =
        world.sellers(platform).stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(DemoSeller::path, s -> s));
  }

  /** The listing whose page is {@code path} on this platform. */
  final java.util.Optional<DemoListing> listingAt(String path) {
    return java.util.Optional.ofNullable(listingsByPath.get(path));
  }

  /** The seller (or feed author) whose page is {@code path} on this platform. */
  final java.util.Optional<DemoSeller> sellerAt(String path) {
    return java.util.Optional.ofNullable(sellersByPath.get(path));
  }

  /** The response to GET {@code path} with the raw query (may be null). */
  final Response handle(String path, String rawQuery) {
    Map<String, String> query = query(rawQuery);
    if (path.equals("/robots.txt")) {
      return Response.ok(Response.TEXT, robots());
    }
    if (path.equals("/sitemap.xml")) {
      return Response.ok(Response.XML, sitemap());
    }
    if (path.startsWith("/img/") && path.endsWith(".svg")) {
      String name = path.substring(5, path.length() - 4);
      return name.matches("[0-9]+-[0-9]")
          ? Response.ok(Response.SVG, SvgImages.svg(name, platform.displayName() + " #" + name))
          : notFound();
    }
    if (path.startsWith("/static/")) {
      Response asset = staticAsset(path.substring(8));
      return asset != null ? asset : notFound();
    }
    if (path.equals("/cart") || path.startsWith("/cart/")) {
      return Response.html(
          page(
              "Giỏ hàng",
              "<main><h1>Giỏ hàng</h1><p>Đã thêm sản phẩm "
                  + Html.esc(query.getOrDefault("add", ""))
                  + " vào giỏ hàng.</p></main>"));
    }
    if (path.equals("/admin") || path.startsWith("/admin/")) {
      return Response.status(
          403,
          Response.HTML,
          page("Quản trị", "<main><h1>Khu vực quản trị</h1><p>Vui lòng đăng nhập.</p></main>"));
    }
    if (path.equals("/search") || path.startsWith("/search/")) {
      return Response.html(search(query.getOrDefault("q", "")));
    }
    Response routed = route(path, query);
    return routed != null ? routed : notFound();
  }

  /** Platform pages; null when the path is not one of them. */
  abstract Response route(String path, Map<String, String> query);

  /** Wraps a body in the platform's HTML page. */
  abstract String page(String title, String body);

  /** Listing pages for the sitemap. */
  List<DemoListing> sitemapListings() {
    return world.listings(platform);
  }

  String robots() {
    StringBuilder sb =
        new StringBuilder("# robots.txt of ")
            .append(platform.displayName())
            .append(" (markwatch demo)\n");
    sb.append("User-agent: *\n");
    for (String d : DISALLOWED) {
      sb.append("Disallow: ").append(d).append('\n');
    }
    sb.append("\nSitemap: ").append(base).append("sitemap.xml\n");
    return sb.toString();
  }

  String sitemap() {
    StringBuilder sb =
        new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (DemoListing l : sitemapListings()) {
      sb.append("  <url><loc>").append(Html.esc(abs(l.path()))).append("</loc></url>\n");
    }
    return sb.append("</urlset>\n").toString();
  }

  String search(String q) {
    StringBuilder sb =
        new StringBuilder("<main><h1>Kết quả tìm kiếm cho \"")
            .append(Html.esc(q))
            .append("\"</h1><ul>");
    String needle = q.toLowerCase(java.util.Locale.ROOT);
    world.listings(platform).stream()
        .filter(
            l -> !needle.isBlank() && l.title().toLowerCase(java.util.Locale.ROOT).contains(needle))
        .limit(20)
        .forEach(
            l ->
                sb.append("<li><a href=\"")
                    .append(Html.esc(l.path()))
                    .append("\">")
                    .append(Html.esc(l.title()))
                    .append("</a></li>"));
    return page("Tìm kiếm", sb.append("</ul></main>").toString());
  }

  Response notFound() {
    return Response.status(
        404,
        Response.HTML,
        page(
            "Không tìm thấy trang",
            "<main class=\"not-found\"><h1>404</h1><p>Không tìm thấy trang bạn yêu cầu.</p><p><a href=\"/\">Về trang chủ</a></p></main>"));
  }

  String abs(String path) {
    return base + (path.startsWith("/") ? path.substring(1) : path);
  }

  static String jsonLd(ObjectNode node) {
    return "<script type=\"application/ld+json\">"
        + Html.scriptSafeJson(JSON.writeValueAsString(node))
        + "</script>\n";
  }

  static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        out.putIfAbsent(
            URLDecoder.decode(k, StandardCharsets.UTF_8),
            URLDecoder.decode(v, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        // A malformed escape in a query is the client's problem; ignore that pair.
      }
    }
    return out;
  }

  /** Parses a positive page number; -1 when absent or not a small positive number. */
  static int pageNumber(String s) {
    if (s == null || !s.matches("[1-9][0-9]{0,3}")) {
      return -1;
    }
    return Integer.parseInt(s);
  }

  private static Response staticAsset(String name) {
    if (!STATIC.contains(name)) {
      return null;
    }
    try (InputStream in = SiteBase.class.getResourceAsStream("/demo/" + name)) {
      if (in == null) {
        throw new IllegalStateException("demo asset missing from the jar: /demo/" + name);
      }
      String type = name.endsWith(".css") ? Response.CSS : Response.JS;
      return new Response(200, type, in.readAllBytes(), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Display-only numbers (ratings, review counts) drawn from the listing's id, so pages stay
   * stable.
   */
  static java.util.Random display(String nativeId) {
    return new java.util.Random(nativeId.hashCode() * 31L + 7);
  }
}
