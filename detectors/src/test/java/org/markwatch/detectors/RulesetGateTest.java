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
    DetectorConfig base = TestData.defaultConfig();
    Map<String, String> broken = new TreeMap<>(base.ruleFiles());
    broken.put("rules/zz.yaml", "rules:\n  - {id: x.y, violation: nope}\n");
    assertThat(RulesetGate.problems(new DetectorConfig(base.brandFiles(), broken)))
        .singleElement().asString().startsWith("rules/zz.yaml:").contains("unknown violation 'nope'");
    Map<String, String> failing = new TreeMap<>(base.ruleFiles());
    failing.put("rules/zz.yaml", """
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
}
