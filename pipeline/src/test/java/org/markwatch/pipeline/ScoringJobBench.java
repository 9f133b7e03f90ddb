package org.markwatch.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.markwatch.detectors.DetectorConfig;
import org.markwatch.storage.DatabaseSettings;

/**
 * Benchmark, not a test: runs the scoring job over a spool file on the embedded H2 database several
 * times in one JVM and appends the figures (records/s including MiniCluster start and stop) to a
 * file. Usage: {@code ScoringJobBench <listings.jsonl> <figures.txt> [runs] [parallelism]}. The
 * first run includes JVM warm-up and the first inserts; later runs are replays (upserts that change
 * nothing).
 */
public final class ScoringJobBench {
  private ScoringJobBench() {}

  public static void main(String[] args) throws Exception {
    Path input = Path.of(args[0]);
    Path figures = Path.of(args[1]);
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    int parallelism = args.length > 3 ? Integer.parseInt(args[3]) : ScoringJob.DEFAULT_PARALLELISM;
    Path work = Files.createTempDirectory("markwatch-bench-");
    Path spool = Files.createDirectories(work.resolve("spool"));
    Files.copy(input, spool.resolve(input.getFileName()));
    DetectorConfig config = ScoringJobTest.detectorConfig();
    ScoringJob job =
        ScoringJob.builder()
            .spoolDir(spool)
            .database(DatabaseSettings.h2File(work.resolve("db")))
            .detectorConfig(config)
            .parallelism(parallelism)
            .build();
    List<String> lines = new ArrayList<>();
    lines.add(
        "# "
            + Instant.now()
            + " ScoringJobBench "
            + input.getFileName()
            + " parallelism="
            + parallelism
            + " cores="
            + Runtime.getRuntime().availableProcessors()
            + " java="
            + Runtime.version());
    for (int i = 1; i <= runs; i++) {
      JobReport r = job.run();
      String line =
          String.format(
              "run %d: read=%d stored=%d flagged=%d invalid=%d elapsed_ms=%d records_per_s=%.1f",
              i,
              r.read(),
              r.stored(),
              r.flagged(),
              r.invalid(),
              r.elapsed().toMillis(),
              r.recordsPerSecond());
      System.out.println(line);
      lines.add(line);
    }
    if (figures.getParent() != null) {
      Files.createDirectories(figures.getParent());
    }
    Files.write(
        figures,
        lines,
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
  }
}
