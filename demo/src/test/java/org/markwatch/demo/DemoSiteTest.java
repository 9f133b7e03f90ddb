package org.markwatch.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The demo world served over real HTTP on 127.0.0.1. */
class DemoSiteTest {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private static DemoWorld world;
  private static DemoSite site;

  @BeforeAll
  static void start() throws IOException {
    world = DemoWorld.generate(42);
    site = DemoSite.start(world);
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static HttpResponse<String> get(String url) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(url)).header("User-Agent", "markwatch-test").build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("GET " + url + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static String ok(String url) {
    HttpResponse<String> r = get(url);
    assertThat(r.statusCode()).as(url).isEqualTo(200);
    return r.body();
  }

  @Test
  void servesThreePlatformsOnDistinctLoopbackPorts() {
    Map<String, String> urls = site.baseUrls();
    assertThat(urls).containsOnlyKeys("demo.chosi", "demo.muaban", "demo.mangxa");
    assertThat(urls.values())
        .allMatch(u -> u.matches("http://127\\.0\\.0\\.1:[0-9]+/"))
        .doesNotHaveDuplicates();
  }

  @Test
  void sameSeedServesByteIdenticalPagesUpToThePort() throws IOException {
    try (DemoSite other = DemoSite.start(DemoWorld.generate(42))) {
      int compared = 0;
      for (DemoPlatform p : DemoPlatform.values()) {
        String a = site.baseUrl(p);
        String b = other.baseUrl(p);
        List<String> paths = new ArrayList<>(List.of("/", "/sitemap.xml", "/robots.txt"));
        world.listings(p).forEach(l -> paths.add(l.path()));
        world.sellers(p).forEach(s -> paths.add(s.path()));
        if (p == DemoPlatform.MANGXA) {
          paths.add("/feed");
          paths.add("/api/feed?cursor=30");
        }
        for (String path : paths) {
          String pageA = ok(a + path.substring(1)).replace(a, "BASE/");
          String pageB = ok(b + path.substring(1)).replace(b, "BASE/");
          assertThat(pageB).as(path).isEqualTo(pageA);
          compared++;
        }
      }
      assertThat(compared).isGreaterThan(400);
    }
  }

  @Test
  void everyChosiProductPageCarriesProductAndBreadcrumbJsonLd() {
    for (DemoListing l : world.listings(DemoPlatform.CHOSI)) {
      Document doc = Jsoup.parse(ok(site.url(l)), site.url(l));
      List<JsonNode> blocks =
          doc.select("script[type=application/ld+json]").stream()
              .map(e -> JSON.readTree(e.data()))
              .toList();
      JsonNode product =
          blocks.stream()
              .filter(n -> n.path("@type").asString().equals("Product"))
              .findFirst()
              .orElseThrow();
      assertThat(blocks)
          .anyMatch(
              n ->
                  n.path("@type").asString().equals("BreadcrumbList")
                      && n.path("itemListElement").size() == 3);
      assertThat(product.path("name").asString()).isEqualTo(l.title());
      assertThat(product.path("description").asString()).isEqualTo(l.text());
      assertThat(product.path("productID").asString()).isEqualTo(l.nativeId());
      assertThat(product.path("sku").asString()).isNotEmpty();
      assertThat(product.path("image").get(0).asString())
          .startsWith(site.baseUrl(DemoPlatform.CHOSI) + "img/");
      JsonNode offer = product.path("offers");
      assertThat(offer.path("price").asLong()).isEqualTo(l.priceVnd());
      assertThat(offer.path("priceCurrency").asString()).isEqualTo("VND");
      assertThat(offer.path("availability").asString()).isEqualTo("https://schema.org/InStock");
      DemoSeller seller = world.seller(l.sellerId()).orElseThrow();
      assertThat(offer.path("seller").path("name").asString()).isEqualTo(seller.name());
      assertThat(offer.path("seller").path("url").asString())
          .isEqualTo(site.baseUrl(DemoPlatform.CHOSI) + seller.path().substring(1));
      if (l.brandClaimed() != null) {
        assertThat(product.path("brand").path("name").asString()).isEqualTo(l.brandClaimed());
      } else {
        assertThat(product.has("brand")).isFalse();
      }
      assertThat(doc.selectFirst("h1.product-title").text()).isEqualTo(l.title().strip());
      assertThat(doc.select("a[href^=/cart?add=]")).isNotEmpty();
    }
  }

  @Test
  void muabanPagesCarryJsonLdOrMicrodataAsTheGroundTruthSays() {
    for (DemoListing l : world.listings(DemoPlatform.MUABAN)) {
      Document doc = Jsoup.parse(ok(site.url(l)), site.url(l));
      var ld = doc.select("script[type=application/ld+json]");
      Element micro = doc.selectFirst("[itemscope][itemtype=https://schema.org/Product]");
      if (l.markup() == DemoListing.Markup.JSON_LD) {
        assertThat(micro).as(l.path()).isNull();
        assertThat(ld).hasSize(1);
        JsonNode product = JSON.readTree(ld.first().data());
        assertThat(product.path("name").asString()).isEqualTo(l.title());
        assertThat(product.path("offers").path("price").asString())
            .isEqualTo(Long.toString(l.priceVnd()));
        assertThat(product.path("offers").path("priceCurrency").asString()).isEqualTo("VND");
      } else {
        assertThat(ld).as(l.path()).isEmpty();
        assertThat(micro).as(l.path()).isNotNull();
        // Properties of the Product itself, not of the Brand or Offer nested in it.
        assertThat(prop(micro, "name").text()).isEqualTo(l.title().strip());
        assertThat(prop(micro, "productID").attr("content")).isEqualTo(l.nativeId());
        assertThat(prop(micro, "sku").attr("content")).isNotEmpty();
        assertThat(prop(micro, "description").wholeText()).contains(l.text().split("\n")[0]);
        Element offer = prop(micro, "offers");
        assertThat(offer.attr("itemtype")).isEqualTo("https://schema.org/Offer");
        assertThat(offer.selectFirst("[itemprop=price]").attr("content"))
            .isEqualTo(Long.toString(l.priceVnd()));
        assertThat(offer.selectFirst("[itemprop=priceCurrency]").attr("content")).isEqualTo("VND");
        if (l.brandClaimed() != null) {
          assertThat(micro.selectFirst("[itemprop=brand] [itemprop=name]").text())
              .isEqualTo(l.brandClaimed());
        }
      }
    }
  }

  /**
   * The element carrying property {@code name} of the item {@code scope} (nested items skipped).
   */
  private static Element prop(Element scope, String name) {
    return scope.select("[itemprop=" + name + "]").stream()
        .filter(
            e ->
                e.parents().stream().filter(a -> a.hasAttr("itemscope")).findFirst().orElse(null)
                    == scope)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no itemprop " + name));
  }

  @Test
  void followingLinksFromTheHomePageReachesEveryProductAndSeller() {
    for (DemoPlatform p : List.of(DemoPlatform.CHOSI, DemoPlatform.MUABAN)) {
      Set<String> visited = crawl(site.baseUrl(p));
      Set<String> productPaths =
          world.listings(p).stream().map(DemoListing::path).collect(Collectors.toSet());
      Set<String> sellerPaths =
          world.sellers(p).stream().map(DemoSeller::path).collect(Collectors.toSet());
      assertThat(visited).containsAll(productPaths).containsAll(sellerPaths);
      assertThat(visited).hasSize(world.counts(p).crawlablePages());
    }
  }

  @Test
  void relNextChainsWalkEachCategoryThroughAllItsProducts() {
    String base = site.baseUrl(DemoPlatform.CHOSI);
    world
        .categories(DemoPlatform.CHOSI)
        .forEach(
            (slug, in) -> {
              List<String> seen = new ArrayList<>();
              String url = base + "c/" + slug;
              int pages = 0;
              while (url != null) {
                Document doc = Jsoup.parse(ok(url), url);
                doc.select(".product-card a")
                    .forEach(a -> seen.add(URI.create(a.absUrl("href")).getPath()));
                Element next = doc.selectFirst("a[rel=next]");
                url = next == null ? null : next.absUrl("href");
                pages++;
              }
              assertThat(seen)
                  .as(slug)
                  .containsExactlyElementsOf(in.stream().map(DemoListing::path).toList());
              assertThat(pages)
                  .isEqualTo(
                      (in.size() + DemoWorld.CHOSI_PAGE_SIZE - 1) / DemoWorld.CHOSI_PAGE_SIZE);
            });
    assertThat(get(base + "c/giay-dep?page=99").statusCode()).isEqualTo(404);
    assertThat(get(base + "c/khong-co?page=1").statusCode()).isEqualTo(404);
  }

  /** Breadth-first over same-host HTML links that robots.txt allows; returns the paths fetched. */
  private static Set<String> crawl(String base) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> queue = new ArrayDeque<>(List.of(base));
    Set<String> queued = new HashSet<>(List.of(base));
    while (!queue.isEmpty()) {
      String url = queue.poll();
      HttpResponse<String> r = get(url);
      assertThat(r.statusCode()).as(url).isEqualTo(200);
      URI u = URI.create(url);
      seen.add(u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()));
      for (Element a : Jsoup.parse(r.body(), url).select("a[href]")) {
        String link = a.absUrl("href");
        if (!link.startsWith(base)) {
          continue;
        }
        String path = URI.create(link).getRawPath();
        if (SiteBase.DISALLOWED.stream().anyMatch(path::startsWith)
            || path.startsWith("/static/")
            || path.startsWith("/img/")
            || path.endsWith(".xml")) {
          continue;
        }
        if (queued.add(link)) {
          queue.add(link);
        }
      }
    }
    return seen;
  }

  @Test
  void robotsTxtDisallowsCartAdminSearchAndNamesTheSitemap() {
    for (DemoPlatform p : DemoPlatform.values()) {
      HttpResponse<String> r = get(site.baseUrl(p) + "robots.txt");
      assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
      assertThat(r.body())
          .contains(
              "User-agent: *\n",
              "Disallow: /cart\n",
              "Disallow: /admin\n",
              "Disallow: /search\n",
              "Sitemap: " + site.baseUrl(p) + "sitemap.xml\n");
    }
  }

  @Test
  void crawlerCommonsReadsRobotsAndSitemapAsIntended() throws Exception {
    for (DemoPlatform p : DemoPlatform.values()) {
      String base = site.baseUrl(p);
      byte[] robots = get(base + "robots.txt").body().getBytes(StandardCharsets.UTF_8);
      crawlercommons.robots.BaseRobotRules rules =
          new crawlercommons.robots.SimpleRobotRulesParser()
              .parseContent(base + "robots.txt", robots, "text/plain", List.of("markwatch"));
      assertThat(rules.isAllowed(base + "cart?add=1")).isFalse();
      assertThat(rules.isAllowed(base + "search?q=gucci")).isFalse();
      assertThat(rules.isAllowed(base + "admin")).isFalse();
      assertThat(rules.isAllowed(site.url(world.listings(p).get(0)))).isTrue();
      assertThat(rules.isAllowed(base)).isTrue();
      assertThat(rules.getSitemaps()).containsExactly(base + "sitemap.xml");

      byte[] xml = get(base + "sitemap.xml").body().getBytes(StandardCharsets.UTF_8);
      var sitemap =
          (crawlercommons.sitemaps.SiteMap)
              new crawlercommons.sitemaps.SiteMapParser()
                  .parseSiteMap(xml, new java.net.URI(base + "sitemap.xml").toURL());
      assertThat(sitemap.getSiteMapUrls()).hasSize(world.listings(p).size());
    }
  }

  @Test
  void headRequestsGetHeadersWithoutBody() throws Exception {
    String url = site.url(world.listings(DemoPlatform.CHOSI).get(0));
    HttpResponse<String> head =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    HttpResponse<String> post =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
  }

  @Test
  void sitemapListsEveryListingPage() {
    for (DemoPlatform p : DemoPlatform.values()) {
      HttpResponse<String> r = get(site.baseUrl(p) + "sitemap.xml");
      assertThat(r.headers().firstValue("Content-Type")).hasValue("application/xml; charset=utf-8");
      Document xml = Jsoup.parse(r.body(), "", org.jsoup.parser.Parser.xmlParser());
      Set<String> locs =
          xml.select("url > loc").stream().map(Element::text).collect(Collectors.toSet());
      Set<String> expected = world.listings(p).stream().map(site::url).collect(Collectors.toSet());
      assertThat(locs).isEqualTo(expected);
    }
  }

  @Test
  void aHostileTitleIsEscapedInHtmlAndJsonLd() {
    DemoListing hostile =
        world.listings(DemoPlatform.CHOSI).stream()
            .filter(l -> l.title().equals(WorldGenerator.HOSTILE_TITLE))
            .findFirst()
            .orElseThrow();
    String html = ok(site.url(hostile));
    assertThat(html).doesNotContain("<script>alert").doesNotContain("</script> giá rẻ");
    Document doc = Jsoup.parse(html);
    assertThat(doc.selectFirst("h1.product-title").text()).isEqualTo(hostile.title());
    assertThat(doc.title()).startsWith(hostile.title());
    assertThat(
            doc.select("script").stream()
                .filter(s -> !s.attr("type").equals("application/ld+json")))
        .isEmpty();
    JsonNode product = JSON.readTree(doc.selectFirst("script[type=application/ld+json]").data());
    assertThat(product.path("name").asString()).isEqualTo(hostile.title());
    // The category page and the search trap echo it too.
    String category = ok(site.baseUrl(DemoPlatform.CHOSI) + "c/" + hostile.categorySlug());
    assertThat(category).doesNotContain("<script>alert");
    assertThat(get(site.baseUrl(DemoPlatform.CHOSI) + "search?q=%3Cscript%3E").body())
        .doesNotContain("<script>");
  }

  @Test
  void feedApiPagesThroughEveryPostInOrder() {
    String base = site.baseUrl(DemoPlatform.MANGXA);
    List<String> ids = new ArrayList<>();
    String cursor = "0";
    int batches = 0;
    while (cursor != null) {
      HttpResponse<String> r = get(base + "api/feed?cursor=" + cursor);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type"))
          .hasValue("application/json; charset=utf-8");
      JsonNode body = JSON.readTree(r.body());
      assertThat(body.path("posts").size()).isBetween(1, DemoWorld.FEED_BATCH);
      for (JsonNode post : body.path("posts")) {
        ids.add(post.path("id").asString());
        DemoListing truth = world.listing("mangxa:" + post.path("id").asString()).orElseThrow();
        assertThat(post.path("text").asString()).isEqualTo(truth.text());
        assertThat(post.path("createdAt").asString()).isEqualTo(truth.post().postedAt());
        assertThat(post.path("author").path("url").asString()).startsWith("/u/");
      }
      JsonNode next = body.path("nextCursor");
      cursor = next.isNull() ? null : next.asString();
      batches++;
    }
    assertThat(ids)
        .containsExactlyElementsOf(
            world.listings(DemoPlatform.MANGXA).stream().map(DemoListing::nativeId).toList());
    assertThat(batches).isEqualTo(world.counts(DemoPlatform.MANGXA).feedBatches());
    assertThat(get(base + "api/feed?cursor=abc").statusCode()).isEqualTo(400);
  }

  @Test
  void postPagesFollowTheFeedMarkupContract() {
    for (DemoListing p : world.listings(DemoPlatform.MANGXA)) {
      Document doc = Jsoup.parse(ok(site.url(p)), site.url(p));
      Element post = doc.selectFirst("article.post[data-post-id=" + p.nativeId() + "]");
      assertThat(post).as(p.path()).isNotNull();
      DemoSeller author = world.seller(p.sellerId()).orElseThrow();
      assertThat(post.selectFirst("a.author").attr("href")).isEqualTo(author.path());
      assertThat(post.selectFirst("a.author").text()).isEqualTo(author.name());
      assertThat(post.selectFirst("a.permalink").attr("href")).isEqualTo(p.path());
      assertThat(post.selectFirst("a.permalink time").attr("datetime"))
          .isEqualTo(p.post().postedAt());
      assertThat(post.selectFirst("div.post-text").wholeText()).isEqualTo(p.text());
      assertThat(post.select("img.post-image")).hasSize(p.images().size());
      assertThat(post.selectFirst("span.likes").text())
          .isEqualTo(Integer.toString(p.post().likes()));
      assertThat(post.selectFirst("span.comments").text())
          .isEqualTo(Integer.toString(p.post().comments()));
    }
    String shell = ok(site.baseUrl(DemoPlatform.MANGXA) + "feed");
    assertThat(shell)
        .contains("<noscript>", "/static/mangxa-feed.js")
        .doesNotContain("class=\"post\"");
    assertThat(ok(site.baseUrl(DemoPlatform.MANGXA) + "static/mangxa-feed.js"))
        .contains("IntersectionObserver", "/api/feed?cursor=");
  }

  @Test
  void shopPagesShowDecree52InformationWithValidTaxCodesOrSayItIsMissing() {
    for (DemoPlatform p : List.of(DemoPlatform.CHOSI, DemoPlatform.MUABAN)) {
      for (DemoSeller s : world.sellers(p)) {
        String url = site.baseUrl(p) + s.path().substring(1);
        Document doc = Jsoup.parse(ok(url), url);
        JsonNode org = JSON.readTree(doc.selectFirst("script[type=application/ld+json]").data());
        assertThat(org.path("@type").asString()).isEqualTo("Organization");
        assertThat(org.path("name").asString()).isEqualTo(s.name());
        if (s.compliant()) {
          String code = doc.selectFirst(".business-info .tax-code").text();
          assertThat(code)
              .isEqualTo(s.business().taxCode())
              .isEqualTo(org.path("taxID").asString());
          assertThat(DemoWorldTest.validTaxCode(code)).as(code).isTrue();
          assertThat(doc.selectFirst(".business-info").text())
              .contains("Mã số thuế", "Địa chỉ", "Điện thoại", s.business().legalName());
        } else {
          assertThat(doc.select(".business-info .tax-code")).isEmpty();
          assertThat(doc.selectFirst(".business-info .missing")).isNotNull();
          assertThat(org.has("taxID")).isFalse();
        }
        if (s.official()) {
          assertThat(doc.text()).contains("Chính hãng");
        }
      }
    }
  }

  @Test
  void unknownPathsAre404AndEveryTypeNamesUtf8() {
    for (DemoPlatform p : DemoPlatform.values()) {
      String base = site.baseUrl(p);
      HttpResponse<String> missing = get(base + "khong-ton-tai");
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(missing.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
      assertThat(get(base + "static/../../etc/passwd").statusCode()).isEqualTo(404);
      assertThat(get(base + "img/nope.svg").statusCode()).isEqualTo(404);
      DemoListing first = world.listings(p).get(0);
      HttpResponse<String> page = get(site.url(first));
      assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
      String img = first.images().isEmpty() ? null : first.images().get(0);
      if (img != null) {
        HttpResponse<String> svg = get(base + img.substring(1));
        assertThat(svg.headers().firstValue("Content-Type"))
            .hasValue("image/svg+xml; charset=utf-8");
        assertThat(svg.body()).startsWith("<svg");
      }
    }
  }

  @Test
  void requestsToDisallowedPathsAreLogged() {
    String base = site.baseUrl(DemoPlatform.MUABAN);
    int before = site.disallowedHits().size();
    assertThat(get(base + "cart?add=1").statusCode()).isEqualTo(200);
    assertThat(get(base + "search?q=gucci").statusCode()).isEqualTo(200);
    assertThat(get(base + "admin").statusCode()).isEqualTo(403);
    get(base + "robots.txt");
    List<DemoRequest> hits = site.disallowedHits();
    assertThat(hits.subList(before, hits.size()))
        .extracting(DemoRequest::target)
        .contains("/cart?add=1", "/search?q=gucci", "/admin");
    assertThat(site.requestLog())
        .anyMatch(
            r ->
                r.target().equals("/robots.txt")
                    && !r.disallowed()
                    && "markwatch-test".equals(r.userAgent())
                    && r.platform() == DemoPlatform.MUABAN
                    && r.status() == 200);
    DemoRequest cart =
        hits.stream().filter(r -> r.target().equals("/cart?add=1")).findFirst().orElseThrow();
    DemoRequest admin =
        hits.stream().filter(r -> r.target().equals("/admin")).findFirst().orElseThrow();
    assertThat(admin.receivedAt()).isAfterOrEqualTo(cart.receivedAt());
  }
}
