package org.markwatch.detectors.rules;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.markwatch.detectors.DetectorConfig;
import org.markwatch.detectors.Detectors;
import org.markwatch.detectors.config.ConfigException;

class RulesetErrorsTest {
  private static final String BRANDS = "brands:\n  - {id: acme, name: Acme}\n";

  private static void create(String rules) {
    try (Detectors d =
        Detectors.create(
            new DetectorConfig(Map.of("brands/b.yaml", BRANDS), Map.of("rules/r.yaml", rules)))) {
      d.rulesetVersion();
    }
  }

  @Test
  void unknownFieldIsRefusedWithLineAndColumn() {
    assertThatThrownBy(
            () ->
                create(
                    """
        rules:
          - id: a.b
            violation: counterfeit
            legalBasis: x
            weight: 0.5
            whn: {terms: {any: [fake]}}
        """))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("rules/r.yaml:6:")
        .hasMessageContaining("whn")
        .satisfies(
            e ->
                org.assertj.core.api.Assertions.assertThat(((ConfigException) e).column())
                    .isPositive());
  }

  @Test
  void badRegexIsRefusedNamingIt() {
    assertThatThrownBy(
            () ->
                create(
                    """
        rules:
          - id: a.b
            violation: misleading
            legalBasis: x
            weight: 0.5
            when: {patterns: {any: ["giảm (\\\\d+ kg"]}}
        """))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("rules/r.yaml:6")
        .hasMessageContaining("bad regular expression");
  }

  @Test
  void unknownViolationWeightAndDuplicateIdsAreRefused() {
    assertThatThrownBy(
            () ->
                create(
                    "rules:\n  - {id: a.b, violation: fakery, legalBasis: x, weight: 0.5, when: {hasPrice: true}}\n"))
        .hasMessageContaining("unknown violation 'fakery'");
    assertThatThrownBy(
            () ->
                create(
                    "rules:\n  - {id: a.b, violation: counterfeit, legalBasis: x, weight: 1.5, when: {hasPrice: true}}\n"))
        .hasMessageContaining("weight must be in (0,1]");
    assertThatThrownBy(
            () ->
                create(
                    """
        rules:
          - {id: a.b, violation: counterfeit, legalBasis: x, weight: 0.5, when: {hasPrice: true}}
          - {id: a.b, violation: counterfeit, legalBasis: x, weight: 0.5, when: {hasPrice: true}}
        """))
        .hasMessageContaining("already defined");
  }

  @Test
  void typeErrorsNameTheField() {
    assertThatThrownBy(
            () ->
                create(
                    "rules:\n  - {id: a.b, violation: counterfeit, legalBasis: x, weight: heavy, when: {hasPrice: true}}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("rules/r.yaml:2:")
        .hasMessageContaining("weight");
  }

  @Test
  void badBrandFileNamesTheFile() {
    assertThatThrownBy(
            () ->
                Detectors.create(
                    new DetectorConfig(
                        Map.of("brands/b.yaml", "brands:\n  - {id: Bad Id, name: X}\n"), Map.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("brands/b.yaml:2")
        .hasMessageContaining("lowercase slug");
  }
}
