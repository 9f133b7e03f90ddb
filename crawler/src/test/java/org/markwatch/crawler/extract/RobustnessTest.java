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
  private static final String PRODUCT =
      "<script type=\"application/ld+json\">{\"@type\":\"Product\",\"name\":\"Áo khoác\","
          + "\"offers\":{\"price\":\"350000\",\"priceCurrency\":\"VND\"}}</script>";

  private static Page page(byte[] body) {
    return new Page(
        "https://shop.example/p/1",
        200,
        Map.of("Content-Type", List.of("text/html")),
        body,
        null,
        null,
        "2026-11-24T00:00:00Z",
        null,
        null);
  }

  /** {@code count} listings, each valid against the listing schema once encoded. */
  private static void valid(List<Listing> listings, int count) {
    assertThat(listings).hasSize(count);
    for (Listing l : listings) {
      assertThat(JsonCodec.decodeListing(JsonCodec.encode(l)).errors()).isEmpty();
    }
  }

  @Test
  void twentyMegabytePageIsCutAndStillGivesItsProduct() {
    StringBuilder sb =
        new StringBuilder(21_000_000)
            .append("<html><head>")
            .append(PRODUCT)
            .append("</head><body>");
    while (sb.length() < 20_000_000) {
      sb.append(
          "<div class=\"row\"><span>Hàng mới về 0912345678 giá 120k</span><a href=\"/x\">xem</a></div>\n");
    }
    sb.append("</body></html>");
    ExtractionResult r = Extraction.run(page(sb.toString().getBytes(StandardCharsets.UTF_8)));
    assertThat(r.problems()).anyMatch(p -> p.contains("cut to " + Extraction.MAX_BODY_BYTES));
    valid(r.listings(), 1);
    assertThat(r.listings().get(0).price().amount()).isEqualByComparingTo("350000");
  }

  @Test
  void tenThousandDeepNesting() {
    String html =
        "<html><head>"
            + PRODUCT
            + "</head><body>"
            + "<div itemscope itemtype=\"https://schema.org/Thing\">".repeat(10_000)
            + "<span itemprop=\"name\">deep</span>"
            + "</div>".repeat(10_000)
            + "</body></html>";
    List<Listing> listings = Extraction.extract(page(html.getBytes(StandardCharsets.UTF_8)));
    valid(listings, 1);
    assertThat(listings.get(0).title()).isEqualTo("Áo khoác");
  }

  @Test
  void tenThousandDeepJsonIsRefusedNotFollowed() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    String html =
        "<html><head><title>Trang</title><script type=\"application/ld+json\">{\"@type\":\"Product\",\"x\":"
            + deep
            + "}</script><script>window.__INITIAL_STATE__ = {\"product\":"
            + deep
            + "};</script></head><body></body></html>";
    ExtractionResult r = Extraction.run(page(html.getBytes(StandardCharsets.UTF_8)));
    // Without its product data the page shows no product: nothing, and the reason.
    assertThat(r.listings()).isEmpty();
    assertThat(r.problems()).anySatisfy(p -> assertThat(p).contains("no product on the page"));
  }

  @Test
  void malformedJsonLdFallsBackToOtherLayers() {
    String html =
        "<html><head><script type=\"application/ld+json\">{\"@type\": \"Product\", \"name\": ]]] }}} garbage"
            + "</script><meta property=\"og:title\" content=\"Túi xách\"><meta property=\"product:price:amount\" "
            + "content=\"250000\"></head><body></body></html>";
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
    assertThat(r.problems())
        .containsExactly(
            "https://shop.example/p/1: body is not HTML (binary content), nothing extracted");
  }

  @Test
  void scriptThatNeverEnds() {
    String html =
        "<html><head><title>Áo</title>"
            + PRODUCT
            + "<script>var a = '"
            + "x".repeat(5_000_000)
            + " while(true){}";
    List<Listing> listings = Extraction.extract(page(html.getBytes(StandardCharsets.UTF_8)));
    valid(listings, 1);
    assertThat(listings.get(0).text()).isNull();
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
    for (String text : List.of(digits, dots, units)) {
      // No phone, e-mail or price hides in these: a 100,000-digit number is none of them.
      assertThat(org.markwatch.crawler.extract.text.ContactFinder.find(text)).isEmpty();
      assertThat(org.markwatch.crawler.extract.text.TextPriceFinder.find(text).hasAmount())
          .isFalse();
    }
    assertThat(org.markwatch.crawler.extract.text.PriceParser.parse(digits).hasAmount()).isFalse();
    assertThat(org.markwatch.crawler.extract.text.ContactFinder.find(words))
        .allSatisfy(c -> assertThat(c.value()).matches("0\\d{9,10}"));
    for (String text : List.of(digits, dots, words, units)) {
      String html =
          "<html><head>"
              + PRODUCT
              + "</head><body><h1>x</h1><div class=\"price\">"
              + text
              + "</div><p>Brand: "
              + text
              + "</p></body></html>";
      List<Listing> listings = Extraction.extract(page(html.getBytes(StandardCharsets.UTF_8)));
      valid(listings, 1);
      assertThat(listings.get(0).title()).isEqualTo("Áo khoác");
    }
  }

  @Test
  void hundredThousandCardPageIsCutWithAReason() {
    StringBuilder sb =
        new StringBuilder(12_000_000)
            .append("<html lang=\"vi\"><body><h1>Tất cả</h1><ul class=\"grid\">");
    for (int i = 0; i < 100_000; i++) {
      sb.append("<li class=\"c\"><a href=\"/p/")
          .append(i)
          .append("\">Sản phẩm ")
          .append(i)
          .append("</a><b class=\"price\">")
          .append(10 + i % 90)
          .append(".000₫</b></li>");
    }
    ExtractionResult r =
        Extraction.run(
            page(sb.append("</ul></body></html>").toString().getBytes(StandardCharsets.UTF_8)));
    assertThat(r.problems())
        .anySatisfy(p -> assertThat(p).containsAnyOf("product cards", "prices on the page"));
    assertThat(r.listings().size())
        .isBetween(1_000, org.markwatch.crawler.extract.cards.CardFinder.MAX_CARDS);
    assertThat(r.listings().get(0).title()).isEqualTo("Sản phẩm 0");
    assertThat(r.listings().get(0).price().amount()).isEqualByComparingTo("10000");
  }

  @Test
  void hostileAttributesInCards() {
    String huge = "x".repeat(1_000_000);
    StringBuilder sb = new StringBuilder("<html><body><div class=\"grid\">");
    for (int i = 0; i < 5; i++) {
      sb.append("<div class=\"card ")
          .append(huge, 0, 100_000)
          .append("\" data-x=\"")
          .append(huge)
          .append("\">")
          .append("<a href=\"javascript:alert(1)\">Mua</a><a href=\"/p/")
          .append(i)
          .append("?q=")
          .append(huge, 0, i == 0 ? 5_000 : 10)
          .append(
              "\"><img src=\"data:image/svg+xml,<svg onload=alert(1)>\" width=\"1\" height=\"1\">Áo thun ")
          .append(i)
          .append("</a><span class=\"price\">")
          .append(100 + i)
          .append(".000 ₫</span></div>");
    }
    ExtractionResult r =
        Extraction.run(
            page(sb.append("</div></body></html>").toString().getBytes(StandardCharsets.UTF_8)));
    // The card whose link is longer than a URL may be (4096) is dropped; the others are kept,
    // clean.
    valid(r.listings(), 4);
    assertThat(r.listings())
        .allSatisfy(
            l -> {
              assertThat(l.url()).startsWith("https://shop.example/p/");
              assertThat(l.images()).isNull();
            });
  }

  @Test
  void errorPagesGiveNoListing() {
    Page notFound =
        new Page(
            "https://shop.example/p/9",
            404,
            Map.of(),
            "<html><title>Không tìm thấy</title></html>".getBytes(StandardCharsets.UTF_8),
            null,
            null,
            "2026-11-24T00:00:00Z",
            null,
            null);
    ExtractionResult r = Extraction.run(notFound);
    assertThat(r.listings()).isEmpty();
    assertThat(r.problems())
        .containsExactly("https://shop.example/p/9: HTTP status 404, nothing extracted");
  }
}
