package org.markwatch.storage.feed;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A listing as the agencies' API gives it: where it is, who sells it, its current verdict. */
public record ListingSummary(
    String id,
    String platform,
    String url,
    String title,
    BigDecimal priceAmount,
    String priceCurrency,
    String sellerId,
    String sellerName,
    String provinceCode,
    Instant observedAt,
    Double score,
    Boolean flagged,
    List<String> violations,
    String reviewState) {
  public ListingSummary {
    violations = violations == null ? List.of() : List.copyOf(violations);
  }
}
