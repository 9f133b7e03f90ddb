package org.markwatch.crawler.extract.text;

import java.math.BigDecimal;

/**
 * A price read from text: the amount (null when none was found), the currency as written (null when
 * none) and its ISO 4217 code (null when unknown).
 */
public record ParsedPrice(BigDecimal amount, String currencySymbol, String currencyIso) {
  public static final ParsedPrice NONE = new ParsedPrice(null, null, null);

  public boolean hasAmount() {
    return amount != null;
  }
}
