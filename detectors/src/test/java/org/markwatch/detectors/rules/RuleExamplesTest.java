package org.markwatch.detectors.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.markwatch.detectors.Detectors;
import org.markwatch.detectors.ExampleRunner;
import org.markwatch.detectors.TestData;

class RuleExamplesTest {
  @Test
  void everyRuleOfTheDefaultRulesetPassesItsExamples() {
    {
      Detectors d = TestData.defaultDetectors(); // shared, never closed
      ExampleRunner.Result r = ExampleRunner.run(d);
      assertThat(r.failures()).isEmpty();
      assertThat(r.examples()).isGreaterThan(50);
      for (Rule rule : d.rules()) {
        assertThat(rule.examples().fire()).as(rule.id() + " has examples that fire").isNotEmpty();
        assertThat(rule.legalBasis()).as(rule.id()).isNotBlank();
      }
    }
  }

  @Test
  void aWrongExampleIsReported() {
    var base = TestData.defaultConfig();
    var rules = new java.util.TreeMap<>(base.ruleFiles());
    rules.put(
        "rules/zz.yaml",
        """
        rules:
          - id: test.gift
            violation: counterfeit
            legalBasis: test
            weight: 0.5
            when: {terms: {any: [quà tặng]}}
            examples:
              fire: ["Hộp quà tặng"]
              quiet: ["Quà tặng sinh nhật"]
        """);
    try (Detectors d =
        Detectors.create(new org.markwatch.detectors.DetectorConfig(base.brandFiles(), rules))) {
      var failures = ExampleRunner.run(d).failures();
      assertThat(failures)
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.rule()).isEqualTo("test.gift");
                assertThat(f.toString())
                    .isEqualTo("rules/zz.yaml: rule test.gift fired on \"Quà tặng sinh nhật\"");
              });
    }
  }
}
