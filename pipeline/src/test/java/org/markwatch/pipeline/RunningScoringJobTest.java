package org.markwatch.pipeline;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** How a running job reports its end to the command waiting on it, on a real local MiniCluster. */
class RunningScoringJobTest {
  @TempDir Path dir;

  /**
   * {@code markwatch pipeline --watch} returns the status of {@link RunningScoringJob#await()}: a
   * job that fails must not look like one that was stopped (exit status 0).
   */
  @Test
  @Timeout(120)
  void awaitThrowsWithTheRootCauseWhenTheJobFails() throws Exception {
    Configuration conf =
        ScoringJob.builder()
            .spoolDir(dir)
            .database(org.markwatch.storage.DatabaseSettings.h2File(dir.resolve("db")))
            .detectorConfig(
                new org.markwatch.detectors.DetectorConfig(java.util.Map.of(), java.util.Map.of()))
            .watch(java.time.Duration.ofSeconds(1))
            .build()
            .flinkConfig();
    conf.setString(
        "restart-strategy.type", "none"); // the job's own strategy would retry for minutes first
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, conf);
    env.fromData(1, 2, 3)
        .map(
            i -> {
              if (i == 2) {
                throw new IllegalStateException("store unreachable");
              }
              return i;
            })
        .returns(Integer.class)
        .sinkTo(new DiscardingSink<>());
    try (RunningScoringJob running =
        new RunningScoringJob(
            env, env.executeAsync("failing"), (counters, elapsed) -> null, () -> {})) {
      assertThatThrownBy(running::await)
          .isInstanceOf(JobFailedException.class)
          .hasMessageContaining("IllegalStateException: store unreachable");
    }
  }
}
