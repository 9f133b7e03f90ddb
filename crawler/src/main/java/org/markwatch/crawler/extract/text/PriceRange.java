package org.markwatch.crawler.extract.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A range of prices written as one text ("₫199.000 - ₫259.000", "$10.99–$24.99", "1.290 – 1.590
 * zł"): the variants of one product cost from the low end to the high end, and a buyer who picks
 * none is shown the low end first.
 */
public final class PriceRange {
  /**
   * Two amounts, each with at most a short currency before or after it, joined by a dash or tilde.
   * A dash written as the cents ("1.099,–") is no range: its side after the dash has no digit.
   */
  private static final Pattern RANGE =
      Pattern.compile(
          "^\\s*(\\D{0,5}?\\d[\\d.,'\\s\u00a0]*?\\d\\D{0,5}?)\\s*[-–—~]\\s*(\\D{0,5}?\\d[\\d.,'\\s\u00a0]*\\D{0,5})\\s*$");

  private PriceRange() {}

  /** The low end of a range written in {@code text}, as its own text; null when no range. */
  public static String lowEnd(String text) {
    if (text == null || text.length() > 60) {
      return null;
    }
    Matcher m = RANGE.matcher(text);
    if (!m.matches()) {
      return null;
    }
    String low = m.group(1).strip();
    String high = m.group(2).strip();
    if (low.endsWith(",") || low.endsWith(".") || high.contains("%") || low.contains("%")) {
      return null;
    }
    ParsedPrice lo = PriceParser.parse(low, null, null, null);
    ParsedPrice hi = PriceParser.parse(high, null, null, null);
    if (!lo.hasAmount() || !hi.hasAmount() || lo.amount().compareTo(hi.amount()) >= 0) {
      return null;
    }
    // The currency may be written once, after the high end: "1.290 – 1.590 zł".
    if (Currencies.findSymbol(low, null) == null) {
      String symbol = Currencies.findSymbol(high, null);
      if (symbol == null) {
        return null;
      }
      return high.strip().startsWith(symbol.strip())
          ? symbol.strip() + low
          : low + " " + symbol.strip();
    }
    return low;
  }
}
