package org.markwatch.crawler.extract.text;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a price from a short string as shown on a page ("1.800.000₫", "€1'049,95", "450k", "1tr2",
 * "1,2 triệu", "35 đô"). The decimal separator is guessed from the digits after the last separator:
 * one, two or four and more digits make it decimal, three make it a thousands separator.
 * Thread-safe, no state.
 */
public final class PriceParser {
  /** Inputs longer than this are cut: a price string is short, anything longer is page text. */
  public static final int MAX_INPUT_CHARS = 2_000;

  private static final Pattern EURO_DECIMAL =
      Pattern.compile("[\\d\\s.,]*?\\d\\s*?€\\s*?\\d\\d(?:$|[^\\d])");
  private static final Pattern NUMBER =
      Pattern.compile("((?<!\\d)\\.?\\d[\\d\\s.,'’]*)\\s*?(?:[^%\\d]|$)");
  private static final Pattern DECIMAL_SEP =
      Pattern.compile("\\d([.,'€])(?:\\d{1,2}?|\\d{4}\\d*?)$");
  // Vietnamese shorthand: 450k, 1tr2, 1,2 triệu, 2 củ, 1 tỷ 5, 120 nghìn.
  private static final Pattern VN_SHORTHAND =
      Pattern.compile(
          "(?<![\\d.,])(\\d{1,3}(?:[.,]\\d{1,3})?)\\s*(k|K|nghìn|ngàn|tr|Tr|TR|triệu|trieu|củ|tỷ|tỉ|ty)"
              + "(?:\\s*(\\d{1,3}))?(?!\\p{L})");
  private static final Pattern VN_DOLLAR =
      Pattern.compile(
          "(?<![\\d.,])(\\d[\\d.,]*)\\s*(đô(?:\\s*la)?|đô-la)(?!\\p{L})",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern VN_DONG =
      Pattern.compile("\\d\\s*(đ|Đ|₫|VNĐ|VND|vnđ|vnd|đồng)(?!\\p{L})");

  private PriceParser() {}

  /** Parses with no currency hint and a guessed decimal separator. */
  public static ParsedPrice parse(String price) {
    return parse(price, null, null, null);
  }

  /**
   * Parses {@code price}; {@code currencyHint} is text near it that may carry the currency (a
   * separate element, a meta value), {@code decimalSeparator} forces "." or "," when known, and
   * {@code country} (ISO 3166 alpha-2) disambiguates "$" and "kr". Any argument may be null.
   */
  public static ParsedPrice parse(
      String price, String currencyHint, String decimalSeparator, String country) {
    if (price == null) {
      return ParsedPrice.NONE;
    }
    String text = normalise(price);
    String hint = currencyHint == null ? null : normalise(currencyHint);
    ParsedPrice vn = vietnamese(text);
    if (vn != null) {
      return vn;
    }
    String symbol = Currencies.findSymbol(text, hint);
    BigDecimal amount = parseNumber(amountText(text), decimalSeparator);
    String iso = Currencies.toIso(symbol, country);
    if (iso == null
        && hint != null
        && Currencies.isIsoCode(hint.strip().toUpperCase(Locale.ROOT))) {
      iso = hint.strip().toUpperCase(Locale.ROOT);
    }
    return new ParsedPrice(amount, symbol == null ? null : symbol.strip(), iso);
  }

  /**
   * Swedish and Norwegian shops write the öre after a colon ("29:95") and none as ":-" ("2 995:-").
   */
  private static final Pattern COLON_CENTS =
      Pattern.compile("(?<!:\\d{0,2})(\\d):(\\d{2})(?![\\d:])");

  private static final Pattern COLON_DASH = Pattern.compile("(\\d)\\s?:[-–]");

  private static String normalise(String s) {
    String cut = s.length() > MAX_INPUT_CHARS ? s.substring(0, MAX_INPUT_CHARS) : s;
    if (cut.indexOf(':') >= 0) {
      cut = COLON_DASH.matcher(COLON_CENTS.matcher(cut).replaceAll("$1,$2")).replaceAll("$1");
    }
    return cut.replace('\u00a0', ' ')
        .replace('\u202f', ' ')
        .replace('\u2009', ' ')
        .replaceAll("\\s+", " ");
  }

  /** Vietnamese forms that the general reader would misread, or null when none applies. */
  private static ParsedPrice vietnamese(String text) {
    Matcher m = VN_SHORTHAND.matcher(text);
    if (m.find()) {
      BigDecimal head = new BigDecimal(m.group(1).replace(',', '.'));
      String unit = m.group(2).toLowerCase(Locale.ROOT);
      long scale =
          switch (unit) {
            case "k", "nghìn", "ngàn", "ng" -> 1_000L;
            case "tỷ", "tỉ", "ty" -> 1_000_000_000L;
            default -> 1_000_000L;
          };
      BigDecimal amount = head.multiply(BigDecimal.valueOf(scale));
      if (m.group(3) != null && head.scale() <= 0) {
        // "1tr2" = 1.2 million, "1tr25" = 1.25 million: the tail is the next digits of the amount.
        String tail = m.group(3);
        amount = amount.add(new BigDecimal("0." + tail).multiply(BigDecimal.valueOf(scale)));
      }
      return new ParsedPrice(
          amount
              .stripTrailingZeros()
              .max(BigDecimal.ZERO)
              .setScale(0, java.math.RoundingMode.HALF_UP),
          m.group(2),
          "VND");
    }
    Matcher d = VN_DOLLAR.matcher(text);
    if (d.find()) {
      return new ParsedPrice(parseNumber(d.group(1), null), d.group(2), "USD");
    }
    Matcher dong = VN_DONG.matcher(text);
    if (dong.find()) {
      String before = text.substring(0, dong.end(1));
      BigDecimal amount = parseVnd(amountText(before));
      return new ParsedPrice(amount, dong.group(1), "VND");
    }
    return null;
  }

  /** In dong amounts a "." or "," followed by three digits always groups thousands. */
  private static BigDecimal parseVnd(String amountText) {
    if (amountText == null) {
      return null;
    }
    String s = amountText.replaceAll("[\\s'’]", "");
    if (s.matches("\\d{1,3}([.,]\\d{3})+")) {
      return new BigDecimal(s.replaceAll("[.,]", ""));
    }
    return parseNumber(amountText, null);
  }

  /** The first number-looking part of the text, or "0" for "free", or null. */
  static String amountText(String text) {
    if (text.indexOf('€') == text.lastIndexOf('€') && text.indexOf('€') >= 0) {
      Matcher m = EURO_DECIMAL.matcher(text);
      if (m.find()) {
        return m.group().replace(" ", "");
      }
    }
    Matcher m = NUMBER.matcher(text);
    if (m.find()) {
      String t = strip(m.group(1));
      // ".75" is a decimal, but in "..750.30" the leading dots are noise.
      return t.indexOf('.') == t.lastIndexOf('.') ? t : t.replaceFirst("^[.,]+", "");
    }
    if (text.toLowerCase(Locale.ROOT).contains("free")) {
      return "0";
    }
    return null;
  }

  private static String strip(String s) {
    int start = 0;
    int end = s.length();
    while (end > start && ",.'’ ".indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.substring(start, end).strip();
  }

  /**
   * Parses a number text, guessing the decimal separator unless one is given. Null when unreadable.
   */
  static BigDecimal parseNumber(String num, String decimalSeparator) {
    if (num == null || num.isBlank()) {
      return null;
    }
    String s = num.strip().replace(" ", "").replace('’', '\'');
    if (s.startsWith(".") || s.startsWith(",")) {
      s = "0" + s;
    }
    String sep = decimalSeparator;
    if (sep == null || sep.isEmpty()) {
      Matcher m = DECIMAL_SEP.matcher(s);
      sep = m.find() ? m.group(1) : null;
    }
    if (sep == null) {
      s = s.replace(".", "").replace(",", "").replace("'", "");
    } else if (sep.equals(".")) {
      s = s.replace(",", "").replace("'", "");
    } else if (sep.equals(",")) {
      s = s.replace(".", "").replace("'", "").replace(',', '.');
    } else if (sep.equals("'")) {
      s = s.replace(".", "").replace(",", "").replace('\'', '.');
    } else {
      s = s.replace(".", "").replace(",", "").replace("'", "").replace('€', '.');
    }
    if (s.isEmpty() || s.length() > 40) {
      return null;
    }
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
