package org.markwatch.crawler.extract.fallback;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The stock state a product page prints for shoppers, such as "In stock", "Derzeit nicht
 * verfügbar." or "Hết hàng", as schema.org's {@code InStock} / {@code OutOfStock}, for pages whose
 * markup gives none. Read only from a short text that starts with the phrase (after an optional
 * label such as "Availability:"), the one nearest the page's h1, and never from what is hidden, a
 * variant or size picker, a "notify me" form or a block of other products: there a phrase is about
 * something else.
 */
public final class StockFinder {
  /** Text nodes looked at, at most, from the h1 on. */
  static final int MAX_TEXT_NODES = 60_000;

  /** How far from the h1 (in text nodes, either side) a stock line still belongs to it. */
  static final int WINDOW = 1_500;

  /** A stock line is short: the phrase and a few words ("In stock — 142 available"). */
  private static final int MAX_REST = 25;

  private static final String LABEL =
      "(?:availability|stock|in stock\\?|status|verfügbarkeit|lieferstatus|disponibilité|disponibilidad"
          + "|disponibilità|beschikbaarheid|dostupnost|dostępność|stan|наличие|tình trạng|tình trạng kho"
          + "|trạng thái|kho hàng|在庫|库存|庫存|재고)\\s*[:：]?\\s*";

  private static final Pattern OUT =
      Pattern.compile(
          "(?iu)^(?:"
              + LABEL
              + ")?(out of stock|sold out|currently unavailable|temporarily out of stock|no longer available"
              + "|derzeit nicht verfügbar|nicht verfügbar|ausverkauft|nicht auf lager|nicht lieferbar"
              + "|épuisé|rupture de stock|indisponible|agotado|sin stock|no disponible|esaurito"
              + "|non disponibile|uitverkocht|niet op voorraad|niet leverbaar|vyprodáno|vypredané"
              + "|nedostupné|není skladem|nie je skladom|brak w magazynie|niedostępny|нет в наличии"
              + "|tạm hết hàng|hết hàng|ngừng kinh doanh|已售完|售完|缺貨|缺货|品切れ|在庫切れ|품절)"
              + "(?!\\p{L})(.*)$");

  private static final Pattern IN =
      Pattern.compile(
          "(?iu)^(?:"
              + LABEL
              + ")?(in stock|en stock|auf lager|sofort lieferbar|op voorraad|na skladě|skladom"
              + "|na stanie|в наличии|en existencia|disponibile|còn hàng|có sẵn|有庫存|有现货|現貨|有貨"
              + "|在庫あり|재고 있음)(?!\\p{L})(.*)$");

  /** Blocks whose stock words are about a variant, a form, hidden text or other products. */
  private static final Pattern NOT_THE_PRODUCT =
      Pattern.compile(
          "template|modal|popup|notify|alert-me|variant|swatch|option|picker|selector"
              // A size picker, not a type-size utility class ("a-size-base", "text-size-lg").
              + "|size(?!-(?:base|mini|small|medium|large|extra|x*l|lg|md|sm|xs|\\d))"
              + "|dropdown|related|recommend|similar|carousel|upsell|cross-?sell|also|recent|viewed"
              + "|mini-?cart|basket|filter|facet|review|store-?stock|in-?store|pickup");

  /**
   * Class names that hide an element on every screen (responsive ones such as "d-md-block" show
   * it).
   */
  private static final java.util.Set<String> HIDING =
      java.util.Set.of(
          "hidden",
          "hide",
          "d-none",
          "is-hidden",
          "invisible",
          "sr-only",
          "visually-hidden",
          "visuallyhidden",
          "screen-reader-text");

  private StockFinder() {}

  /**
   * {@code InStock}, {@code OutOfStock} or null when the page prints neither where it counts;
   * {@code heading} (nullable) is the page's own heading ({@link PageHints#mainHeading}).
   */
  public static String find(Document doc, Element heading) {
    Element body = doc.body();
    if (body == null) {
      return null;
    }
    Scan scan = new Scan(body, heading);
    NodeTraversor.filter(scan, body);
    return scan.result();
  }

  /**
   * One pass over the text nodes in document order. The h1's position is where the product is; a
   * buy box is often written before the h1 in the source (a right column), so the stock line
   * nearest to the h1 wins, before or after it, within {@link #WINDOW} text nodes. Without an h1,
   * the first stock line wins.
   */
  private static final class Scan implements NodeFilter {
    private final Element body;
    private final Element h1;
    private int at;
    private int h1At = -1;
    private String before;
    private int beforeAt;
    private String after;
    private int afterAt;

    private java.util.Set<Element> h1Ancestors;

    Scan(Element body, Element h1) {
      this.body = body;
      this.h1 = h1;
    }

    /** The h1's ancestors, found once: a skipped block that holds the h1 still places it. */
    private java.util.Set<Element> h1Ancestors() {
      if (h1Ancestors == null) {
        h1Ancestors = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        h1Ancestors.addAll(h1.parents());
      }
      return h1Ancestors;
    }

    @Override
    public FilterResult head(Node node, int depth) {
      if (node == h1) {
        h1At = at;
      }
      if (node instanceof Element e) {
        if (!skipped(e)) {
          return FilterResult.CONTINUE;
        }
        if (h1 != null && h1At < 0 && h1Ancestors().contains(e)) {
          h1At = at;
        }
        return FilterResult.SKIP_ENTIRELY;
      }
      if (!(node instanceof TextNode t) || t.isBlank()) {
        return FilterResult.CONTINUE;
      }
      if (++at > MAX_TEXT_NODES || (h1At >= 0 && at - h1At > WINDOW)) {
        return FilterResult.STOP;
      }
      String text = t.text().replace('\u00a0', ' ').strip();
      String state = text.length() > 80 ? null : read(text);
      if (state == null) {
        return FilterResult.CONTINUE;
      }
      if (h1 != null && h1At < 0) {
        before = state;
        beforeAt = at;
        return FilterResult.CONTINUE;
      }
      after = state;
      afterAt = at;
      return FilterResult.STOP;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      return FilterResult.CONTINUE;
    }

    String result() {
      if (h1 == null || h1At < 0) {
        return h1 == null ? after : null;
      }
      boolean beforeNear = before != null && h1At - beforeAt <= WINDOW;
      if (after != null && (!beforeNear || afterAt - h1At <= h1At - beforeAt)) {
        return after;
      }
      return beforeNear ? before : null;
    }

    private boolean skipped(Element e) {
      String tag = e.normalName();
      return tag.equals("script")
          || tag.equals("style")
          || tag.equals("noscript")
          || tag.equals("template")
          || tag.equals("svg")
          || tag.equals("select")
          || tag.equals("option")
          || tag.equals("button")
          || tag.equals("label")
          || tag.equals("nav")
          || tag.equals("header")
          || tag.equals("footer")
          || tag.equals("aside")
          || (e != body
              && e.attributesSize() > 0
              && (e.hasAttr("hidden")
                  || "true".equals(e.attr("aria-hidden"))
                  || e.attr("style")
                      .replace(" ", "")
                      .toLowerCase(Locale.ROOT)
                      .contains("display:none")
                  || hidden(e)
                  || elsewhere(e)));
    }
  }

  /** The stock state one short text states, or null. */
  static String read(String text) {
    Matcher out = OUT.matcher(text);
    if (out.matches() && out.group(2).length() <= MAX_REST) {
      return "OutOfStock";
    }
    Matcher in = IN.matcher(text);
    if (in.matches() && in.group(2).length() <= MAX_REST && !negated(in.group(2))) {
      return "InStock";
    }
    return null;
  }

  /** "In stock soon", "en stock en magasin": the rest says it is not in stock now. */
  private static boolean negated(String rest) {
    String r = rest.toLowerCase(Locale.ROOT);
    return r.contains("soon")
        || r.contains("bald")
        || r.contains("bientôt")
        || r.contains("magasin")
        || r.contains("store")
        || r.contains("?");
  }

  private static boolean hidden(Element e) {
    boolean hides = false;
    for (String c : e.classNames()) {
      String lc = c.toLowerCase(Locale.ROOT);
      if (HIDING.contains(lc)) {
        hides = true;
      } else if (lc.startsWith("d-") || lc.startsWith("visible-")) {
        return false;
      }
    }
    return hides;
  }

  private static boolean elsewhere(Element e) {
    String names = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
    return !names.isBlank() && NOT_THE_PRODUCT.matcher(names).find();
  }
}
