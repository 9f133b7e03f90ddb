package org.markwatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markwatch.detectors.DetectorConfig;
import org.markwatch.detectors.Detectors;

class DetectorConfFilesTest {
  @Test
  void readsEveryFileKeyedByItsPathUnderTheConfDir(@TempDir Path conf) throws Exception {
    Files.createDirectories(conf.resolve("brands/extra"));
    Files.createDirectories(conf.resolve("rules"));
    Files.writeString(conf.resolve("brands/core.yaml"), "brands:\n  - {id: acme, name: Acme}\n");
    Files.writeString(conf.resolve("brands/extra/more.yaml"), "brands: []\n");
    Files.writeString(conf.resolve("brands/README.md"), "docs");
    Files.writeString(conf.resolve("rules/r.yaml"), "rules: []\n");
    DetectorConfig c = DetectorConfFiles.read(conf);
    assertThat(c.brandFiles()).containsOnlyKeys("brands/core.yaml", "brands/extra/more.yaml");
    assertThat(c.ruleFiles()).containsOnlyKeys("rules/r.yaml");
    assertThat(c.brandFiles().get("brands/core.yaml")).contains("Acme");
  }

  @Test
  void theRepositoryConfCompiles() {
    try (Detectors d = Detectors.create(DetectorConfFiles.read(Path.of("..", "conf")))) {
      assertThat(d.rules()).isNotEmpty();
      assertThat(d.catalog().size()).isGreaterThanOrEqualTo(96);
    }
  }

  @Test
  void unreadableFilesAreNamed(@TempDir Path conf) throws Exception {
    Files.createDirectories(conf.resolve("brands"));
    Files.createDirectories(conf.resolve("rules"));
    Files.write(conf.resolve("rules/bad.yaml"), new byte[] {(byte) 0xC3, (byte) 0x28});
    assertThatThrownBy(() -> DetectorConfFiles.read(conf))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("bad.yaml")
        .hasMessageContaining("not UTF-8");
    assertThatThrownBy(() -> DetectorConfFiles.read(conf.resolve("missing")))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("missing");
  }
}
