package org.markwatch.model.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrictYamlTest {
  record Rule(String id, double weight) {}

  record RuleFile(List<Rule> rules) {}

  private static final Path FILE = Path.of("conf/rules/x.yaml");

  @Test
  void bindsRecords() {
    RuleFile f = StrictYaml.read(FILE, "rules:\n  - id: a\n    weight: 0.5\n", RuleFile.class);
    assertThat(f.rules()).containsExactly(new Rule("a", 0.5));
  }

  @Test
  void unknownKeyNamesFileLineAndKnownKeys() {
    assertThatThrownBy(
            () -> StrictYaml.read(FILE, "rules:\n  - id: a\n    weight: 0.5\n    wieght: 0.5\n", RuleFile.class))
        .isInstanceOf(YamlException.class)
        .hasMessageStartingWith("conf/rules/x.yaml:4: rules[0].wieght: unknown key 'wieght'")
        .hasMessageContaining("known keys: id, weight");
  }

  @Test
  void wrongTypeNamesTheKey() {
    assertThatThrownBy(
            () -> StrictYaml.read(FILE, "rules:\n  - id: a\n    weight: heavy\n", RuleFile.class))
        .isInstanceOf(YamlException.class)
        .hasMessageStartingWith("conf/rules/x.yaml:3: rules[0].weight: ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void missingPrimitiveIsRefused() {
    assertThatThrownBy(() -> StrictYaml.read(FILE, "rules:\n  - id: a\n", RuleFile.class))
        .isInstanceOf(YamlException.class)
        .hasMessageContaining("rules[0]");
  }

  @Test
  void deepNestingIsRefused() {
    String deep = "a: ".repeat(1) + "[".repeat(200) + "]".repeat(200);
    assertThatThrownBy(() -> StrictYaml.read(FILE, deep, Object.class))
        .isInstanceOf(YamlException.class)
        .hasMessageStartingWith("conf/rules/x.yaml:");
  }

  @Test
  void unreadableFileIsNamed() {
    Path missing = Path.of("no/such/file.yaml");
    assertThatThrownBy(() -> StrictYaml.read(missing, RuleFile.class))
        .isInstanceOf(YamlException.class)
        .hasMessageStartingWith("no/such/file.yaml: cannot be read");
  }
}
