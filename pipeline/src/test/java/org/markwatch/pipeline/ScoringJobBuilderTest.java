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
    return ScoringJob.builder()
        .spoolDir(Files.createDirectories(dir.resolve("spool")))
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
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("spool directory does not exist")
        .hasMessageContaining("missing");
    assertThatThrownBy(() -> valid().parallelism(0).build())
        .hasMessage("parallelism must be >= 1, got 0");
    assertThatThrownBy(() -> valid().batchSize(0).build())
        .hasMessage("batchSize must be >= 1, got 0");
    assertThatThrownBy(() -> valid().maxLineBytes(10).build()).hasMessageContaining("maxLineBytes");
    assertThatThrownBy(() -> valid().deadLetterFile(dir.resolve("spool/rejects.jsonl")).build())
        .hasMessageContaining("read back as spool input");
    assertThatThrownBy(() -> valid().database(null).build())
        .hasMessageContaining("database is required");
    assertThatThrownBy(() -> valid().detectorConfig(null).build())
        .hasMessageContaining("detectorConfig is required");
  }

  @Test
  void watchingRunsStreamingAndChecksItsIntervalsAndConfDir() throws Exception {
    assertThat(valid().watch(java.time.Duration.ofSeconds(1)).build().flinkConfig().toMap())
        .containsEntry("execution.runtime-mode", "STREAMING")
        .containsEntry("heartbeat.interval", "2000");
    assertThatThrownBy(() -> valid().watch(java.time.Duration.ofMillis(10)).build())
        .hasMessage("watch interval must be >= 100 ms, got PT0.01S");
    assertThatThrownBy(() -> valid().reloadInterval(java.time.Duration.ZERO).build())
        .hasMessageContaining("reloadInterval must be >= 100 ms");
    assertThatThrownBy(() -> valid().confDir(dir.resolve("no-conf")).build())
        .hasMessageContaining("conf directory does not exist")
        .hasMessageContaining("no-conf");
    assertThatThrownBy(() -> valid().build().start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("bounded");
    assertThatThrownBy(() -> valid().watch(java.time.Duration.ofSeconds(1)).build().run())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("start()");
    // a conf dir alone is enough: the configuration is read from it
    assertThat(valid().detectorConfig(null).confDir(ScoringJobTest.CONF).build()).isNotNull();
  }

  @Test
  void flinkRunsBatchOnLoopbackWithoutGenericTypes() throws Exception {
    var conf = valid().build().flinkConfig().toMap();
    assertThat(conf)
        .containsEntry("execution.runtime-mode", "BATCH")
        .containsEntry("pipeline.generic-types", "false")
        .containsEntry("rest.bind-address", "127.0.0.1")
        .containsEntry("rest.port", "0")
        .containsEntry("security.delegation.tokens.enabled", "false");
  }
}
