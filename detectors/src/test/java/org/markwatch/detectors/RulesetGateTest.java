package org.markwatch.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RulesetGateTest {
  @Test
  void theDefaultConfigurationMayBeDeployed() {
    assertThat(RulesetGate.problems(TestData.defaultConfig())).isEmpty();
  }

  @Test
  void aBrokenFileOrAFailingExampleIsRefused() {
    DetectorConfig base = TestData.coreConfig();
    Map<String, String> broken = new TreeMap<>(base.ruleFiles());
    broken.put("rules/zz.yaml", "rules:\n  - {id: x.y, violation: nope}\n");
    assertThat(RulesetGate.problems(new DetectorConfig(base.brandFiles(), broken)))
        .singleElement()
        .asString()
        .startsWith("rules/zz.yaml:")
        .contains("unknown violation 'nope'");
    Map<String, String> failing = new TreeMap<>(base.ruleFiles());
    failing.put(
        "rules/zz.yaml",
        """
        rules:
          - id: x.y
            violation: counterfeit
            legalBasis: test
            weight: 0.5
            when: {terms: {any: [siêu rẻ]}}
            examples: {fire: ["Áo thun giá tốt"]}
        """);
    assertThat(RulesetGate.problems(new DetectorConfig(base.brandFiles(), failing)))
        .containsExactly("rules/zz.yaml: rule x.y did not fire on \"Áo thun giá tốt\"");
  }

  /**
   * An example that makes a rule's regex overflow the stack ends admission with the error, and the
   * compiled candidate is closed anyway: its matcher thread is not a daemon and would keep the JVM
   * (and a reloading scoring job) holding it forever.
   */
  @Test
  void aCandidateWhoseExamplesThrowIsClosed() throws InterruptedException {
    Map<String, String> rules =
        Map.of(
            "rules/zz.yaml",
            """
        rules:
          - id: x.y
            violation: counterfeit
            legalBasis: test
            weight: 0.5
            when: {patterns: {in: [title], any: ["(?:a|b)*c"]}}
            examples: {fire: ["%s"]}
        """
                .formatted("ab".repeat(5_000) + "c"));
    DetectorConfig config =
        new DetectorConfig(Map.of("brands/b.yaml", "brands:\n  - {id: acme, name: Acme}\n"), rules);
    long before = nonDaemonThreads();
    for (int i = 0; i < 3; i++) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> RulesetGate.admit(config))
          .isInstanceOf(StackOverflowError.class);
    }
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (nonDaemonThreads() > before && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(nonDaemonThreads()).as("non-daemon threads left behind").isLessThanOrEqualTo(before);
  }

  private static long nonDaemonThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !t.isDaemon())
        .count();
  }
}
