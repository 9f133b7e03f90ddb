package org.markwatch.detectors.rules;

import java.time.LocalDate;

/**
 * One rule as written in YAML. {@code when} must hold entirely; any condition of {@code unless}
 * cancels the rule. {@code weight} in (0,1] is the probability the rule alone is right, combined by
 * noisy-OR. {@code sense} (optional) names the product domains its terms mean goods of (alcohol
 * terms: drink); on a product of another domain the rule gives no signal.
 */
public record RuleSpec(
    String id,
    String description,
    String violation,
    String legalBasis,
    LocalDate effectiveFrom,
    LocalDate effectiveTo,
    Double weight,
    ConditionSpec when,
    ConditionSpec unless,
    Examples examples,
    java.util.List<String> sense) {}
