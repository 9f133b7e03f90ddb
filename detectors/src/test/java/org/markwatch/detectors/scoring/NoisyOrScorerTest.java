package org.markwatch.detectors.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.markwatch.detectors.rules.Ruleset;
import org.markwatch.model.Signal;
import org.markwatch.model.Violation;

class NoisyOrScorerTest {
  private final Ruleset rules =
      new Ruleset(List.of(), Map.of(Violation.SELLER_NONCOMPLIANT, 0.8), 0.5);

  private static Signal s(String violation, double w) {
    return new Signal("r", w, violation, null, null);
  }

  @Test
  void signalsCombineByNoisyOrPerViolation() {
    var r =
        NoisyOrScorer.combine(
            List.of(s("counterfeit", 0.5), s("counterfeit", 0.5), s("seller_noncompliant", 0.35)),
            rules);
    assertThat(r.score())
        .isEqualTo(1 - 0.5 * 0.5 * 0.65, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(r.violations()).containsExactly("counterfeit"); // 0.75 >= 0.5; 0.35 < 0.8
    assertThat(r.flagged()).isTrue();
  }

  @Test
  void weakSignalsAloneDoNotFlag() {
    var r =
        NoisyOrScorer.combine(
            List.of(s("seller_noncompliant", 0.35), s("seller_noncompliant", 0.45)), rules);
    assertThat(r.flagged()).isFalse();
    assertThat(r.score()).isBetween(0.6, 0.7);
    assertThat(NoisyOrScorer.combine(List.of(), rules).score()).isZero();
  }
}
