package org.markwatch.crawler.extract.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the asking price in free text such as a social post ("Giá 1tr2 ship COD, ib zalo 09..."):
 * the first number written with a money unit or after a price word. Phone numbers and counts are
 * not prices, so a bare number without either is never taken.
 */
public final class TextPriceFinder {
  private static final Pattern WITH_UNIT =
      Pattern.compile(
          "(?iu)(?<![\\d\\p{L}.,])(\\d{1,3}(?:[.,\\s]\\d{3})+|\\d+(?:[.,]\\d{1,3})?)\\s*"
              + "(k|nghìn|ngàn|tr\\d{0,3}|triệu|trieu|củ|tỷ|tỉ|đ|₫|vnđ|vnd|đồng|dong|đô(?:\\s*la)?|usd|\\$|€)(?!\\p{L})");
  private static final Pattern AFTER_WORD =
      Pattern.compile(
          "(?iu)(?<!\\p{L})(giá|gia|price|chỉ|chi còn|chỉ còn|sale|giá sốc|giá bán|thanh lý|pass)(?!\\p{L})[\\s:=-]{0,4}"
              + "(\\$?\\d{1,3}(?:[.,]\\d{3})+|\\$?\\d+(?:[.,]\\d{1,3})?\\s*(?:k|tr\\d{0,3}|triệu|củ|đ|₫)?)(?!\\d)");

  private TextPriceFinder() {}

  /** The first price in {@code text}, or {@link ParsedPrice#NONE}. */
  public static ParsedPrice find(String text) {
    if (text == null || text.isBlank()) {
      return ParsedPrice.NONE;
    }
    String t = text.length() > 20_000 ? text.substring(0, 20_000) : text;
    Matcher w = AFTER_WORD.matcher(t);
    Matcher u = WITH_UNIT.matcher(t);
    int wordAt = w.find() ? w.start(2) : Integer.MAX_VALUE;
    int unitAt = u.find() ? u.start() : Integer.MAX_VALUE;
    String candidate;
    if (unitAt <= wordAt && unitAt != Integer.MAX_VALUE) {
      candidate = u.group();
    } else if (wordAt != Integer.MAX_VALUE) {
      candidate = w.group(2);
    } else {
      return ParsedPrice.NONE;
    }
    ParsedPrice p = PriceParser.parse(candidate, null, null, null);
    if (!p.hasAmount()) {
      return ParsedPrice.NONE;
    }
    if (p.currencyIso() == null && p.currencySymbol() == null) {
      // A bare number after "giá" on a Vietnamese page: dong, with "." grouping thousands.
      String digits = candidate.strip();
      if (digits.matches("\\d{1,3}([.,]\\d{3})+")) {
        return new ParsedPrice(
            new java.math.BigDecimal(digits.replaceAll("[.,]", "")), null, "VND");
      }
      return new ParsedPrice(p.amount(), null, null);
    }
    return p;
  }
}
