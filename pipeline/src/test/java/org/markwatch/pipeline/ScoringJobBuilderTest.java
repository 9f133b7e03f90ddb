package org.markwatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markwatch.detectors.DetectorConfig;
import org.markwatch.storage.DatabaseSettings;

class ScoringJobBuilderTest {
  @TempDir Path dir;

  private ScoringJob.Builder valid() throws Exception {
    return ScoringJob.builder().spoolDir(Files.createDirectories(dir.resolve("spool")))
        .database(DatabaseSettings.h2File(dir.resolve("db")))
        .detectorConfig(new DetectorConfig(Map.of(), Map.of()));
  }

  @Test
  void defaultsAreParallelismTwoAndDeadLettersBesideTheSpool() throws Exception {
    ScoringJob job = valid().build();
    assertThat(job.parallelism()).isEqualTo(2);
    assertThat(job.deadLetterFile()).isEqualTo(dir.resolve("dead-letters.jsonl").toAbsolutePath());
  }

  @Test
  void refusesBadValuesNamingThem() throws Exception {
    assertThatThrownBy(() -> valid().spoolDir(dir.resolve("missing")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spool directory does not exist")
        .hasMessageContaining("missing");
    assertThatThrownBy(() -> valid().parallelism(0).build()).hasMessage("parallelism must be >= 1, got 0");
    assertThatThrownBy(() -> valid().batchSize(0).build()).hasMessage("batchSize must be >= 1, got 0");
    assertThatThrownBy(() -> valid().maxLineBytes(10).build()).hasMessageContaining("maxLineBytes");
    assertThatThrownBy(() -> valid().deadLetterFile(dir.resolve("spool/rejects.jsonl")).build())
        .hasMessageContaining("read back as spool input");
    assertThatThrownBy(() -> valid().database(null).build()).hasMessageContaining("database is required");
    assertThatThrownBy(() -> valid().detectorConfig(null).build()).hasMessageContaining("detectorConfig is required");
  }

  @Test
  void flinkRunsBatchOnLoopbackWithoutGenericTypes() throws Exception {
    var conf = valid().build().flinkConfig().toMap();
    assertThat(conf).containsEntry("execution.runtime-mode", "BATCH")
        .containsEntry("pipeline.generic-types", "false")
        .containsEntry("rest.bind-address", "127.0.0.1")
        .containsEntry("rest.port", "0")
        .containsEntry("security.delegation.tokens.enabled", "false");
  }
}
