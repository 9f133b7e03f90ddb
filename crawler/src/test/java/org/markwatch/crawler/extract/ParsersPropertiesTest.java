package org.markwatch.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.markwatch.crawler.extract.schemaorg.LenientJson;
import org.markwatch.crawler.extract.text.ContactFinder;
import org.markwatch.crawler.extract.text.ParsedPrice;
import org.markwatch.crawler.extract.text.PriceParser;
import org.markwatch.crawler.extract.text.TextPriceFinder;
import org.markwatch.model.Contact;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Listing;

/** Fuzzing the parsers: whatever the input, no exception and well-formed output. */
class ParsersPropertiesTest {

  @Property(tries = 500)
  void priceParserNeverThrowsAndNeverGoesNegative(@ForAll("priceish") String text) {
    ParsedPrice p =
        PriceParser.parse(text, text.length() > 3 ? text.substring(0, 3) : null, null, "VN");
    if (p.amount() != null) {
      assertThat(p.amount().signum()).isGreaterThanOrEqualTo(0);
    }
    TextPriceFinder.find(text);
  }

  @Property(tries = 500)
  void lenientJsonNeverThrows(@ForAll("jsonish") String text) {
    assertThat(LenientJson.readAll(text))
        .allSatisfy(n -> assertThat(n.isObject() || n.isArray()).isTrue());
  }

  @Property(tries = 500)
  void contactsAreWellFormed(@ForAll("priceish") String text) {
    for (Contact c : ContactFinder.find(text)) {
      assertThat(c.type())
          .isIn("phone", "zalo", "bank_account", "email", "url", "telegram", "other");
      if (c.type().equals("phone") || c.type().equals("zalo")) {
        assertThat(c.value()).matches("0\\d{9,10}|1[89]00\\d{4}");
      }
    }
  }

  @Property(tries = 300)
  void extractionOfAnySoupGivesValidListings(@ForAll("htmlSoup") String html) {
    Page page =
        new Page(
            "https://fuzz.example/p/1",
            200,
            Map.of(),
            html.getBytes(StandardCharsets.UTF_8),
            null,
            null,
            "2026-11-24T00:00:00Z",
            null,
            null);
    List<Listing> listings = Extraction.extract(page);
    for (Listing l : listings) {
      assertThat(JsonCodec.decodeListing(JsonCodec.encode(l)).errors()).isEmpty();
    }
  }

  @Property(tries = 200)
  void profileParserOnlyRefusesWithIllegalArgument(@ForAll("yamlish") String yaml) {
    try {
      SiteProfile.parse("fuzz.yaml", yaml);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).startsWith("fuzz.yaml");
    }
  }

  @Provide
  Arbitrary<String> priceish() {
    return Arbitraries.strings()
        .withChars("0123456789.,' kKtrđ₫$€£¥VNDUSzalo+84-()\n")
        .ofMaxLength(60)
        .injectDuplicates(0.1)
        .edgeCases(c -> c.add("1tr"));
  }

  @Provide
  Arbitrary<String> jsonish() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("{}[]\":,'\\ abc123.-/*<!>").ofMaxLength(200),
        Arbitraries.strings().ofMaxLength(100));
  }

  @Provide
  Arbitrary<String> htmlSoup() {
    Arbitrary<String> piece =
        Arbitraries.of(
            "<html>",
            "<head>",
            "<body>",
            "<div class=\"price\">",
            "</div>",
            "<h1>",
            "</h1>",
            "Giá 450k",
            "1.800.000₫",
            "<script type=\"application/ld+json\">",
            "</script>",
            "{\"@type\":\"Product\",\"name\":\"X\"",
            ",\"offers\":{",
            "\"price\":\"12.5\"",
            "}",
            "]",
            "[",
            "<div itemscope itemtype=\"https://schema.org/Product\">",
            "<span itemprop=\"name\">Tên</span>",
            "<meta property=\"og:title\" content=\"T\">",
            "<title>",
            "</title>",
            "SKU: 123456",
            "Brand: Acme",
            "<button>Add to cart</button>",
            "&amp;",
            "&#7879;",
            "\u0000",
            "<!--",
            "-->",
            "<script>window.__INITIAL_STATE__ = {\"product\":{\"name\":\"N\",\"price\":5,\"sku\":\"1\"}}</script>");
    return piece.list().ofMaxSize(40).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> yamlish() {
    Arbitrary<String> piece =
        Arbitraries.of(
            "platform: x\n",
            "kind: post\n",
            "item: a.b\n",
            "fields:\n",
            "  title: h1\n",
            "  price: '[x'\n",
            "id:\n",
            "  url: '/p/(\\d+)'\n",
            "  attribute: data-id\n",
            "urls: [a, '(']\n",
            "- a\n",
            ": :\n",
            "  bogus: 1\n",
            "\t",
            "{",
            "}",
            "'",
            "\"",
            "platform: X Y\n",
            "priceFromText: yes\n");
    return piece.list().ofMaxSize(12).map(l -> String.join("", l));
  }
}
