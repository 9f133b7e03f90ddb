package org.markwatch.detectors.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.markwatch.detectors.DetectorConfig;
import org.markwatch.detectors.TestData;
import org.markwatch.detectors.catalog.Brand;
import org.markwatch.detectors.catalog.BrandCatalog;
import org.markwatch.detectors.catalog.BrandCatalogReader;
import org.markwatch.detectors.rules.RulesetCompiler;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Listing;
import org.markwatch.model.Seller;

/**
 * The phrase index must report exactly the hits lucene-monitor reports for the same queries: on the
 * dev set, on the real titles and on generated listings made of catalog names in disguise (leet,
 * split letters, repeated letters, one edit, dropped accents, joined words) among ordinary words,
 * over every field. Same default configuration (core and retail brands, lines, product words, rule
 * phrases) for both.
 */
class PhraseIndexTest {
  private static TextMatcher index;
  private static TextMatcher monitor;
  private static BrandCatalog catalog;

  @BeforeAll
  static void build() {
    DetectorConfig config = TestData.defaultConfig();
    catalog = BrandCatalogReader.read(config.brandFiles());
    TextMatcher.Builder b = TextMatcher.builder().commonWords(catalog.commonWords());
    new BrandQueries(catalog).register(b);
    new WordSense(catalog).register(b);
    new RulesetCompiler(b, catalog).compile(config.ruleFiles());
    index = b.build();
    monitor = b.buildMonitor();
  }

  @AfterAll
  static void close() {
    monitor.close();
    index.close();
  }

  @Test
  void sameHitsOnTheDevSet() {
    assertSameHits(TestData.devListings());
  }

  @Test
  void sameHitsOnRealTitles() {
    List<Listing> real = new ArrayList<>();
    real.addAll(resource("genuine.jsonl"));
    real.addAll(resource("replica.jsonl"));
    assertThat(real.size()).isGreaterThan(150);
    assertSameHits(real);
  }

  @Test
  void sameHitsOnDisguisedNamesAmongOrdinaryWords() {
    Random r = new Random(42);
    List<Brand> brands = List.copyOf(catalog.brands());
    List<Listing> generated = new ArrayList<>();
    String[] filler = {
      "túi", "xách", "nữ", "giày", "chính hãng", "hàng", "rep 1:1", "sale", "auth", "new",
          "nước hoa",
      "đồng hồ", "size", "42", "màu", "đen", "freeship", "like", "super", "fake", "the", "and"
    };
    for (int i = 0; i < 3_000; i++) {
      StringBuilder title = new StringBuilder();
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < 2 + r.nextInt(6); w++) {
        String word =
            r.nextInt(3) == 0
                ? disguise(brands.get(r.nextInt(brands.size())).name(), r)
                : filler[r.nextInt(filler.length)];
        (r.nextBoolean() ? title : text).append(word).append(' ');
      }
      String shop = disguise(brands.get(r.nextInt(brands.size())).name(), r) + " store";
      generated.add(
          Listing.builder("gen-" + i, "https://shop.example/p/" + i, "gen", null)
              .title(title.toString().strip())
              .text(text.toString().strip())
              .seller(
                  Seller.named("s" + i, shop)
                      .withUrl("https://shop.example/" + shop.replace(' ', '_')))
              .build());
    }
    assertSameHits(generated);
  }

  /** A name as sellers disguise it, by one of several general transformations. */
  private static String disguise(String name, Random r) {
    return switch (r.nextInt(8)) {
      case 0 -> name;
      case 1 -> name.toUpperCase(java.util.Locale.ROOT);
      case 2 -> name.replace('o', '0').replace('i', '1').replace('e', '3');
      case 3 -> String.join(" ", name.split("")); // g u c c i
      case 4 ->
          name.length() > 3 ? name.substring(0, 2) + name.charAt(2) + name.substring(2) : name;
      case 5 -> name.length() > 5 ? name.substring(0, 3) + name.substring(4) : name; // one deleted
      case 6 -> name.replace(" ", "");
      default ->
          java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
              .replaceAll("\\p{M}", "");
    };
  }

  private static void assertSameHits(List<Listing> listings) {
    List<ListingFields> fields = listings.stream().map(ListingFields::new).toList();
    List<Map<String, List<Hit>>> a = index.match(fields);
    List<Map<String, List<Hit>>> b = monitor.match(fields);
    int withHits = 0;
    for (int i = 0; i < fields.size(); i++) {
      assertThat(a.get(i)).as(listings.get(i).title()).isEqualTo(b.get(i));
      withHits += a.get(i).isEmpty() ? 0 : 1;
    }
    assertThat(withHits).as("listings with at least one hit").isGreaterThan(listings.size() / 3);
  }

  private static List<Listing> resource(String name) {
    List<Listing> out = new ArrayList<>();
    try (var in = PhraseIndexTest.class.getResourceAsStream("/realworld/" + name)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          out.add(JsonCodec.decodeListing(line).value());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
