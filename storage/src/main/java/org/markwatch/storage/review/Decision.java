package org.markwatch.storage.review;

import java.time.Instant;
import java.util.List;

/**
 * A decision as recorded.
 *
 * @param decisionKey natural key, stable across agencies (export/import)
 * @param rulesetVersion and {@code score}: the verdict the decision was taken on
 * @param origin {@code local}, or the agency it was imported from
 */
public record Decision(
    long id,
    String decisionKey,
    String listingId,
    ReviewState from,
    ReviewState to,
    String reasonCode,
    String note,
    List<String> evidenceRefs,
    String decidedBy,
    Instant decidedAt,
    String rulesetVersion,
    Double score,
    String origin) {
  public Decision {
    evidenceRefs = List.copyOf(evidenceRefs);
  }
}
