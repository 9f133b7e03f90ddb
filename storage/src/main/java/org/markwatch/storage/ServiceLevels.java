package org.markwatch.storage;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * The review service levels: how long a listing may stay in a review state before it is overdue.
 * {@code reviews.due_at} is set when a listing enters a state (the listing store when it queues a
 * flagged listing, the review store on every transition), so the queue can show and filter what is
 * overdue with an index. The clock starts at the entry time: the observation time for a new listing
 * (so a replay writes the same row), the moment of the transition otherwise.
 *
 * <table>
 *   <tr><th>state</th><th>due after</th><th>what must happen by then</th></tr>
 *   <tr><td>new, score &ge; 0.9 (high priority)</td><td>8 h</td><td>someone starts the review</td></tr>
 *   <tr><td>new, other</td><td>48 h</td><td>someone starts the review</td></tr>
 *   <tr><td>in_review</td><td>72 h</td><td>a decision</td></tr>
 *   <tr><td>escalated</td><td>120 h</td><td>a supervisor confirms or dismisses</td></tr>
 *   <tr><td>confirmed</td><td>168 h</td><td>an action (takedown, referral, fine) is recorded</td></tr>
 *   <tr><td>dismissed, actioned</td><td>none</td><td>closed</td></tr>
 * </table>
 */
public final class ServiceLevels {
  /** A new listing scoring at least this is high priority. */
  public static final double HIGH_PRIORITY_SCORE = 0.9;

  /** The states whose clock runs (the others are closed). */
  public static final java.util.List<String> TIMED_STATES =
      java.util.List.of("new", "in_review", "escalated", "confirmed");

  private static final Map<String, Duration> ALLOWED =
      Map.of(
          "in_review", Duration.ofHours(72),
          "escalated", Duration.ofHours(120),
          "confirmed", Duration.ofHours(168));

  private ServiceLevels() {}

  /** How long a listing may stay in {@code state} (a review state's SQL name); empty if closed. */
  public static Optional<Duration> allowed(String state, Double score) {
    if ("new".equals(state)) {
      return Optional.of(Duration.ofHours(score != null && score >= HIGH_PRIORITY_SCORE ? 8 : 48));
    }
    return Optional.ofNullable(ALLOWED.get(state));
  }

  /** When a listing that entered {@code state} at {@code entered} is due; null if never. */
  public static OffsetDateTime dueAt(String state, Double score, OffsetDateTime entered) {
    return allowed(state, score).map(entered::plus).orElse(null);
  }
}
