package org.markwatch.storage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One row of the flagged-listing queue. {@code violations} are strongest first. */
public record QueueItem(
    String listingId,
    String platform,
    String title,
    String url,
    BigDecimal priceAmount,
    String priceCurrency,
    String sellerId,
    String sellerName,
    double score,
    String topViolation,
    List<String> violations,
    List<String> brands,
    Instant observedAt) {
  public QueueItem {
    violations = List.copyOf(violations);
    brands = List.copyOf(brands);
  }
}
