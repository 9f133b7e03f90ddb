package org.markwatch.storage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One listing as stored, with its latest verdict: the portal's detail view. The verdict fields
 * ({@code score}, {@code flagged}, {@code rulesetVersion}, {@code scoredJson}) are null when the
 * listing has not been scored.
 *
 * @param listingJson the whole {@code markwatch.listing/1} record
 * @param scoredJson the whole {@code markwatch.scored/1} record (signals and evidence)
 */
public record StoredListing(
    String id,
    String platform,
    String kind,
    String url,
    String title,
    BigDecimal priceAmount,
    String priceCurrency,
    String sellerId,
    String sellerName,
    Instant observedAt,
    String listingJson,
    Double score,
    Boolean flagged,
    List<String> violations,
    String rulesetVersion,
    String scoredJson) {
  public StoredListing {
    violations = List.copyOf(violations);
  }
}
