package org.markwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markwatch.detectors.TestConf;
import org.markwatch.storage.Database;
import org.markwatch.storage.RulesetFileStore;
import org.markwatch.storage.RulesetStore;

/** {@code markwatch rules publish} through {@link Main#run} on the embedded database. */
class RulesPublishCommandTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PrintStream oldErr;
  private PrintStream oldOut;

  @BeforeEach
  void capture() {
    oldErr = System.err;
    oldOut = System.out;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(oldErr);
    System.setOut(oldOut);
  }

  @Test
  void publishesAGoodRulesetAndRefusesOneWhoseExampleFails(@TempDir Path dir) throws Exception {
    Path conf = TestConf.withoutRetailCatalog();
    Path data = dir.resolve("data");
    int code =
        Main.run(
            "rules",
            "publish",
            "--conf",
            conf.toString(),
            "--data",
            data.toString(),
            "--author",
            "analyst-a",
            "--note",
            "first publication");
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .containsPattern("published ruleset sha256:[0-9a-f]{16} \\(\\d+ rules\\) by analyst-a");

    // a rules directory whose one rule's example fails: refused, nothing stored
    Path rules = Files.createDirectories(dir.resolve("rules"));
    try (Stream<Path> files = Files.list(conf.resolve("rules"))) {
      for (Path f : files.toList()) {
        Files.copy(f, rules.resolve(f.getFileName()));
      }
    }
    Files.writeString(
        rules.resolve("test-widget.yaml"),
        """
        rules:
          - id: misleading.test-widget
            description: its own example says it fires where it does not
            violation: misleading
            legalBasis: "test"
            weight: 0.9
            when: {terms: {in: [title], any: [zorblax]}}
            examples:
              fire: ["Máy lọc nước"]
        """);
    err.reset();
    int refused =
        Main.run(
            "rules",
            "publish",
            rules.toString(),
            "--conf",
            conf.toString(),
            "--data",
            data.toString(),
            "--author",
            "analyst-b");
    assertThat(refused).isNotZero();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("misleading.test-widget")
        .contains("refused, nothing published");
    try (Database db = Database.openWithoutMigrating(DatabaseChoice.fromEnvironment(data))) {
      assertThat(new RulesetStore(db.dataSource()).list()).hasSize(1);
      RulesetFileStore.Published p =
          new RulesetFileStore(db.dataSource()).newestPublished().orElseThrow();
      assertThat(p.author()).isEqualTo("analyst-a");
      assertThat(p.files().keySet()).anyMatch(k -> k.startsWith("brands/"));
      assertThat(p.files().keySet()).anyMatch(k -> k.startsWith("rules/"));
    }
  }
}
