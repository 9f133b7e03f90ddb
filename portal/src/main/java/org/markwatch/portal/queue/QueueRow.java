package org.markwatch.portal.queue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One row of the queue page and of its export. {@code violations} are strongest first; {@code
 * state} is the review state (new, in_review, confirmed, ...), {@code assignee} null when
 * unassigned.
 */
public record QueueRow(
    String listingId,
    String platform,
    String title,
    BigDecimal priceAmount,
    String priceCurrency,
    String sellerId,
    String sellerName,
    String province,
    double score,
    List<String> violations,
    List<String> brands,
    Instant observedAt,
    String state,
    String assignee,
    Instant dueAt) {
  /** Past its service-level due time (ServiceLevels) and still open. */
  public boolean overdue() {
    return dueAt != null && dueAt.isBefore(Instant.now());
  }

  public QueueRow {
    violations = List.copyOf(violations);
    brands = List.copyOf(brands);
  }
}
