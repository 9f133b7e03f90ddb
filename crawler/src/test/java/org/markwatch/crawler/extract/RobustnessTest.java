package org.markwatch.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Listing;

/**
 * Hostile pages end with a result or a clear problem, never a crash. The timeouts are a guard
 * against hangs, not a speed goal (speed is measured by the benchmark).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RobustnessTest {
  private static final String PRODUCT = "<script type=\"application/ld+json\">{\"@type\":\"Product\",\"name\":\"Áo khoác\","
      + "\"offers\":{\"price\":\"350000\",\"priceCurrency\":\"VND\"}}</script>";

  private static Page page(byte[] body) {
    return new Page("https://shop.example/p/1", 200, Map.of("Content-Type", List.of("text/html")), body, null, null,
        "2026-11-24T00:00:00Z", null, null);
  }

  private static void valid(List<Listing> listings) {
    for (Listing l : listings) {
      assertThat(JsonCodec.decodeListing(JsonCodec.encode(l)).errors()).isEmpty();
    }
  }

  @Test
  void twentyMegabytePageIsCutAndStillGivesItsProduct() {
    StringBuilder sb = new StringBuilder(21_000_000).append("<html><head>").append(PRODUCT).append("</head><body>");
    while (sb.length() < 20_000_000) {
      sb.append("<div class=\"row\"><span>Hàng mới về 0912345678 giá 120k</span><a href=\"/x\">xem</a></div>\n");
    }
    sb.append("</body></html>");
    ExtractionResult r = Extraction.run(page(sb.toString().getBytes(StandardCharsets.UTF_8)));
    assertThat(r.problems()).anyMatch(p -> p.contains("cut to " + Extraction.MAX_BODY_BYTES));
    assertThat(r.listings()).hasSize(1);
    assertThat(r.listings().get(0).price().amount()).isEqualByComparingTo("350000");
    valid(r.listings());
  }

  @Test
  void tenThousandDeepNesting() {
    String html = "<html><head>" + PRODUCT + "</head><body>" + "<div itemscope itemtype=\"https://schema.org/Thing\">".repeat(10_000)
        + "<span itemprop=\"name\">deep</span>" + "</div>".repeat(10_000) + "</body></html>";
    List<Listing> listings = Extraction.extract(page(html.getBytes(StandardCharsets.UTF_8)));
    assertThat(listings).hasSize(1);
    assertThat(listings.get(0).title()).isEqualTo("Áo khoác");
    valid(listings);
  }

  @Test
  void tenThousandDeepJsonIsRefusedNotFollowed() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    String html = "<html><head><title>Trang</title><script type=\"application/ld+json\">{\"@type\":\"Product\",\"x\":" + deep
        + "}</script><script>window.__INITIAL_STATE__ = {\"product\":" + deep + "};</script></head><body></body></html>";
    List<Listing> listings = Extraction.extract(page(html.getBytes(StandardCharsets.UTF_8)));
    assertThat(listings).extracting(Listing::title).containsExactly("Trang");
  }

  @Test
  void malformedJsonLdFallsBackToOtherLayers() {
    String html = "<html><head><script type=\"application/ld+json\">{\"@type\": \"Product\", \"name\": ]]] }}} garbage"
        + "</script><meta property=\"og:title\" content=\"Túi xách\"></head><body></body></html>";
    List<Listing> listings = Extraction.extract(page(html.getBytes(StandardCharsets.UTF_8)));
    assertThat(listings).extracting(Listing::title).containsExactly("Túi xách");
  }

  @Test
  void binaryServedAsHtmlIsAClearProblem() {
    byte[] png = new byte[50_000];
    new Random(7).nextBytes(png);
    png[0] = (byte) 0x89;
    png[1] = 'P';
    png[2] = 'N';
    png[3] = 'G';
    ExtractionResult r = Extraction.run(page(png));
    assertThat(r.listings()).isEmpty();
    assertThat(r.problems()).containsExactly("https://shop.example/p/1: body is not HTML (binary content), nothing extracted");
  }

  @Test
  void scriptThatNeverEnds() {
    String html = "<html><head><title>Áo</title>" + PRODUCT + "<script>var a = '" + "x".repeat(5_000_000)
        + " while(true){}";
    List<Listing> listings = Extraction.extract(page(html.getBytes(StandardCharsets.UTF_8)));
    assertThat(listings).hasSize(1);
    assertThat(listings.get(0).text()).isNull();
    valid(listings);
  }

  @Test
  void emptyAndWhitespaceBodies() {
    assertThat(Extraction.extract(page(new byte[0]))).isEmpty();
    assertThat(Extraction.extract(page("   \n ".getBytes(StandardCharsets.UTF_8)))).isEmpty();
  }

  @Test
  void pathologicalTextForThePatterns() {
    String digits = "9".repeat(100_000);
    String dots = "a.".repeat(50_000) + "@";
    String words = "không chín ".repeat(20_000);
    String units = "1,".repeat(30_000) + "k";
    for (String text : List.of(digits, dots, words, units)) {
      org.markwatch.crawler.extract.text.ContactFinder.find(text);
      org.markwatch.crawler.extract.text.TextPriceFinder.find(text);
      org.markwatch.crawler.extract.text.PriceParser.parse(text);
      String html = "<html><body><h1>x</h1><div class=\"price\">" + text + "</div><p>Brand: " + text + "</p></body></html>";
      valid(Extraction.extract(page(html.getBytes(StandardCharsets.UTF_8))));
    }
  }

  @Test
  void errorPagesGiveNoListing() {
    Page notFound = new Page("https://shop.example/p/9", 404, Map.of(), "<html><title>Không tìm thấy</title></html>"
        .getBytes(StandardCharsets.UTF_8), null, null, "2026-11-24T00:00:00Z", null, null);
    ExtractionResult r = Extraction.run(notFound);
    assertThat(r.listings()).isEmpty();
    assertThat(r.problems()).containsExactly("https://shop.example/p/9: HTTP status 404, nothing extracted");
  }
}
