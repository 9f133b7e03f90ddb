package org.markwatch.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectorConfigTest {
  @Test
  void theHashDependsOnNamesAndContentNotOnMapOrder() {
    Map<String, String> ab = new LinkedHashMap<>();
    ab.put("brands/a.yaml", "x");
    ab.put("brands/b.yaml", "y");
    Map<String, String> ba = new LinkedHashMap<>();
    ba.put("brands/b.yaml", "y");
    ba.put("brands/a.yaml", "x");
    String h = new DetectorConfig(ab, Map.of()).sha256();
    assertThat(h).hasSize(64).isEqualTo(new DetectorConfig(ba, Map.of()).sha256());
    assertThat(new DetectorConfig(Map.of("brands/a.yaml", "xy"), Map.of()).sha256())
        .isNotEqualTo(h);
    // a file moved from brands to rules is another configuration
    assertThat(
            new DetectorConfig(Map.of("brands/a.yaml", "x"), Map.of("brands/b.yaml", "y")).sha256())
        .isNotEqualTo(h);
  }

  @Test
  void theRulesetVersionIsAPrefixOfTheHash() {
    DetectorConfig c =
        new DetectorConfig(
            Map.of("brands/b.yaml", "brands:\n  - {id: acme, name: Acme}\n"), Map.of());
    try (Detectors d = Detectors.create(c)) {
      assertThat(d.rulesetVersion()).isEqualTo("sha256:" + c.sha256().substring(0, 16));
    }
  }
}
