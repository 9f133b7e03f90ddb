package org.markwatch.storage.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One row of the review queue: the listing, its current verdict and its review. */
public record ReviewItem(
    String listingId,
    String platform,
    String title,
    String url,
    BigDecimal priceAmount,
    String priceCurrency,
    String sellerId,
    String sellerName,
    String sellerProvinceCode,
    double score,
    boolean flagged,
    String topViolation,
    List<String> violations,
    String rulesetVersion,
    Instant observedAt,
    ReviewState state,
    String assignee,
    Instant queuedAt,
    Instant dueAt,
    long rowVersion) {
  public ReviewItem {
    violations = List.copyOf(violations);
  }
}
