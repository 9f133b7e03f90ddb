package org.markwatch.crawler.extract.fallback;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.markwatch.crawler.extract.html.Css;

/**
 * The brand a page shows beside its product's heading without a label: an element named for it
 * ({@code <h2 class="productView-brand">}, {@code <a class="brand">}, {@code <div
 * class="product-manufacturer"><img alt="Maker">}) or a link to the brand's page ({@code
 * href="/brands/maker"}). Shop themes write the brand this way more often than after a "Brand:"
 * label. Only near the page's own heading, outside page chrome and blocks of other products.
 */
public final class BrandFinder {
  /** Elements after (or before) the heading looked at: the product's box, not the page. */
  private static final int REACH = 120;

  /** A class, id or itemprop naming the brand or maker, as one word of a compound name. */
  private static final Pattern BRAND_NAME =
      Pattern.compile(
          "(?:^|[\\s_-])(?:brand|brandname|brand-?name|manufacturer|vendor|maker|marca|marke|"
              + "hersteller|fabricant|producent|thuong-?hieu)(?:$|[\\s_-])");

  /** Names of the site's own brand or of lists of brands, not the product's. */
  private static final Pattern NOT_PRODUCT_BRAND =
      Pattern.compile("navbar|site|logo|brands|brand-?list|all-?brands|filter|facet|menu|nav");

  /** The path of a brand's page: "/brand/maker", "/brands/maker.html", "?manufacturer_id=8". */
  private static final Pattern BRAND_LINK =
      Pattern.compile(
          "(?:/(?:brand|brands|marca|marcas|marke|marken|hersteller|manufacturer|manufacturers|"
              + "thuong-hieu)/[^/?#]+/?(?:\\.html?)?$)|[?&]manufacturer_id=\\d+");

  private static final Pattern OTHER_BLOCK =
      Pattern.compile(
          "(?i)related|recommend|similar|carousel|upsell|cross-?sell|also|recent|viewed|"
              + "breadcrumb|filter|facet|sidebar|menu|footer|header|review");

  private BrandFinder() {}

  /** The brand shown beside {@code heading} (the page's own h1), or null. */
  public static String find(Document doc, Element heading) {
    Element body = doc.body();
    if (body == null || heading == null) {
      return null;
    }
    List<Element> all = body.getAllElements();
    int at = -1;
    for (int i = 0; i < all.size() && i < MainPriceFinder.MAX_ELEMENTS; i++) {
      if (all.get(i) == heading) {
        at = i;
        break;
      }
    }
    if (at < 0) {
      return null;
    }
    String headingText = heading.text().strip();
    Set<Element> productBox = PageHints.ancestors(heading);
    // Nearest first, after the heading before before it: a brand line sits right above or below.
    for (int d = 1; d <= REACH; d++) {
      for (int i : new int[] {at + d, at - d}) {
        if (i <= 0 || i >= all.size()) {
          continue;
        }
        String brand = brandOf(all.get(i), heading, headingText, productBox);
        if (brand != null) {
          return brand;
        }
      }
    }
    return titlePrefix(doc, all, at, headingText);
  }

  /** Elements beside the heading in which the title's brand must be shown on its own. */
  private static final int PREFIX_REACH = 12;

  /**
   * The brand the page's title puts before the heading's name ("Velmora Cappotto classico" over an
   * h1 "Cappotto classico"), when an element right beside the heading shows it alone: fashion shops
   * write the brand in a line of its own above the name and join both in the title.
   */
  private static String titlePrefix(Document doc, List<Element> all, int at, String headingText) {
    if (headingText.length() < 4) {
      return null;
    }
    for (String title : new String[] {PageHints.ogTitle(doc), doc.title()}) {
      String t = title.replaceAll("\\s+", " ").strip();
      int k = t.toLowerCase(Locale.ROOT).indexOf(headingText.toLowerCase(Locale.ROOT));
      if (k <= 0) {
        continue;
      }
      String prefix = t.substring(0, k).replaceAll("[\\s\\-–—|:·]+$", "").strip();
      if (!plausible(prefix, headingText)) {
        continue;
      }
      for (int i = Math.max(1, at - PREFIX_REACH);
          i < Math.min(all.size(), at + PREFIX_REACH);
          i++) {
        Element e = all.get(i);
        // Containers around the heading are skipped before their text is built.
        if (i != at
            && !MainPriceFinder.longerThan(e, prefix.length())
            && e.text().strip().equalsIgnoreCase(prefix)) {
          return e.text().strip();
        }
      }
    }
    return null;
  }

  private static String brandOf(
      Element e, Element heading, String headingText, Set<Element> productBox) {
    if (e.attributesSize() == 0) {
      return null;
    }
    String names =
        (e.className() + " " + e.id() + " " + e.attr("itemprop")).toLowerCase(Locale.ROOT);
    boolean named = BRAND_NAME.matcher(names).find() && !NOT_PRODUCT_BRAND.matcher(names).find();
    boolean linked =
        e.normalName().equals("a")
            && BRAND_LINK.matcher(e.attr("href").toLowerCase(Locale.ROOT)).find();
    if (!named && !linked) {
      return null;
    }
    if (outsideProduct(e, heading, productBox)) {
      return null;
    }
    String value = e.text().strip();
    if (value.isEmpty()) {
      Element img = e.selectFirst(Css.of("img[alt]"));
      value = img != null ? img.attr("alt").strip() : e.attr("title").strip();
    }
    return plausible(value, headingText) ? value : null;
  }

  /**
   * Whether {@code e} sits in page chrome or a block of other products. Only the blocks between
   * {@code e} and its first ancestor that also holds the heading count: what holds both is the
   * product's own box (a theme may put the title and brand in a {@code <header>}).
   */
  private static boolean outsideProduct(Element e, Element heading, Set<Element> productBox) {
    int depth = 0;
    for (Element p = e; p != null && depth < 10; p = p.parent(), depth++) {
      if (p == heading || productBox.contains(p)) {
        return p == e;
      }
      String tag = p.normalName();
      if (tag.equals("nav")
          || tag.equals("header")
          || tag.equals("footer")
          || tag.equals("aside")
          || tag.equals("select")) {
        return true;
      }
      // The element's own name is the brand's ("product-page__header-brand"); only the blocks
      // around it say where it sits.
      if (p != e
          && p.attributesSize() > 0
          && OTHER_BLOCK.matcher(p.className() + " " + p.id()).find()) {
        return true;
      }
    }
    return true;
  }

  private static boolean plausible(String value, String headingText) {
    return !value.isEmpty()
        && value.length() <= 40
        && value.split("\\s+").length <= 4
        && !value.equalsIgnoreCase(headingText)
        && value.chars().filter(Character::isDigit).count() < 4
        && value.codePoints().anyMatch(Character::isLetter)
        // A call to action ("Shop all Nike", "Xem thêm") or a label is no brand.
        && !value.endsWith(":");
  }
}
