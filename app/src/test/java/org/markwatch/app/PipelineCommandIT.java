package org.markwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markwatch.detectors.TestConf;

/** {@code markwatch pipeline}: the bounded run over a spool directory, on a Flink MiniCluster. */
class PipelineCommandIT {
  private static final Path CONF = TestConf.withoutRetailCatalog(); // see TestConf

  @Test
  void scoresTheSpoolIntoTheEmbeddedDatabase(@TempDir Path dir) throws Exception {
    Path spool = Files.createDirectories(dir.resolve("data/spool"));
    List<String> dev =
        Files.readAllLines(
            Path.of(System.getProperty("markwatch.shared", "../../shared"))
                .resolve("data/dev-listings.jsonl"));
    Files.write(spool.resolve("a.jsonl"), dev.subList(0, 12));
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    int code;
    try {
      code =
          Main.run(
              "pipeline",
              "--data",
              dir.resolve("data").toString(),
              "--conf",
              CONF.toString(),
              "--parallelism",
              "1");
    } finally {
      System.setOut(old);
    }
    assertThat(code).isEqualTo(0);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("read 12, valid 12, stored 12");
  }
}
