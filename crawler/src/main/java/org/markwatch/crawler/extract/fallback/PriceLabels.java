package org.markwatch.crawler.extract.fallback;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.markwatch.crawler.extract.text.Currencies;

/**
 * The words written around a price that say it is not the one to pay: "Was: $249.99", "Statt: 17,95
 * €", "当店通常価格 5,500円", or a screen-reader label after it. Used by the product page's main price
 * ({@link MainPriceFinder}) and by product cards.
 */
public final class PriceLabels {
  /**
   * The words that introduce a price that is not the one to pay, written before it ("Was: $109.95",
   * "UVP 39,99 €", "Giá gốc: 1.490.000₫") or, for screen readers, after it ("$38.00 Regular
   * Price"). Matched against the lower-cased label.
   */
  private static final Pattern WAS_LABEL =
      Pattern.compile(
          "^(?:was|before|previously|list price|regular price|original price|retail price|"
              + "compare at|msrp|rrp|srp|mrp|uvp|statt|vorher|bisher|ursprünglich|"
              + "prix barré|prix initial|prix de référence|au lieu de|precio anterior|antes|"
              + "prezzo di listino|invece di|cena regularna|cena katalogowa|původně|před slevou|"
              + "pôvodne|giá gốc|giá cũ|giá niêm yết|giá thị trường|"
              + "price reduced from|reduced from|recommended retail price|"
              + "prezzo consigliato|prezzo pieno|prezzo originale|precio recomendado|pvp recomendado|"
              + "precio original|prix conseillé|prix public conseillé|prix d'origine|preço original|"
              + "preço recomendado|listenpreis|streichpreis|alter preis|empfohlener verkaufspreis|"
              + "ord\\.? pris|ordinarie pris|normalpris|vejledende pris|veiledende pris|suositushinta|"
              + "doporučená cena|odporúčaná cena|ajánlott ár|eski fiyat|piyasa fiyatı|harga normal|"
              + "harga asli|정가|소비자가|ราคาปกติ|ราคาเต็ม|adviesprijs)\\s*:?$"
              // Chinese and Japanese write no space between words ("当店通常価格"): anywhere.
              + "|原价|原價|定价|市场价|市場價|通常価格|参考価格|メーカー希望小売価格");

  /**
   * A saving, voucher or coupon written as money ("Giảm ₫10k", "Save $20", "10 € Rabatt"): an
   * amount off, not a price. Matched against the lower-cased text.
   */
  private static final Pattern DISCOUNT =
      Pattern.compile(
          "(?<!\\p{L})(?:giảm|tiết kiệm|off|save|you save|spare|sparen|rabatt|sleva|ušetříte|"
              + "desconto|descuento|ahorra|économisez|risparmi|oszczędzasz|zniżka|voucher|coupon|"
              + "cashback|kupon|gutschein|points?|punkte|pkt|điểm|ประหยัด|ส่วนลด|hemat|potongan)(?!\\p{L})"
              // Loyalty points ("39ポイント還元") are no money either.
              + "|ポイント|積分");

  /**
   * Words before a price of another offer of the same product: open-box, used, refurbished, other
   * sellers ("Open-Box: from $450.99", "Occasion dès 98€00"). Matched against the leading words.
   */
  private static final Pattern OTHER_OFFER =
      Pattern.compile(
          "open-?box|used|refurbished|renewed|pre-?owned|second-?hand|occasion|reconditionné|"
              + "gebraucht|generalüberholt|usado|reacondicionado|usato|ricondizionato|"
              + "other sellers|autres vendeurs|andere anbieter|otros vendedores|hàng cũ|đã qua sử dụng|"
              + "other offers|more offers|weitere angebote|autres offres|otras ofertas|altre offerte");

  /**
   * The words of class names that mark a former price ("old-price", "price--was", "orgnl"), common
   * to product cards and product pages; each adds the words its context makes safe ("list" is a
   * product list in a grid, a list price beside a product page's title).
   */
  public static final String OLD_PRICE_CLASS_WORDS =
      // "old" starts a word ("old-price", "price--old", "oldPrice"), follows "price" ("priceOld")
      // or comes before it ("productOldPrice"): "font-semibold", "golden", "placeholder" say
      // nothing of a price.
      "(?<![a-z])old|priceold|old(?=[-_]?price)|was|before|orig|orgnl|(?<![a-z])org(?![a-z])|strike|non-?sale|crossed|through|compare|msrp|rrp|deleted";

  /** A discount shown as a percentage off inside a text: "-13 %", "–20%", "−5,5 %". */
  private static final Pattern DISCOUNT_IN_TEXT =
      Pattern.compile("[-–−][\\s\u00a0]?(\\d{1,2}(?:[.,]\\d)?)[\\s\u00a0]?%");

  /** A discount badge alone in its element: "-25%", "−13 %", "18% off". */
  private static final Pattern DISCOUNT_BADGE =
      Pattern.compile(
          "(?i)\\s*(?:[-–−]\\s?(?=\\d)|(?=\\d{1,2}(?:[.,]\\d)?\\s?%\\s*off)"
              // A percent alone in its element ("31%" on a badge): a badge only when two prices
              // beside it differ by it (MainPriceFinder's pair check).
              + "|(?=\\d{1,2}(?:[.,]\\d)?\\s?%\\s*$))"
              + "(\\d{1,2}(?:[.,]\\d)?)\\s?%\\s*(?:off)?\\s*");

  /** How far a badge's percentage may be from the two prices' (badges round to whole points). */
  private static final double BADGE_ROUNDING = 1.5;

  private PriceLabels() {}

  /** The percentage of the first "-13 %" in {@code text}; empty when none. */
  public static OptionalDouble discountIn(String text) {
    Matcher m = DISCOUNT_IN_TEXT.matcher(text);
    return m.find() ? OptionalDouble.of(percent(m.group(1))) : OptionalDouble.empty();
  }

  /** The percentage when {@code text} is a discount badge and nothing else; empty otherwise. */
  public static OptionalDouble discountBadge(String text) {
    Matcher m = DISCOUNT_BADGE.matcher(text);
    return m.matches() ? OptionalDouble.of(percent(m.group(1))) : OptionalDouble.empty();
  }

  /** Whether {@code lo} is {@code hi} less {@code percent}, to a badge's rounding. */
  public static boolean isDiscounted(BigDecimal hi, BigDecimal lo, double percent) {
    double h = hi.doubleValue();
    double l = lo.doubleValue();
    return h > l && Math.abs((h - l) / h * 100 - percent) <= BADGE_ROUNDING;
  }

  private static double percent(String digits) {
    return Double.parseDouble(digits.replace(',', '.'));
  }

  /**
   * Words right before an amount that make it a threshold of an order, not a price: "Free gift on
   * orders above ₹999", "free delivery over £40", "đơn từ 300.000đ", "ab einem Bestellwert von 50
   * €". Only words that never start a "from" price ("ab 19,99 €", "từ 99k" alone are prices) are
   * here. Matched against the end of the leading words.
   */
  private static final Pattern THRESHOLD =
      Pattern.compile(
          "(?<!\\p{L})(?:above|over|orders?\\s+(?:of|from)|spend|minimum(?:\\s+order)?|"
              + "đơn(?:\\s+hàng)?\\s+(?:từ|trên)|hóa\\s+đơn\\s+(?:từ|trên)|trên|"
              + "bestellwert(?:\\s+von)?|über|oltre|superiori\\s+a|powyżej|przy\\s+zamówieniu\\s+od|"
              + "pedidos?\\s+(?:de|desde|acima\\s+de)|compras?\\s+(?:de|desde|acima\\s+de)|"
              + "vanaf\\s+een\\s+bestelbedrag\\s+van)$");

  /** Whether {@code text} (a short price text) is the threshold of an order ("orders over $35"). */
  public static boolean saysThreshold(String text) {
    return namesThreshold(leadingWords(text));
  }

  /** Whether the words before an amount ({@link #leadingWords}) make it an order's threshold. */
  static boolean namesThreshold(String leading) {
    return !leading.isEmpty() && THRESHOLD.matcher(leading).find();
  }

  /** Whether {@code text} (a short price text) is the price of another offer (used, open-box). */
  public static boolean saysOtherOffer(String text) {
    return namesOtherOffer(leadingWords(text));
  }

  /** Whether the words before an amount ({@link #leadingWords}) name another offer. */
  static boolean namesOtherOffer(String leading) {
    return !leading.isEmpty() && OTHER_OFFER.matcher(leading).find();
  }

  private static final Pattern MODIFIER = Pattern.compile("(?:^|\\s)(?:with|has)-\\S*");

  /**
   * Class names without their state modifiers: "product-price with-list-price" and "has-discount"
   * say that the price has a list price beside it, not that it is one.
   */
  public static String withoutModifiers(String classNames) {
    return classNames.indexOf('-') < 0 ? classNames : MODIFIER.matcher(classNames).replaceAll(" ");
  }

  /** Whether {@code text} (a short price text) is an amount off rather than a price. */
  public static boolean saysDiscount(String text) {
    return DISCOUNT.matcher(text.toLowerCase(Locale.ROOT)).find();
  }

  /**
   * Whether the price element {@code e}, showing {@code text}, is labelled as a former or list
   * price: by the short text right before it, a screen-reader label right after it, or the words
   * before its amount.
   */
  public static boolean saysWas(Element e, String text) {
    return WAS_LABEL.matcher(labelBefore(e)).find()
        || WAS_LABEL.matcher(hiddenLabelAfter(e)).find()
        // The label for screen readers on the price itself: aria-label="Giá gốc".
        || e.hasAttr("aria-label")
            && WAS_LABEL.matcher(e.attr("aria-label").toLowerCase(Locale.ROOT)).find()
        || WAS_LABEL.matcher(leadingWords(text)).find();
  }

  /**
   * Words that make an amount a price before tax ("329,75 € HTVA", "Nettó ár:", "ohne MwSt.",
   * "excl. VAT"): shops that sell to businesses print it beside the price everybody pays.
   */
  private static final Pattern BEFORE_TAX =
      Pattern.compile(
          // Matched against lower-cased text: no case-insensitive Unicode matching (it is slow).
          "(?<!\\p{L})(?:htva|ht|hors tva|hors taxes?|excl\\.?(?:\\s*(?:btw|vat|tax|gst|mwst|tva|iva))?|"
              + "exkl\\.?(?:\\s*(?:mwst|moms|mva)\\.?)?|ekskl\\.?(?:\\s*mva)?|ohne mwst|zzgl\\.? mwst|netto(?:preis)?|"
              + "nettó(?: ár)?|net price|before tax|pre-tax|ex\\.? ?(?:vat|gst|moms|tax)|bez dph|bez vat|bez pdv|"
              + "sin iva|senza iva|sem iva|без ндс|без пдв|قبل الضريبة|税抜|税別|不含税|未税|세전|부가세 별도|"
              // Vietnamese, Thai, Indonesian, Turkish, Romanian, Greek, Hebrew.
              + "chưa (?:bao gồm |gồm )?(?:vat|thuế)|trước thuế|ไม่รวมภาษี|ก่อนภาษี|belum termasuk ppn|"
              + "sebelum pajak|kdv hariç|fără tva|χωρίς φπα|ללא מע\"מ|לפני מע\"מ)(?!\\p{L})");

  /**
   * Whether the price element {@code e}, showing {@code text}, is labelled as a price before tax:
   * by the words before its amount or after it, or the short texts beside it.
   */
  public static boolean saysBeforeTax(Element e, String text) {
    String lower = text.replace('\u00a0', ' ').toLowerCase(Locale.ROOT);
    return BEFORE_TAX.matcher(lower).find()
        || BEFORE_TAX.matcher(labelBefore(e)).find()
        || BEFORE_TAX.matcher(labelAfter(e)).find();
  }

  /** The short text right before {@code e} ("Was:", "Now:"), lower-cased; "" when none. */
  static String labelBefore(Element e) {
    Element x = e;
    for (int depth = 0; depth < 3 && x != null; depth++) {
      Node prev = x.previousSibling();
      while (prev instanceof TextNode t && t.isBlank()) {
        prev = prev.previousSibling();
      }
      if (prev instanceof Element label && isScreenReaderOnly(label) && follows(label)) {
        // "<span>$38.00</span><span class=sr-only>Regular Price</span><span>$30.40</span>": the
        // hidden label after the previous price is that price's.
        return "";
      }
      if (prev != null) {
        String t =
            prev instanceof TextNode tn ? tn.text() : prev instanceof Element pe ? pe.text() : "";
        t = t.replace('\u00a0', ' ').strip();
        // A text with a number is another price ("通常価格 4,800円" before "3,980円"), no label.
        boolean number = t.chars().anyMatch(Character::isDigit);
        return t.length() > 40 || number ? "" : t.toLowerCase(Locale.ROOT);
      }
      x = x.parent();
    }
    return "";
  }

  /** The text of a screen-reader-only element right after {@code e}, lower-cased; "" when none. */
  static String hiddenLabelAfter(Element e) {
    Element next = e.nextElementSibling();
    if (next == null || !isScreenReaderOnly(next)) {
      return "";
    }
    String t = next.text().strip();
    return t.length() > 40 ? "" : t.toLowerCase(Locale.ROOT);
  }

  /**
   * Words that make an amount a price for members or card holders only ("c Ozon Картой", "Giá
   * Smember", "Precio con tarjeta"): the page's price is the one everybody pays.
   */
  private static final Pattern MEMBER_PRICE =
      Pattern.compile(
          "(?iu)(?<!\\p{L})(?:member(?:s|'s|s')? (?:price|deal|only)|for members|members only|card price|"
              + "price with (?:\\p{L}+ )?card|with (?:\\p{L}+ )?card|club price|loyalty price|"
              + "[cс] (?:\\p{L}+ )?картой|цена по карте|цена для участников|giá thành viên|smember|s-member|giá vip|"
              + "precio (?:con )?tarjeta|con tarjeta|mit (?:\\p{L}+)?karte|avec la carte|com cartão|"
              + "met (?:\\p{L}+ )?kaart|family[- ]?(?:pris|price|preis|prijs)|medlemspris|jäsenhinta|"
              + "회원가|멤버십|와우할인가|会員価格|会员价|ราคาสมาชิก)(?!\\p{L})");

  /** Whether the words around {@code e}'s amount say it is for members or card holders only. */
  public static boolean saysMemberPrice(Element e, String text) {
    return MEMBER_PRICE.matcher(labelBefore(e)).find()
        || MEMBER_PRICE.matcher(leadingWords(text)).find()
        || MEMBER_PRICE.matcher(labelAfter(e)).find();
  }

  /**
   * The short text right after {@code e}, or after its box when {@code e} ends it (up to two
   * levels), lower-cased; "" when none or when it holds a number (another price).
   */
  static String labelAfter(Element e) {
    Element x = e;
    for (int depth = 0; depth < 3 && x != null; depth++) {
      Node next = x.nextSibling();
      while (next instanceof TextNode t && t.isBlank()) {
        next = next.nextSibling();
      }
      if (next != null) {
        String t =
            next instanceof TextNode tn ? tn.text() : next instanceof Element ne ? ne.text() : "";
        t = t.replace('\u00a0', ' ').strip();
        return t.length() > 40 || t.chars().anyMatch(Character::isDigit)
            ? ""
            : t.toLowerCase(Locale.ROOT);
      }
      x = x.parent();
    }
    return "";
  }

  private static final Pattern SCREEN_READER_ONLY =
      Pattern.compile("sr-only|visually-?hidden|screen-?reader|(?:^|[\\s_-])sr-");

  /** An element shown to screen readers only, by its class or component name ("sr-..."). */
  public static boolean isScreenReaderOnly(Element e) {
    if (e.attributesSize() == 0) {
      return false;
    }
    // Runs on every element of a list page: the class first, then component names, without
    // building the element's whole name string.
    String c = e.className();
    if (!c.isEmpty() && SCREEN_READER_ONLY.matcher(c.toLowerCase(Locale.ROOT)).find()) {
      return true;
    }
    String hook = e.attr("data-hook");
    return !hook.isEmpty() && SCREEN_READER_ONLY.matcher(hook.toLowerCase(Locale.ROOT)).find();
  }

  /** The words before the first digit of a price text ("Statt: 17,95 €" gives "statt:"). */
  static String leadingWords(String text) {
    int i = 0;
    while (i < text.length() && !Character.isDigit(text.charAt(i))) {
      i++;
    }
    String head = text.substring(0, i).replace('\u00a0', ' ').strip().toLowerCase(Locale.ROOT);
    // Without the currency written before the amount ("statt: €" and "statt CHF" are "statt").
    // Thai and Indic words end in combining vowel signs (\p{M}): part of the word.
    head = head.replaceAll("\\s*[^\\p{L}\\p{M}:]+$", "").strip();
    int space = head.lastIndexOf(' ');
    if (space > 0 && Currencies.isIsoCode(head.substring(space + 1).toUpperCase(Locale.ROOT))) {
      head = head.substring(0, space).strip();
    }
    return head;
  }

  /** Whether the element before {@code label} shows a number (a price it labels). */
  private static boolean follows(Element label) {
    Element before = label.previousElementSibling();
    return before != null && before.text().chars().anyMatch(Character::isDigit);
  }
}
