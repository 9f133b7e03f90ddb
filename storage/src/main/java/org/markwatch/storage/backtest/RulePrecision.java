package org.markwatch.storage.backtest;

/**
 * One rule against the analysts' decisions: on decided listings, how often it fired and how often
 * the listing was then confirmed, for a candidate ruleset and for the current verdicts.
 */
public record RulePrecision(
    String rule, long candidateFired, long candidateRight, long currentFired, long currentRight) {

  /** Right / fired for the candidate, or null when it never fired on a decided listing. */
  public Double candidatePrecision() {
    return candidateFired == 0 ? null : candidateRight / (double) candidateFired;
  }

  public Double currentPrecision() {
    return currentFired == 0 ? null : currentRight / (double) currentFired;
  }
}
