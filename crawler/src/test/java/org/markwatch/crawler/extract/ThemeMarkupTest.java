package org.markwatch.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.markwatch.model.Listing;

/**
 * Product pages in the markup of common shop themes, without schema.org prices
 * (src/test/resources/themes, see its README), read by the generic fallback; and the cases each of
 * its rules must leave alone.
 */
class ThemeMarkupTest {
  private static final Path THEMES = Path.of("src/test/resources/themes");

  record Expected(
      String page,
      String price,
      String currency,
      String listPrice,
      String brand,
      String sku,
      String gtin,
      String title) {
    @Override
    public String toString() {
      return page;
    }
  }

  static Stream<Expected> pages() throws IOException {
    return Files.readAllLines(THEMES.resolve("key.tsv"), StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#"))
        .map(l -> l.split("\t"))
        .map(
            f ->
                new Expected(
                    f[0], f[1], f[2], none(f[3]), none(f[4]), none(f[5]), none(f[6]), f[7]));
  }

  private static String none(String v) {
    return v.equals("-") ? null : v;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void aThemePageGivesWhatItShows(Expected want) throws IOException {
    String html = Files.readString(THEMES.resolve(want.page()), StandardCharsets.UTF_8);
    String slug = want.page().replace(".html", "");
    List<Listing> found =
        Extraction.extract(TestPages.html("https://" + slug + ".shop.example/p/item-1", html));
    assertThat(found).hasSize(1);
    Listing l = found.get(0);
    assertThat(l.title()).isEqualTo(want.title());
    assertThat(l.price().amount()).isEqualByComparingTo(want.price());
    assertThat(l.price().currency()).isEqualTo(want.currency());
    if (want.listPrice() == null) {
      assertThat(l.listPrice()).isNull();
    } else {
      assertThat(l.listPrice().amount()).isEqualByComparingTo(want.listPrice());
    }
    assertThat(l.brandClaimed()).isEqualTo(want.brand());
    assertThat(l.attributes().get("sku")).isEqualTo(want.sku());
    assertThat(l.attributes().get("gtin")).isEqualTo(want.gtin());
  }

  private static Listing one(String html) {
    List<Listing> found = Extraction.extract(TestPages.html("https://shop.example/p/item-9", html));
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  @Test
  void theSiteLogoIsNoBrandAndAHeaderH1IsNoTitle() {
    Listing l =
        one(
            """
            <html><body><header><h1 class="navbar-brand"><a href="/">Acme Outlet</a></h1>
            <div class="brand-logo"><img alt="Acme Outlet"></div></header>
            <main><h1>Trail Mug 350 ml</h1><span class="price">$24.00</span>
            <button>Add to cart</button></main></body></html>""");
    assertThat(l.title()).isEqualTo("Trail Mug 350 ml");
    assertThat(l.brandClaimed()).isNull();
  }

  @Test
  void aBrandInABlockOfOtherProductsIsNotThisProductsBrand() {
    Listing l =
        one(
            """
            <html><body><main><h1>Trail Mug 350 ml</h1><span class="price">$24.00</span>
            <button>Add to cart</button>
            <div class="related-products"><div class="card"><span class="card-brand">Stanley</span>
            <a href="/p/flask">Flask</a><span class="price">$40.00</span></div></div>
            </main></body></html>""");
    assertThat(l.brandClaimed()).isNull();
    assertThat(l.price().amount()).isEqualByComparingTo("24.00");
  }

  @Test
  void aLinkToABrandPageBesideTheTitleNamesTheBrand() {
    Listing l =
        one(
            """
            <html><body><main><div class="info"><a href="/brands/kelty-gear">Kelty</a>
            <h1>Trail Mug 350 ml</h1><span class="price">$24.00</span>
            <button>Add to cart</button></div></main></body></html>""");
    assertThat(l.brandClaimed()).isEqualTo("Kelty");
  }

  @Test
  void aCurrencyCodeInsideAReferenceIsNoPrice() {
    Listing l =
        one(
            """
            <html><body><h1>Soy Candle</h1><div>SKU: LS-CND-0042</div>
            <div><span>$30.40</span></div><button>Add to cart</button></body></html>""");
    assertThat(l.price().amount()).isEqualByComparingTo("30.40");
    assertThat(l.price().currency()).isEqualTo("USD");
  }

  @Test
  void aPriceUnderAWasLabelIsTheListPrice() {
    Listing l =
        one(
            """
            <html lang="de-DE"><body><h1>Akkuschrauber</h1>
            <div>UVP <span class="price">159,00 €</span></div>
            <div><span class="price">129,90 €</span></div><button>In den Warenkorb</button>
            </body></html>""");
    assertThat(l.price().amount()).isEqualByComparingTo("129.90");
    assertThat(l.listPrice().amount()).isEqualByComparingTo("159.00");
  }

  @Test
  void pricesUnderARelatedProductsHeadingBelongToThoseProducts() {
    Listing l =
        one(
            """
            <html><body><h1>Apple Cinema 30"</h1><ul><li><h2>$98.00</h2></li></ul>
            <button>Add to Cart</button><p>Description of the display.</p>
            <h3>Related Products</h3><div class="row"><div class="product-thumb">
            <a href="/p/40">iPhone</a><p class="price">$123.20</p></div></div></body></html>""");
    assertThat(l.price().amount()).isEqualByComparingTo("98.00");
  }

  @Test
  void aTitleWithTheShopsNameGivesWayToTheHeading() {
    Listing l =
        one(
            """
            <html><head><meta property="og:title" content="Soy Candle | Lumen Studio"></head>
            <body><h1>Soy Candle</h1><span class="price">$30.40</span><button>Add to cart</button>
            </body></html>""");
    assertThat(l.title()).isEqualTo("Soy Candle");
  }
}
