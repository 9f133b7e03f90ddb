package org.markwatch.detectors.scoring;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.markwatch.detectors.rules.Ruleset;
import org.markwatch.model.Signal;
import org.markwatch.model.Violation;

/**
 * Combines signals by noisy-OR: each signal is an independent chance {@code weight} that the
 * listing is a violation, so P(violation v) = 1 - prod(1 - w) over v's signals, and the overall
 * score is the same over all signals. A violation is reported when its P reaches the ruleset's
 * threshold for it; the listing is flagged when any violation is reported.
 */
public final class NoisyOrScorer {
  private NoisyOrScorer() {}

  /** The verdict parts for a list of signals. */
  public record Result(double score, boolean flagged, List<String> violations) {}

  public static Result combine(List<Signal> signals, Ruleset ruleset) {
    Map<Violation, Double> miss = new EnumMap<>(Violation.class);
    double allMiss = 1.0;
    for (Signal s : signals) {
      if (s.weight() <= 0) {
        continue; // a word dropped for its sense: reported, never counted
      }
      Violation v = Violation.fromId(s.violation()).orElseThrow();
      miss.merge(v, 1.0 - s.weight(), (a, b) -> a * b);
      allMiss *= 1.0 - s.weight();
    }
    List<String> violations = new ArrayList<>();
    for (var e : miss.entrySet()) {
      if (1.0 - e.getValue() >= ruleset.threshold(e.getKey()) - 1e-9) {
        violations.add(e.getKey().id());
      }
    }
    double score = Math.round((1.0 - allMiss) * 10_000) / 10_000.0;
    return new Result(score, !violations.isEmpty(), violations);
  }
}
