package org.markwatch.detectors.rules;

import java.util.List;
import java.util.Map;

/**
 * The shape of a file of {@code conf/rules/}: a named, versioned group of rules, and optionally
 * flag thresholds per violation type ({@code default} for the others).
 */
public record RuleFile(
    String ruleset, String version, Map<String, Double> thresholds, List<RuleSpec> rules) {
  public RuleFile {
    thresholds = thresholds == null ? Map.of() : thresholds;
    rules = rules == null ? List.of() : rules;
  }
}
