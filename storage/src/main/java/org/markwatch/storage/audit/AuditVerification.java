package org.markwatch.storage.audit;

import java.util.Optional;

/**
 * What {@link AuditVerifier} found: how many rows it checked and the first problem, if any.
 *
 * @param rows rows read
 * @param firstBadSeq the seq of the first row that was edited, deleted (the gap's first seq) or
 *     reordered; null when the chain is intact
 * @param problem what is wrong there, in words
 */
public record AuditVerification(long rows, Long firstBadSeq, String problem) {
  public boolean intact() {
    return firstBadSeq == null;
  }

  public Optional<String> describe() {
    return intact() ? Optional.empty() : Optional.of("audit row " + firstBadSeq + ": " + problem);
  }
}
