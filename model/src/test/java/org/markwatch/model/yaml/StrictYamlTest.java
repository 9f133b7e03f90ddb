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
            () ->
                StrictYaml.read(
                    FILE, "rules:\n  - id: a\n    weight: 0.5\n    wieght: 0.5\n", RuleFile.class))
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

  @Test
  void locatedTreeKnowsTheLineOfEveryValue() {
    YamlValue root =
        StrictYaml.readLocated(
            FILE,
            "# rules\nrules:\n  - id: a\n    tags: [x, y]\n\n  - id: b\n    on: true\n    n: 3\n    none: null\n");
    assertThat(root.isMap()).isTrue();
    YamlValue rules = root.map().get("rules");
    assertThat(rules.line()).isEqualTo(2);
    assertThat(rules.list()).extracting(YamlValue::line).containsExactly(3, 6);
    YamlValue first = rules.list().get(0);
    assertThat(first.map().get("id")).isEqualTo(new YamlValue("a", 3));
    assertThat(first.map().get("tags").list())
        .containsExactly(new YamlValue("x", 4), new YamlValue("y", 4));
    YamlValue second = rules.list().get(1);
    assertThat(second.map().keySet()).containsExactly("id", "on", "n", "none");
    assertThat(second.map().get("on")).isEqualTo(new YamlValue("true", 7));
    assertThat(second.map().get("n")).isEqualTo(new YamlValue("3", 8));
    assertThat(second.map().get("none")).isEqualTo(new YamlValue(null, 9));
  }

  @Test
  void locatedTreeRefusesDuplicateKeysAndDeepNesting() {
    assertThatThrownBy(() -> StrictYaml.readLocated(FILE, "a: 1\nb: 2\na: 3\n"))
        .isInstanceOfSatisfying(
            YamlException.class,
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.problem()).contains("\"a\"").doesNotContain("\n");
            });
    assertThatThrownBy(
            () -> StrictYaml.readLocated(FILE, "a: " + "[".repeat(200) + "]".repeat(200)))
        .isInstanceOf(YamlException.class)
        .hasMessageContaining(String.valueOf(StrictYaml.MAX_DEPTH));
  }

  @Test
  void emptyLocatedDocumentIsNull() {
    assertThat(StrictYaml.readLocated(FILE, "")).isEqualTo(new YamlValue(null, 1));
    assertThat(StrictYaml.readLocated(FILE, "# only a comment\n").value()).isNull();
  }
}
