package org.markwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code markwatch pipeline}: its option checks (the run itself: {@link PipelineCommandIT}). */
class PipelineCommandTest {
  private static final Path CONF = Path.of("..", "conf");

  @Test
  void refusesAPollIntervalBelowTheFloor(@TempDir Path dir) {
    assertThat(
            Main.run(
                "pipeline",
                "--watch",
                "--poll",
                "10ms",
                "--data",
                dir.toString(),
                "--conf",
                CONF.toString()))
        .isEqualTo(2);
  }

  @Test
  void readsShortAndIsoDurations() {
    var c = new PipelineCommand.DurationConverter();
    assertThat(c.convert("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(c.convert("2s")).isEqualTo(Duration.ofSeconds(2));
    assertThat(c.convert("1m")).isEqualTo(Duration.ofMinutes(1));
    assertThat(c.convert("PT3S")).isEqualTo(Duration.ofSeconds(3));
  }
}
