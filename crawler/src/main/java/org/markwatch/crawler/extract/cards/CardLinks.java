package org.markwatch.crawler.extract.cards;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.markwatch.crawler.extract.fallback.MainPriceFinder;
import org.markwatch.crawler.extract.html.Css;
import org.markwatch.crawler.extract.html.Texts;

/** What a card links to and how it is titled: the link most of its text and its image point to. */
final class CardLinks {
  /** A title is a line, not a description. */
  static final int MAX_TITLE_CHARS = 400;

  /** A link that puts the product in the cart or basket instead of opening its page. */
  private static final Pattern CART_LINK =
      Pattern.compile(
          "[/?&=_-](?:cart|basket|warenkorb|panier|carrito|giohang|gio-hang)(?:[/?&=_.-]|$)|add-?to-?cart");

  /** Longest text of a buy button; a longer link is a card's whole content ("JumBuy Express"). */
  private static final int MAX_BUTTON_CHARS = 30;

  /**
   * Elements that hold a card's name: headings, and elements whose class or test id says title or
   * name (test ids survive where class names are hashed).
   */
  private static final String TITLE_LIKE =
      "h1, h2, h3, h4, h5, h6, [class*=title], [class*=name], [itemprop=name],"
          + " [data-testid$=title], [data-testid$=name]";

  private CardLinks() {}

  /**
   * The card's main link (absolute), or null: the href that carries the most title text and images.
   */
  static String mainHref(Element card) {
    Map<String, Integer> score = new LinkedHashMap<>();
    Elements anchors = card.normalName().equals("a") ? new Elements(card) : new Elements();
    anchors.addAll(card.select(Css.of("a[href]")));
    int n = 0;
    for (Element a : anchors) {
      if (++n > 50) {
        break;
      }
      String href = a.absUrl("href");
      if (href.isEmpty() || !CardLinks.isWebUrl(href) || href.contains("#") && href.endsWith("#")) {
        continue;
      }
      String text = Texts.bounded(a, MAX_TITLE_CHARS);
      if (CART_LINK.matcher(href.toLowerCase(Locale.ROOT)).find()
          || (text != null
              && text.length() <= MAX_BUTTON_CHARS
              && MainPriceFinder.isBuyButton(a))) {
        continue; // "В корзину", "Add to cart": an action on the product, not its page
      }
      // A link laid over the whole card has no text, only its label for screen readers.
      int label =
          text != null && !text.isBlank()
              ? letters(text)
              : Math.max(letters(a.attr("aria-label")), letters(a.attr("title")));
      int s = 1 + label + (hasPicture(a) ? 20 : 0);
      score.merge(href, s, Integer::sum);
    }
    return score.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElse(null);
  }

  /**
   * The card's title: the longest text of a link to {@code href}, else a heading, else an element
   * named title or name, else an image's alt text, else a link's title attribute. Null when none.
   */
  static String title(Element card, String href) {
    String best = null;
    Elements anchors =
        card.normalName().equals("a") ? new Elements(card) : card.select(Css.of("a[href]"));
    for (Element a : anchors) {
      if (!href.equals(a.absUrl("href"))) {
        continue;
      }
      String t = ownTitleText(a);
      if (t != null && (best == null || letters(t) > letters(best))) {
        best = t;
      }
    }
    if (best != null && letters(best) >= 4) {
      return best;
    }
    for (Element h : card.select(Css.of(TITLE_LIKE))) {
      String t = ownTitleText(h);
      if (t != null && letters(t) >= 4) {
        return t;
      }
    }
    for (Element a : anchors) {
      if (href.equals(a.absUrl("href")) && letters(a.attr("title")) >= 4) {
        return a.attr("title").strip();
      }
    }
    Element img = card.selectFirst(Css.of("img[alt]"));
    if (img != null && letters(img.attr("alt")) >= 4) {
      return img.attr("alt").strip();
    }
    return best;
  }

  /**
   * The text of a link or heading without the prices in it, or null when too long to be a title.
   */
  private static String ownTitleText(Element e) {
    String text = Texts.bounded(e, MAX_TITLE_CHARS * 2);
    if (text == null) {
      return null;
    }
    if (e.selectFirst(Css.of(TITLE_LIKE)) instanceof Element h && h != e) {
      String inner = Texts.bounded(h, MAX_TITLE_CHARS);
      if (inner != null && letters(inner) >= 4) {
        return inner;
      }
    }
    return text.length() > MAX_TITLE_CHARS ? text.substring(0, MAX_TITLE_CHARS) : text;
  }

  /** The card's picture (absolute), skipping data: URIs and 1x1 placeholders; null when none. */
  static String image(Element card) {
    for (Element img : card.select(Css.of("img, source[srcset]"))) {
      if (isPixel(img) || isIcon(img)) {
        continue;
      }
      for (String attr :
          new String[] {
            "data-src",
            "data-original",
            "data-lazy-src",
            "data-lazy",
            "src",
            "data-srcset",
            "srcset"
          }) {
        String v = img.attr(attr).strip();
        if (attr.endsWith("srcset") && !v.isEmpty()) {
          v = v.split("[\\s,]+")[0];
        }
        if (v.isEmpty() || v.toLowerCase(Locale.ROOT).startsWith("data:")) {
          continue;
        }
        String abs =
            img.absUrl(attr).isEmpty()
                ? resolve(img, v)
                : attr.endsWith("srcset") ? resolve(img, v) : img.absUrl(attr);
        if (abs != null && isWebUrl(abs)) {
          return abs;
        }
      }
    }
    return null;
  }

  private static String resolve(Element img, String v) {
    try {
      return java.net.URI.create(img.baseUri()).resolve(v.replace(" ", "%20")).toString();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** An http(s) URL, or a file: URL when a saved page is read without its address. */
  static boolean isWebUrl(String url) {
    return url.startsWith("http://") || url.startsWith("https://") || url.startsWith("file:");
  }

  /** A 1x1 tracking pixel or spacer. */
  /** Words naming an image that is an icon or a button, not a product's picture. */
  private static final java.util.regex.Pattern ICON =
      java.util.regex.Pattern.compile(
          "(?:^|[\\s_/.-])(?:icons?|inlineimg|buttons?|btn|sprites?|emoji|flags?|stars?|arrows?)(?:$|[\\s_/.-])");

  /** Whether {@code a} holds a picture: an image that is neither a pixel nor an icon. */
  static boolean hasPicture(Element a) {
    for (Element img : a.select(Css.of("img"))) {
      if (!isPixel(img) && !isIcon(img)) {
        return true;
      }
    }
    return false;
  }

  /**
   * An icon: drawn at most 32 pixels wide or high, or named one by its class or file ("inlineimg",
   * "images/buttons/lastpost.gif"). A forum row's "last post" arrow is no product picture.
   */
  static boolean isIcon(Element img) {
    for (String side : new String[] {"width", "height"}) {
      String v = img.attr(side).strip();
      if (v.matches("\\d{1,2}") && Integer.parseInt(v) <= 32) {
        return true;
      }
    }
    String src = img.attr("src").strip();
    // The folders of its address, not the file's name ("/buttons/lastpost.gif" is an icon,
    // "/products/star-wars-lego.jpg" a product's picture).
    String folders =
        src.regionMatches(true, 0, "data:", 0, 5) || src.lastIndexOf('/') < 0
            ? ""
            : src.substring(0, src.lastIndexOf('/') + 1);
    String names = (img.className() + " " + folders).toLowerCase(Locale.ROOT);
    return ICON.matcher(names).find();
  }

  static boolean isPixel(Element img) {
    return "1".equals(img.attr("width").strip())
        || "1".equals(img.attr("height").strip())
        || img.attr("style").replace(" ", "").matches("(?s).*(width|height):[01]px.*");
  }

  static int letters(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetter(s.charAt(i))) {
        n++;
      }
    }
    return n;
  }
}
