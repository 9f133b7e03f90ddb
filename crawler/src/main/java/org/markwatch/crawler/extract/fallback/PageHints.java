package org.markwatch.crawler.extract.fallback;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.markwatch.crawler.extract.html.Css;

/**
 * Small page heuristics for fields without markup: the page's own heading, breadcrumbs and the
 * text's language.
 */
public final class PageHints {
  /** Headings looked at, at most: a page has one or two, a hostile one may have thousands. */
  private static final int MAX_HEADINGS = 20;

  /** Class or id of a block that holds the site's name or logo, not the page's subject. */
  private static final Pattern SITE_NAME_BLOCK =
      Pattern.compile("logo|masthead|site-?title|site-?name|site-?branding|navbar-brand");

  private static final String VIETNAMESE_ONLY =
      "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĂÂĐÊÔƠƯ";

  private PageHints() {}

  /**
   * The page's own heading: the first h1 that is not the site's name or logo. Many shop themes put
   * the logo in an h1 in the page header ({@code <div id="logo"><h1><a href="/">Shop</a></h1>}) and
   * the product's name in a second h1, or in an h2 the page's title names; null when none.
   */
  public static Element mainHeading(Document doc) {
    Element body = doc.body();
    if (body == null) {
      return null;
    }
    int seen = 0;
    for (Element h : body.select(Css.of("h1"))) {
      if (++seen > MAX_HEADINGS) {
        return null;
      }
      if (!isSiteName(h)) {
        return h;
      }
    }
    return headingNamedByTitle(doc);
  }

  /** Lower headings looked at when no h1 names the product. */
  private static final int MAX_LOWER_HEADINGS = 200;

  /** Shortest heading taken for the product's name by its match with the page's title. */
  private static final int MIN_TITLE_CHARS = 6;

  /**
   * Without an h1 of its own (the logo is the only one), the product's name is the first h2 or h3
   * that the page's title begins with, or that is its og:title: "Name - Category | Shop".
   */
  private static Element headingNamedByTitle(Document doc) {
    String ogTitle = fold(ogTitle(doc));
    String title = fold(doc.title());
    int seen = 0;
    for (Element h : doc.body().select(Css.of("h2, h3"))) {
      if (++seen > MAX_LOWER_HEADINGS) {
        return null;
      }
      String text = fold(h.text());
      if (text.length() >= MIN_TITLE_CHARS
          && (text.equals(ogTitle) || title.startsWith(text))
          && !isSiteName(h)) {
        return h;
      }
    }
    return nameBlockInTitle(doc, ogTitle, title);
  }

  /** Elements looked at for a product name outside headings. */
  private static final int MAX_NAME_BLOCKS = 5_000;

  /** Shortest name taken from inside the page's title ("【Shop】Name【reviews】-Shop"). */
  private static final int MIN_NAME_IN_TITLE_CHARS = 10;

  private static final Pattern NAME_BLOCK =
      Pattern.compile("(?:^|[\\s_-])(?:[a-z]*-)?(?:name|title|heading)(?:$|[\\s_-])");

  /**
   * Pages with no heading at all name the product in a block named for it ({@code <div
   * class="sku-name">}, {@code <p class="product-title">}) whose text the page's title contains.
   */
  private static Element nameBlockInTitle(Document doc, String ogTitle, String title) {
    int seen = 0;
    for (Element e : doc.body().getAllElements()) {
      if (++seen > MAX_NAME_BLOCKS) {
        return null;
      }
      if (e.attributesSize() == 0) {
        continue;
      }
      String names = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
      if (names.isBlank()
          || !NAME_BLOCK.matcher(names).find()
          || SITE_NAME_BLOCK.matcher(names).find()
          || MainPriceFinder.longerThan(e, MAX_NAME_CHARS)) {
        continue; // a block named "title-wrap" may hold the whole page: not read whole
      }
      String text = fold(e.text());
      if (text.length() >= MIN_NAME_IN_TITLE_CHARS
          && text.length() <= MAX_NAME_CHARS
          && (text.equals(ogTitle) || title.contains(text))) {
        return e;
      }
    }
    return null;
  }

  /** Longest product name read from a name block. */
  private static final int MAX_NAME_CHARS = 300;

  /** The page's og:title, or "" when it has none. */
  static String ogTitle(Document doc) {
    Element og = doc.selectFirst(Css.of("meta[property=og:title]"));
    return og == null ? "" : og.attr("content");
  }

  private static String fold(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
  }

  /**
   * The elements that hold {@code e} (not {@code e} itself), by identity; empty for null. Blocks
   * that hold the page's heading hold its product, whatever their class names say.
   */
  public static Set<Element> ancestors(Element e) {
    Set<Element> out = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Element p = e == null ? null : e.parent(); p != null; p = p.parent()) {
      out.add(p);
    }
    return out;
  }

  private static boolean isSiteName(Element h1) {
    if (h1.text().isBlank()) {
      return true;
    }
    Element link = h1.selectFirst(Css.of("a[href]"));
    if (link != null
        && link.text().strip().equals(h1.text().strip())
        && isHome(link.attr("href"))) {
      return true;
    }
    int depth = 0;
    for (Element p = h1; p != null && depth < 6; p = p.parent(), depth++) {
      if (p.attributesSize() > 0
          && SITE_NAME_BLOCK
              .matcher((p.className() + " " + p.id()).toLowerCase(Locale.ROOT))
              .find()) {
        return true;
      }
    }
    return false;
  }

  /**
   * A link to the site's home page: "/", "./", "index.html", "?route=common/home", "https://host/".
   */
  private static boolean isHome(String href) {
    String h = href.strip().toLowerCase(Locale.ROOT);
    if (h.equals("/")
        || h.equals("./")
        || h.equals("#")
        || h.startsWith("/index.")
        || h.startsWith("index.")) {
      return true;
    }
    if (h.contains("common/home")) {
      return true;
    }
    int scheme = h.indexOf("://");
    if (scheme > 0) {
      int path = h.indexOf('/', scheme + 3);
      return path < 0 || h.substring(path).equals("/");
    }
    return false;
  }

  /**
   * The category path of the first breadcrumb trail on the page, broadest first; empty when none.
   */
  public static List<String> breadcrumbs(Document doc) {
    Element trail =
        doc.selectFirst(
            Css.of(
                "nav[aria-label~=(?i)breadcrumb], [class~=(?i)^breadcrumbs?$], "
                    + "ol[class*=breadcrumb], ul[class*=breadcrumb], div[class*=breadcrumb], [id*=breadcrumb]"));
    List<String> out = new ArrayList<>();
    if (trail == null) {
      return out;
    }
    List<Element> items = trail.select(Css.of("li"));
    if (items.isEmpty()) {
      items = trail.select(Css.of("a"));
    }
    for (Element item : items) {
      String t = item.text().strip().replaceAll("^[>»/›|]+\\s*|\\s*[>»/›|]+$", "");
      if (!t.isEmpty() && t.length() <= 80 && !out.contains(t) && out.size() < 12) {
        out.add(t);
      }
    }
    return out;
  }

  /** "vi" when the text is Vietnamese by its letters, else null (no guess). */
  public static String language(String text) {
    if (text == null || text.length() < 8) {
      return null;
    }
    int letters = 0;
    int vietnamese = 0;
    String t = text.length() > 5_000 ? text.substring(0, 5_000) : text;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
        if (VIETNAMESE_ONLY.indexOf(Character.toLowerCase(c)) >= 0
            || VIETNAMESE_ONLY.indexOf(c) >= 0) {
          vietnamese++;
        }
      }
    }
    return letters > 0 && vietnamese * 12 >= letters ? "vi" : null;
  }

  private static final Pattern HIDDEN =
      Pattern.compile(
          "(?:^|[\\s_-])(?:hidden|clipped|sr-only|visually-hidden|hide)" + "(?:$|[\\s_-])");

  /** What a price box says instead of a price: ask the shop ("Liên hệ", "Call for price"). */
  private static final Pattern ASK_FOR_PRICE =
      Pattern.compile(
          "(?iu)(?:giá\\s*:?\\s*)?(?:liên hệ|lh|liên hệ để báo giá|gọi để báo giá|call for price|contact us"
              + "|contact for price|price on request|request a quote|prix sur demande|preis auf anfrage"
              + "|precio a consultar|consultar precio|sob consulta)\\.?");

  /**
   * Whether the page's price box asks the buyer to contact the shop instead of giving a price
   * ({@code <p class="price">Liên hệ</p>}): the page shows no price, and words elsewhere (a
   * review's "báo giá khoảng 14 triệu", another product's card) are not one.
   */
  public static boolean asksForPrice(Document doc) {
    int n = 0;
    for (Element e : doc.select(Css.of("[class*=price], [itemprop=price]"))) {
      if (++n > 40) {
        break;
      }
      String t = e.text().strip();
      if (!t.isEmpty() && t.length() <= 40 && ASK_FOR_PRICE.matcher(t).matches()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Hidden from view by a class, a style or the hidden attribute (templates, screen-reader copies,
   * closed dialogs).
   */
  public static boolean isHidden(Element e) {
    for (Element a = e; a != null && !a.normalName().equals("body"); a = a.parent()) {
      if (a.hasAttr("hidden")
          || a.attr("style").replace(" ", "").toLowerCase(Locale.ROOT).contains("display:none")
          || HIDDEN.matcher(a.className().toLowerCase(Locale.ROOT)).find()) {
        return true;
      }
    }
    return false;
  }
}
