package org.markwatch.storage.review;

import java.util.List;
import java.util.Objects;

/**
 * A decision an analyst takes on a listing.
 *
 * @param to confirmed, dismissed, escalated or actioned
 * @param reasonCode a code of {@link ReasonCodes} whose outcome is {@code to}
 * @param evidenceRefs what the decision rests on: sha256:... of a page or screenshot, URLs
 * @param expectedVersion the review's rowVersion the analyst saw, or null not to check
 */
public record DecisionRequest(
    String listingId,
    ReviewState to,
    String reasonCode,
    String note,
    List<String> evidenceRefs,
    Long expectedVersion) {
  public static final int MAX_NOTE = 4000;

  public DecisionRequest {
    Objects.requireNonNull(listingId, "listingId");
    Objects.requireNonNull(to, "to");
    if (!to.isDecision()) {
      throw new IllegalArgumentException(
          "a decision leads to confirmed, dismissed, escalated or actioned, not " + to.sql());
    }
    if (reasonCode == null || reasonCode.isBlank()) {
      throw new IllegalArgumentException("a decision needs a reason code");
    }
    note = note == null || note.isBlank() ? null : note.strip();
    if (note != null && note.length() > MAX_NOTE) {
      throw new IllegalArgumentException(
          "note: " + note.length() + " characters, at most " + MAX_NOTE);
    }
    evidenceRefs = evidenceRefs == null ? List.of() : List.copyOf(evidenceRefs);
    for (String ref : evidenceRefs) {
      if (ref.contains("\n")) {
        throw new IllegalArgumentException(
            "an evidence reference is one line: " + ref.lines().findFirst().orElse(""));
      }
    }
  }

  public static DecisionRequest of(
      String listingId, ReviewState to, String reasonCode, String note) {
    return new DecisionRequest(listingId, to, reasonCode, note, List.of(), null);
  }
}
