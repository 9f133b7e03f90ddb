package org.markwatch.detectors.rules;

import java.util.List;
import java.util.Map;
import org.markwatch.model.Violation;

/**
 * The compiled rules and the flag threshold of each violation type: a listing is flagged for a
 * violation when the noisy-OR of its signals' weights for that violation reaches the threshold.
 */
public record Ruleset(
    List<Rule> rules, Map<Violation, Double> thresholds, double defaultThreshold) {
  /** Default flag threshold when no file sets one. */
  public static final double DEFAULT_THRESHOLD = 0.5;

  public double threshold(Violation v) {
    return thresholds.getOrDefault(v, defaultThreshold);
  }
}
