package org.markwatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markwatch.detectors.DetectorConfig;

class ConfWatcherTest {
  @TempDir Path conf;

  private static final String RULES = "rules:\n  - {id: a.b}\n  - {id: c.d}\n";

  private ConfWatcher start() throws Exception {
    Files.createDirectories(conf.resolve("brands"));
    Files.createDirectories(conf.resolve("rules"));
    Files.writeString(conf.resolve("brands/b.yaml"), "brands: []\n");
    Files.writeString(conf.resolve("rules/r.yaml"), RULES);
    return new ConfWatcher(conf, DetectorConfFiles.read(conf));
  }

  @Test
  void anUnchangedDirectoryIsNeverReported() throws Exception {
    ConfWatcher w = start();
    assertThat(w.poll()).isEmpty();
    assertThat(w.poll()).isEmpty();
  }

  @Test
  void aChangeIsReportedOnceWhenTwoPollsReadIt() throws Exception {
    ConfWatcher w = start();
    Files.writeString(conf.resolve("rules/r.yaml"), RULES + "  - {id: e.f}\n");
    assertThat(w.poll()).as("first sighting").isEmpty();
    assertThat(w.poll())
        .map(DetectorConfig::ruleFiles)
        .hasValueSatisfying(r -> assertThat(r.get("rules/r.yaml")).contains("e.f"));
    assertThat(w.poll()).as("reported once").isEmpty();
  }

  /** An editor rewriting in place empties the file first: that state must never be reported. */
  @Test
  void aFileCaughtHalfWrittenIsNotReported() throws Exception {
    ConfWatcher w = start();
    Files.writeString(conf.resolve("rules/r.yaml"), "");
    assertThat(w.poll()).isEmpty();
    Files.writeString(conf.resolve("rules/r.yaml"), RULES + "  - {id: e.f}\n");
    assertThat(w.poll()).as("the written file, first sighting").isEmpty();
    assertThat(w.poll())
        .map(c -> c.ruleFiles().get("rules/r.yaml"))
        .hasValue(RULES + "  - {id: e.f}\n");
    // emptied and restored between polls: nothing to report
    Files.writeString(conf.resolve("rules/r.yaml"), "");
    assertThat(w.poll()).isEmpty();
    Files.writeString(conf.resolve("rules/r.yaml"), RULES + "  - {id: e.f}\n");
    assertThat(w.poll()).isEmpty();
    assertThat(w.poll()).isEmpty();
  }
}
