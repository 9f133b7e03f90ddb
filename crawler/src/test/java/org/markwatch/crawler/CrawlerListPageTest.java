package org.markwatch.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markwatch.crawler.extract.Extraction;
import org.markwatch.crawler.source.Source;
import org.markwatch.crawler.source.SourceLoader;
import org.markwatch.crawler.testing.TestSite;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Listing;

/**
 * extraction (#11) in the crawl: a category page's cards become listings observed there, their URLs
 * are fetched, and a shop page's business information reaches the stored seller of every listing of
 * that shop, also of product pages fetched after it.
 */
class CrawlerListPageTest {
  @TempDir Path tmp;

  private static String card(int id, String title, String price, String old) {
    return "<li class='item'><a href='/p/"
        + id
        + "/x'><img src='/img/"
        + id
        + ".jpg'></a>"
        + "<a class='name' href='/p/"
        + id
        + "/x'>"
        + title
        + "</a><span class='price'>"
        + price
        + "</span>"
        + (old == null ? "" : "<del>" + old + "</del>")
        + "</li>";
  }

  @Test
  void cardsOfCategoryAndShopPagesLeadToTheirProductPagesAndShopPagesFillTheSeller()
      throws Exception {
    try (TestSite site = new TestSite()) {
      site.text("/robots.txt", "text/plain", "User-agent: *\n");
      String grid =
          "<ul class='products'>"
              + card(1, "Nước hoa Chanel No5 100ml", "1.190.000 ₫", "1.500.000 ₫")
              + card(2, "Son môi Dior Rouge 999", "450.000 ₫", null)
              + card(3, "Kem chống nắng Anessa 60ml", "390.000 ₫", null)
              + "</ul>";
      site.html("/", "<html lang='vi'><body><a href='/c/my-pham'>Mỹ phẩm</a></body></html>");
      site.html("/c/my-pham", "<html lang='vi'><body><h1>Mỹ phẩm</h1>" + grid + "</body></html>");
      site.html(
          "/shop/7",
          """
          <html lang="vi"><head><script type="application/ld+json">
          {"@context":"https://schema.org","@type":"Organization","name":"Shop Mỹ Phẩm Hà Nội","url":"/shop/7",
           "telephone":"0912345678","address":{"@type":"PostalAddress","streetAddress":"12 Hàng Bài, Hoàn Kiếm, Hà Nội"}}
          </script></head><body><h1>Shop Mỹ Phẩm Hà Nội</h1><p>Mã số thuế: 0101234560</p>"""
              + grid
              + "</body></html>");
      for (int id = 1; id <= 3; id++) {
        site.html(
            "/p/" + id + "/x",
            """
            <html lang="vi"><head><script type="application/ld+json">
            {"@context":"https://schema.org","@type":"Product","name":"Sản phẩm %d","sku":"%d",
             "offers":{"@type":"Offer","price":"100000","priceCurrency":"VND",
               "seller":{"@type":"Organization","name":"Shop Mỹ Phẩm Hà Nội","url":"/shop/7"}}}
            </script></head><body><h1>Sản phẩm %d</h1><a href="/shop/7">Shop</a></body></html>"""
                .formatted(id, id, id));
      }
      Path conf = tmp.resolve("sources");
      Files.createDirectories(conf);
      Files.writeString(
          conf.resolve("shop.yaml"),
          """
          sources:
            - id: shop
              platform: chosi
              seeds: ["${shop}"]
              follow: ['/c/[^/?#]+', '/shop/\\d+', '/p/\\d+/x']
              products: ['/p/\\d+/x']
              politeness: {delayMs: 5}
          """);
      List<Source> sources = SourceLoader.load(conf, Map.of("shop", site.base()));
      CrawlSettings settings =
          CrawlSettings.builder(tmp.resolve("evidence"), tmp.resolve("spool"))
              .allowLoopback(true)
              .crawlRunId("r1")
              .build();

      CrawlReport report = new Crawler(settings).run(sources, ProgressListener.NONE);

      List<Listing> out = new ArrayList<>();
      for (Path f : report.spoolFiles()) {
        for (String line : Files.readAllLines(f)) {
          var decoded = JsonCodec.decodeListing(line);
          assertThat(decoded.errors()).isEmpty();
          out.add(decoded.value());
        }
      }
      // Every card links to a product page this source fetches: the cards' URLs went to the
      // frontier
      // and the product pages gave the listings; no card is stored as a second, poorer observation.
      // (What a card yields, price, old price, image, is ListPageExtractionTest's.)
      assertThat(out).noneMatch(l -> l.attributes().containsKey(Extraction.OBSERVED_ON));
      assertThat(site.paths()).contains("/c/my-pham", "/shop/7", "/p/1/x");
      // Product pages name the shop only; those fetched after the shop page carry its record too.
      List<String> fetched = site.paths();
      int shopAt = fetched.indexOf("/shop/7");
      List<Listing> productPages =
          out.stream().filter(l -> !l.attributes().containsKey(Extraction.OBSERVED_ON)).toList();
      assertThat(productPages).hasSize(3);
      for (Listing l : productPages) {
        String path = l.url().substring(site.base().length() - 1);
        if (fetched.indexOf(path) > shopAt) {
          assertThat(l.seller().taxCode()).as(path).isEqualTo("0101234560");
        }
      }
      assertThat(productPages.stream().map(Listing::seller).map(s -> s.id()).distinct()).hasSize(1);
    }
  }
}
