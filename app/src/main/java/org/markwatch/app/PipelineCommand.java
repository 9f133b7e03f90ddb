package org.markwatch.app;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.markwatch.detectors.config.ConfigException;
import org.markwatch.model.progress.Progress;
import org.markwatch.pipeline.JobFailedException;
import org.markwatch.pipeline.JobReport;
import org.markwatch.pipeline.KafkaInput;
import org.markwatch.pipeline.RunningScoringJob;
import org.markwatch.pipeline.ScoringJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * {@code markwatch pipeline}: the Flink scoring job over a spool directory, once (bounded) or, with
 * {@code --watch}, continuously, taking up a new ruleset from the conf directory while it runs when
 * it passes the gate (compiles, examples pass) and keeping the last good one otherwise.
 */
@Command(
    name = "pipeline",
    mixinStandardHelpOptions = true,
    description = {
      "Score the spool files into the central database with the Flink job (local MiniCluster).",
      "Once by default; with --watch it keeps reading new spool files and reloads rules and brands from --conf",
      "when they change (a ruleset that does not compile or fails its examples is refused, the last good one",
      "keeps scoring). Database: MARKWATCH_DB_URL, else the embedded H2 database under --data."
    })
final class PipelineCommand implements Callable<Integer> {
  @Option(
      names = "--data",
      description = "Data directory (default: ${DEFAULT-VALUE}).",
      defaultValue = "./markwatch-data")
  Path data;

  @Option(
      names = "--spool",
      paramLabel = "DIR",
      description = "Spool directory of *.jsonl listings (default: DATA/spool).")
  Path spool;

  @Option(
      names = "--conf",
      paramLabel = "DIR",
      description = "Configuration directory (default: $markwatch.home/conf or ./conf).")
  Path conf;

  @Option(
      names = "--dead-letters",
      paramLabel = "FILE",
      description = "Dead-letter file (default: DATA/dead-letters.jsonl).")
  Path deadLetters;

  @Option(
      names = "--parallelism",
      description = "Flink parallelism (default: ${DEFAULT-VALUE}).",
      defaultValue = "2")
  int parallelism;

  @Option(
      names = "--watch",
      description =
          "Keep running: read new spool files as they appear, reload the conf when it changes.")
  boolean watch;

  @Option(
      names = "--poll",
      paramLabel = "DURATION",
      defaultValue = "2s",
      converter = DurationConverter.class,
      description =
          "With --watch: how often the spool directory is listed (default: ${DEFAULT-VALUE}).")
  Duration poll;

  @Option(
      names = "--reload-every",
      paramLabel = "DURATION",
      defaultValue = "5s",
      converter = DurationConverter.class,
      description =
          "With --watch: how often the conf files' content hash is checked (default: ${DEFAULT-VALUE}).")
  Duration reloadEvery;

  @Option(
      names = "--kafka",
      paramLabel = "HOST:PORT[,...]",
      description =
          "Read listings from Kafka (topic --topic, consumer group --group, resuming at the group's committed"
              + " offsets) instead of the spool directory; runs until Ctrl-C unless --until-caught-up. Give --spool as well to"
              + " read both.")
  String kafka;

  @Option(
      names = "--topic",
      description = "With --kafka: the listings topic (default: ${DEFAULT-VALUE}).",
      defaultValue = KafkaInput.DEFAULT_TOPIC)
  String topic;

  @Option(
      names = "--group",
      description = "With --kafka: the consumer group (default: ${DEFAULT-VALUE}).",
      defaultValue = KafkaInput.DEFAULT_GROUP)
  String group;

  @Option(
      names = "--until-caught-up",
      description = "With --kafka: stop at the offsets that were the latest at the start.")
  boolean untilCaughtUp;

  @Option(
      names = "--dead-letter-topic",
      paramLabel = "TOPIC",
      description =
          "With --kafka: also send dead letters to this topic (e.g. markwatch.dead-letters).")
  String deadLetterTopic;

  @Option(
      names = "--shop-evidence",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Raise a shop's branded listings when its other listings admit copies or its seller"
              + " network holds confirmed violators (on by default; --no-shop-evidence turns it"
              + " off).")
  boolean shopEvidence;

  @Override
  public Integer call() throws Exception {
    Path dataDir = data.toAbsolutePath().normalize();
    Path spoolDir = spool != null ? spool : kafka != null ? null : dataDir.resolve("spool");
    if (spoolDir != null) {
      java.nio.file.Files.createDirectories(spoolDir);
    }
    boolean streaming = watch || (kafka != null && !untilCaughtUp);
    ScoringJob job;
    try {
      ScoringJob.Builder b =
          ScoringJob.builder()
              .spoolDir(spoolDir)
              .deadLetterFile(
                  deadLetters != null ? deadLetters : dataDir.resolve("dead-letters.jsonl"))
              .database(DatabaseChoice.fromEnvironment(dataDir))
              .confDir(ConfLocation.confDir(conf))
              .parallelism(parallelism)
              .shopEvidence(shopEvidence);
      if (watch) {
        b.watch(poll);
      }
      if (streaming) {
        b.reloadInterval(reloadEvery);
      }
      if (kafka != null) {
        b.kafka(new KafkaInput(kafka, topic, group, untilCaughtUp))
            .deadLetterTopic(deadLetterTopic);
      }
      job = b.build();
    } catch (IllegalArgumentException
        | NullPointerException
        | UncheckedIOException
        | ConfigException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    try {
      if (!streaming) {
        JobReport report;
        try (Progress progress = Progress.ticking("pipeline (Flink job on a local MiniCluster)")) {
          report = job.run();
        }
        print(report);
        return 0;
      }
      RunningScoringJob running = job.start();
      Thread stopper = new Thread(() -> print(running.stop()), "markwatch-pipeline-stop");
      Runtime.getRuntime().addShutdownHook(stopper);
      System.err.printf(
          Locale.ROOT,
          "reading %s, conf %s checked every %d ms (Ctrl-C to stop)%n",
          kafka != null
              ? "Kafka "
                  + kafka
                  + " topic "
                  + topic
                  + " (group "
                  + group
                  + ")"
                  + (spoolDir != null ? " and " + spoolDir : "")
              : spoolDir + " every " + poll.toMillis() + " ms",
          ConfLocation.confDir(conf).toAbsolutePath(),
          reloadEvery.toMillis());
      running.await();
      return 0;
    } catch (ConfigException | JobFailedException e) {
      System.err.println(e.getMessage());
      return 1;
    }
  }

  private static void print(JobReport r) {
    System.out.printf(
        Locale.ROOT,
        "read %d, valid %d, stored %d, flagged %d, current verdicts replaced %d, dead letters %d (%s) in %.1f s%n",
        r.read(),
        r.valid(),
        r.stored(),
        r.flagged(),
        r.currentVerdicts(),
        r.deadLetters(),
        r.deadLetterFile(),
        r.elapsed().toMillis() / 1000.0);
  }

  /** "500ms", "2s", "1m", or an ISO-8601 duration ("PT2S"). */
  static final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    @Override
    public Duration convert(String value) {
      Matcher m = SHORT.matcher(value.strip().toLowerCase(Locale.ROOT));
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          default -> Duration.ofHours(n);
        };
      }
      return Duration.parse(value.strip().toUpperCase(Locale.ROOT));
    }
  }
}
