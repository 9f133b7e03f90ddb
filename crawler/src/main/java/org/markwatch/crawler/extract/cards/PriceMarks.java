package org.markwatch.crawler.extract.cards;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.markwatch.crawler.extract.fallback.MainPriceFinder;
import org.markwatch.crawler.extract.fallback.PriceLabels;
import org.markwatch.crawler.extract.html.Css;
import org.markwatch.crawler.extract.html.SplitCents;
import org.markwatch.crawler.extract.html.StruckClasses;
import org.markwatch.crawler.extract.html.Texts;
import org.markwatch.crawler.extract.text.Currencies;
import org.markwatch.crawler.extract.text.ParsedPrice;
import org.markwatch.crawler.extract.text.PriceParser;

/**
 * The prices shown on a page, as elements: the smallest element around a short text that reads as
 * money (a currency written, or a price class or {@code itemprop=price} on it or just above it).
 * Whether a price is struck through (the price before a discount) is read from the markup only:
 * {@code del/s/strike}, a line-through style (inline, or a class the page's own style sheet
 * strikes), or an old/was/list/strike class or attribute.
 */
final class PriceMarks {
  /** A price as shown: longer texts are sentences that mention money, not prices. */
  static final int MAX_PRICE_CHARS = 48;

  /** Letters a price's box may add to its amount: a currency or a short label ("Giá bán:"). */
  private static final int MAX_LABEL_LETTERS = 6;

  private static final Pattern PRICE_CLASS =
      Pattern.compile("price|preis|prix|precio|preco|prezzo|cena|amount|gia");
  private static final Pattern STRUCK_CLASS =
      Pattern.compile(
          PriceLabels.OLD_PRICE_CLASS_WORDS + "|list-?price|regular-price|uvp|gia-?goc");

  /**
   * Dong written right after the digits ("450.000đ"), which the symbol table reads only as a word.
   */
  private static final Pattern DONG = Pattern.compile("\\d\\s*(?:đ|Đ|₫|VNĐ|VND|vnđ|vnd)(?!\\p{L})");

  private static final Pattern NOT_MONEY =
      Pattern.compile("%|★|\\d\\s*/\\s*5\\b|\\d{1,2}:[0-5]\\d(?!\\d)(?!\\s*(?:kr|:-))");

  private PriceMarks() {}

  /** A price element with what it reads as. */
  record Mark(
      Element element, ParsedPrice price, boolean struck, boolean perUnit, boolean member) {}

  /**
   * The prices of {@code root}'s subtree, in document order, at most {@code maxMarks}. {@code
   * country} (nullable) disambiguates "$"; {@code styles} are the page's struck classes.
   */
  static List<Mark> find(Element root, String country, StruckClasses styles, int maxMarks) {
    List<Mark> out = new ArrayList<>();
    Set<Element> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (out.size() >= maxMarks) {
              return FilterResult.STOP;
            }
            if (node instanceof Element e) {
              String tag = e.normalName();
              if (tag.equals("script")
                  || tag.equals("style")
                  || tag.equals("noscript")
                  || tag.equals("template")
                  || tag.equals("select")
                  || tag.equals("option")
                  || tag.equals("svg")
                  // Copies for screen readers ("Original price was: £24.00.") repeat the prices
                  // shown and drop the markup that says which is struck through.
                  || PriceLabels.isScreenReaderOnly(e)) {
                return FilterResult.SKIP_ENTIRELY;
              }
              return FilterResult.CONTINUE;
            }
            if (node instanceof TextNode t
                && node.parent() instanceof Element parent
                && hasDigit(t.getWholeText())) {
              Mark m = mark(parent, country, seen, styles);
              if (m != null) {
                out.add(m);
              }
            }
            return FilterResult.CONTINUE;
          }
        },
        root);
    return out;
  }

  private static Mark mark(
      Element parent, String country, Set<Element> seen, StruckClasses styles) {
    // The price box: the highest element above the digits whose whole text is still short
    // ("€", "12", ",99" in three spans are one price).
    Element box = parent;
    String text = Texts.bounded(box, MAX_PRICE_CHARS);
    String own = parent.ownText();
    boolean ownPrice = false;
    if (own.length() <= MAX_PRICE_CHARS
        && numberRuns(own) == 1
        && (text == null || numberRuns(text) > 1)
        && Currencies.findSymbol(own, null) != null) {
      // The price's element also holds the old price or a saving after its own text:
      // <span>11,92 €*<span class=list-price>14,90 €*</span></span>.
      text = own;
      ownPrice = true;
    }
    if (text == null || text.isBlank()) {
      return null;
    }
    for (int up = 0; up < 3 && !ownPrice && box.parent() != null; up++) {
      String wider = Texts.bounded(box.parent(), MAX_PRICE_CHARS);
      if (wider != null && numberRuns(wider) > numberRuns(text)) {
        break; // the wider text holds a second number (the old price beside the new one, a
        // quantity)
      }
      if (wider != null && CardLinks.letters(wider) > CardLinks.letters(text) + MAX_LABEL_LETTERS) {
        break; // the wider text adds words of its own ("모레(목) 도착 예정"): no part of the price
      }
      Element up1 = box.parent();
      String tag = up1.normalName();
      if (wider == null
          || tag.equals("a")
          || tag.equals("li")
          || tag.equals("article")
          || tag.equals("body")
          || up1.selectFirst(Css.of("img, h1, h2, h3, h4, h5, h6")) != null) {
        break;
      }
      box = box.parent();
      text = wider;
    }
    if (!seen.add(box)) {
      return null;
    }
    if (!ownPrice) {
      String joined = SplitCents.join(box);
      if (joined != null) {
        text = joined; // "2.199<sup>99</sup> Lei" is 2199.99
      }
    }
    if (parent.closest(PHONE_LINK) != null || box.selectFirst(PHONE_LINK) != null) {
      return null; // "Gọi 1900 6868 để có giá tốt" in a price box: a hotline, not an amount
    }
    if (NEGATIVE.matcher(text).find()
        || NOT_MONEY.matcher(text).find()
        || PriceLabels.saysDiscount(text)
        || PriceLabels.saysOtherOffer(text)
        || PriceLabels.saysThreshold(text)
        || CODE_CLASS.matcher(box.className().toLowerCase(Locale.ROOT)).find()) {
      return null;
    }
    String symbol = Currencies.findSymbol(text, null);
    boolean money = symbol != null || DONG.matcher(text).find();
    // A currency written in letters ("DH", "LS", "zł") may be a word of a name: "Kasprowy DH 200".
    boolean letterSymbol =
        symbol != null
            && symbol.strip().codePoints().allMatch(Character::isLetter)
            && !Currencies.isIsoCode(symbol.strip())
            && text.codePoints().noneMatch(c -> Character.getType(c) == Character.CURRENCY_SYMBOL);
    if (!money && ONLY_NUMBER.matcher(text).matches()) {
      // The amount alone in its element and the currency in the text beside it:
      // "<span>599</span>元起", "$<b>99</b>".
      String beside = besideCurrency(box, text);
      if (beside != null) {
        text = beside;
        money = true;
      }
    }
    if (!money && !isPriceish(box) && !(box.parent() != null && isPriceish(box.parent()))) {
      return null;
    }
    if (!text.matches("(?s)[^\\p{L}]*(?:\\p{L}{1,12}(?:[^\\p{L}]+|$)){0,3}")
        && (!money || letterSymbol)) {
      return null;
    }
    if (!money && COUNTED.matcher(text).find()) {
      // "Bokstöd, 2-pack, svart" in a price module's description: a count, not an amount.
      return null;
    }
    if (symbol != null && numberRuns(text) > 1) {
      // "9.9 PRICE: $27.00": the amount is the number written against the currency.
      String beside = MainPriceFinder.besideSymbol(text, symbol);
      if (beside != null) {
        text = beside;
      }
    }
    ParsedPrice p = PriceParser.parse(text, null, null, country);
    if (!p.hasAmount() || p.amount().signum() <= 0) {
      return null;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    boolean struck = isStruck(parent, box, styles) || PriceLabels.saysWas(box, text);
    boolean perUnit =
        (lower.matches("(?s).*(/\\s*\\p{L}|\\bper\\b|\\(.*\\d.*\\)).*")
                && !PER_COUNT.matcher(lower).find())
            // A unit price or a content amount by its class ("price-unit-content": "1 Kilogramm");
            // a "basePrice" struck through is the price before the discount, not per kilo.
            || !struck && UNIT_CLASS.matcher(box.className().toLowerCase(Locale.ROOT)).find();
    // "IKEA Family-pris 2 995:-", "Giá Smember": a price for members, not the card's price.
    boolean member = PriceLabels.saysMemberPrice(box, text);
    return new PriceMarks.Mark(box, p, struck, perUnit, member);
  }

  /** An element named for a code or a rating ("sku-value", "model-number"): no price in it. */
  private static final Pattern CODE_CLASS =
      Pattern.compile(
          "(?:^|[\\s_-])(?:sku|model|mpn|ean|gtin|isbn|code|rating|review)(?:$|[\\s_-])");

  private static final org.jsoup.select.Evaluator PHONE_LINK = Css.of("a[href^=tel:]");

  /** An amount taken off ("-10,00 €", "− $5"): a saving, never a price. */
  private static final Pattern NEGATIVE = Pattern.compile("^\\s*[-−–]\\s*\\D{0,4}\\d");

  /**
   * A number joined to a word by a hyphen or letters: "2-pack", "6er", "3x", "128GB"; not the
   * Vietnamese "450k", "1tr2", which are amounts.
   */
  private static final Pattern COUNTED =
      Pattern.compile("\\d(?:-\\p{L}|(?!(?:k|K|tr|Tr|TR|củ)\\b)\\p{L}{1,3}\\b)");

  private static final Pattern UNIT_CLASS = Pattern.compile("(?:^|[\\s_-])(?:unit|base-?price)");

  private static final Pattern ONLY_NUMBER = Pattern.compile("\\d[\\d.,' ]*");

  /**
   * A price per piece, pack or box ("599 元起/片", "$2.50 / each") is the price asked for the item;
   * only a price per measure ("/kg", "/100 ml", "per month") is a unit price beside it. Count words
   * of the common shop languages.
   */
  private static final Pattern PER_COUNT =
      Pattern.compile(
          "/\\s*(?:片|包|箱|件|個|个|組|组|盒|瓶|支|雙|双|入|份|張|张|pc|pcs|piece|pieces|pack|box|set|each|ea|pair"
              + "|cái|chiếc|hộp|bộ|đôi|gói|chai|túi|stk|stück|pièce|pieza|unidad|unid|szt)(?!\\p{L})");

  /**
   * The text of a bare amount with the currency written right beside it in a text node of its own
   * (before or after), or null when there is none.
   */
  private static String besideCurrency(Element box, String amount) {
    if (box.nextSibling() instanceof TextNode next) {
      String after = next.getWholeText().strip();
      String head = after.length() > 12 ? after.substring(0, 12) : after;
      int cut = head.indexOf(' ');
      String first = cut < 0 ? head : head.substring(0, cut);
      if (!first.isEmpty() && Currencies.findSymbol(first, null) != null && after.length() <= 40) {
        return amount + " " + head;
      }
    }
    if (box.previousSibling() instanceof TextNode prev) {
      String before = prev.getWholeText().strip();
      String tail = before.length() > 6 ? before.substring(before.length() - 6) : before;
      int cut = tail.lastIndexOf(' ');
      String last = cut < 0 ? tail : tail.substring(cut + 1);
      if (!last.isEmpty() && Currencies.findSymbol(last, null) != null) {
        return last + amount;
      }
    }
    // The symbol in an element of its own beside the amount's: <span>₫</span><span>189.000</span>
    // (a range "₫189.000 - ₫259.000" keeps the amount's box from growing over its symbol).
    String before = symbolAlone(box.previousElementSibling());
    if (before != null) {
      return before + amount;
    }
    String after = symbolAlone(box.nextElementSibling());
    return after == null ? null : amount + " " + after;
  }

  /** The text of {@code e} when it is a currency symbol and nothing else ("₫", "€", "zł"). */
  private static String symbolAlone(Element e) {
    if (e == null || MainPriceFinder.longerThan(e, 6)) {
      return null;
    }
    String t = e.text().strip();
    return !t.isEmpty()
            && t.length() <= 4
            && t.codePoints().noneMatch(Character::isDigit)
            && Currencies.findSymbol(t, null) != null
        ? t
        : null;
  }

  static boolean isPriceish(Element e) {
    if (e.hasAttr("itemprop") && e.attr("itemprop").toLowerCase(Locale.ROOT).contains("price")) {
      return true;
    }
    String c = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
    return !c.isBlank() && PRICE_CLASS.matcher(c).find();
  }

  /**
   * Struck through by its tag, style, class or an attribute: on the element holding the digits, on
   * the price box around it, or up to three levels above the box.
   */
  static boolean isStruck(Element digits, Element box, StruckClasses styles) {
    int above = -1;
    Element e = digits;
    for (int up = 0; above < 4 && up < 12 && e != null; up++, e = e.parent()) {
      if (e == box) {
        above = 0;
      } else if (above >= 0) {
        above++;
      }
      String tag = e.normalName();
      if (tag.equals("del") || tag.equals("s") || tag.equals("strike")) {
        return true;
      }
      if (e.attr("style").replace(" ", "").toLowerCase(Locale.ROOT).contains("line-through")
          || styles.strikes(e)) {
        return true;
      }
      String c = PriceLabels.withoutModifiers(e.className().toLowerCase(Locale.ROOT));
      if (!c.isBlank() && struckClass(c)) {
        return true;
      }
      for (var a : e.attributes()) {
        if (a.getKey().toLowerCase(Locale.ROOT).contains("strike")
            && !a.getValue().equalsIgnoreCase("false")) {
          return true;
        }
      }
      if (tag.equals("li") || tag.equals("article") || tag.equals("a")) {
        break;
      }
    }
    return false;
  }

  /** A class word naming the price to pay: "was-now" holds both prices, it is no old price. */
  private static final Pattern NOW_WORD =
      Pattern.compile("(?:^|[-_])(?:now|sale|sales|current|final|new|special)(?:$|[-_])");

  /** Whether one of the class names says old price without also saying the price to pay. */
  private static boolean struckClass(String classNames) {
    for (String name : classNames.split("\\s+")) {
      if (STRUCK_CLASS.matcher(name).find()
          && (!NOW_WORD.matcher(name).find()
              || name.contains("non-sale")
              || name.contains("nonsale"))) {
        return true;
      }
    }
    return false;
  }

  // "29:95": Swedish öre after a colon are part of the amount.
  private static final Pattern NUMBER_RUN =
      Pattern.compile("\\d+(?:[.,'\u00a0 ]\\d+|:\\d{2}(?!\\d))*");

  private static int numberRuns(String s) {
    int n = 0;
    for (var m = NUMBER_RUN.matcher(s); m.find(); ) {
      n++;
    }
    return n;
  }

  private static boolean hasDigit(String s) {
    for (int i = 0, n = Math.min(s.length(), 200); i < n; i++) {
      if (Character.isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
