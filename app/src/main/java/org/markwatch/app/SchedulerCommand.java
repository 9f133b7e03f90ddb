package org.markwatch.app;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.markwatch.app.schedule.CrawlSchedules;
import org.markwatch.app.schedule.MorningReportWriter;
import org.markwatch.crawler.source.Source;
import org.markwatch.crawler.source.SourceConfigException;
import org.markwatch.crawler.source.SourceLoader;
import org.markwatch.storage.Database;
import org.markwatch.storage.DatabaseSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code markwatch scheduler}: runs the {@code schedule:} of every source (cron, Asia/Ho_Chi_Minh)
 * until stopped, through db-scheduler on the central database ({@link CrawlSchedules}), so any
 * number of instances share the work and never run one crawl twice. A scheduled run is {@code
 * markwatch crawl --source ID --run-id sched-ID-TIME}, then (unless {@code --no-score}) {@code
 * markwatch pipeline --spool} over its spool files, then the morning report, stored in {@code
 * morning_reports} and printed by {@code markwatch crawl report}.
 */
@Command(
    name = "scheduler",
    mixinStandardHelpOptions = true,
    description = {
      "Run the sources' schedules (schedule: cron in Asia/Ho_Chi_Minh) until stopped; several"
          + " instances on one database never run the same crawl twice.",
      "Missed runs: a run missed by at most --catch-up-hours runs once when an instance is up;"
          + " older ones are skipped to the next occurrence."
    })
final class SchedulerCommand implements Callable<Integer> {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "./markwatch-data",
      description = "Data directory: database, evidence, spool files (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(
      names = "--conf",
      paramLabel = "DIR",
      description = "Configuration directory (default: the installation's conf).")
  Path conf;

  @Option(
      names = "--var",
      paramLabel = "NAME=VALUE",
      description = "A value for ${NAME} in source seeds and hosts (repeatable).")
  Map<String, String> vars = new LinkedHashMap<>();

  @Option(
      names = "--catch-up-hours",
      paramLabel = "H",
      defaultValue = "6",
      description =
          "A run missed (no instance up) by at most this many hours runs once when an instance"
              + " starts; older ones are skipped (default: ${DEFAULT-VALUE}).")
  int catchUpHours;

  @Option(
      names = "--score",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Score each scheduled run's listings (markwatch pipeline --spool) before its morning"
              + " report (default: on).")
  boolean score;

  /** Tests: how often an instance looks for due runs. */
  @Option(names = "--poll-ms", hidden = true, defaultValue = "10000")
  long pollMs;

  /** Test mode only: lets sources on 127.0.0.1 be fetched. */
  @Option(names = "--allow-loopback", hidden = true)
  boolean allowLoopback;

  @Override
  public Integer call() throws Exception {
    Path confDir = ConfLocation.confDir(conf);
    DatabaseSettings db = DatabaseChoice.fromEnvironment(data);
    try (Database database = Database.open(db);
        CrawlSchedules schedules =
            start(
                new Settings(confDir, data, vars, score, allowLoopback, catchUpHours, pollMs),
                database.dataSource(),
                System.out)) {
      System.out.println("markwatch scheduler: running; Ctrl-C to stop");
      CountDownLatch forever = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(forever::countDown));
      forever.await();
    }
    return 0;
  }

  /** What a scheduler instance needs besides the database. */
  record Settings(
      Path conf,
      Path data,
      Map<String, String> vars,
      boolean score,
      boolean allowLoopback,
      int catchUpHours,
      long pollMs) {}

  /**
   * Starts a scheduler instance over the scheduled sources of {@code conf} ({@code serve
   * --scheduler} uses it too) and prints each schedule with its next run.
   *
   * @throws CommandFailure when no source has a schedule or a schedule is not a valid cron
   */
  static CrawlSchedules start(Settings s, DataSource dataSource, PrintStream out) {
    List<CrawlSchedules.Entry> entries = new ArrayList<>();
    try {
      for (Source source : SourceLoader.loadAvailable(s.conf(), s.vars()).sources()) {
        if (source.schedule() != null && !source.schedule().equals("-")) {
          entries.add(new CrawlSchedules.Entry(source.id(), source.schedule(), source.file()));
        }
      }
    } catch (SourceConfigException e) {
      throw new CommandFailure(e.getMessage() + " (fix the file and run again)", e);
    }
    if (entries.isEmpty()) {
      throw new CommandFailure(
          "no enabled source in "
              + s.conf()
              + " has a schedule; add e.g. schedule: '0 0 2 * * *' (02:00 every day,"
              + " Asia/Ho_Chi_Minh) to a source");
    }
    Instant now = Instant.now();
    for (CrawlSchedules.Entry e : entries) {
      try {
        out.println(
            "  "
                + e.sourceId()
                + "  '"
                + e.cron()
                + "'  next "
                + CrawlSchedules.format(CrawlSchedules.next(e, now))
                + " (Asia/Ho_Chi_Minh)");
      } catch (IllegalArgumentException bad) {
        throw new CommandFailure(bad.getMessage(), bad);
      }
    }
    String name = CrawlCommand.workerName("scheduler");
    CrawlSchedules schedules =
        new CrawlSchedules(
            dataSource,
            entries,
            (sourceId, due) -> runScheduled(s, dataSource, sourceId, due, out),
            name,
            Duration.ofMillis(s.pollMs()),
            Duration.ofHours(s.catchUpHours()),
            Clock.systemUTC(),
            out);
    schedules.start();
    return schedules;
  }

  /**
   * The run id of a scheduled crawl: the same for the same due time, so a revived run reuses it.
   */
  static String runId(String sourceId, Instant due) {
    String id =
        "sched-"
            + sourceId
            + "-"
            + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm")
                .withZone(CrawlSchedules.ZONE)
                .format(due);
    return id.length() <= 64 ? id : id.substring(id.length() - 64);
  }

  /** One scheduled run: crawl, score (optional), morning report. */
  static void runScheduled(
      Settings s, DataSource dataSource, String sourceId, Instant due, PrintStream out) {
    String runId = runId(sourceId, due);
    List<String> crawl =
        new ArrayList<>(
            List.of(
                "crawl",
                "--source",
                sourceId,
                "--run-id",
                runId,
                "--conf",
                s.conf().toString(),
                "--data",
                s.data().toString()));
    s.vars().forEach((k, v) -> crawl.add("--var=" + k + "=" + v));
    if (s.allowLoopback()) {
      crawl.add("--allow-loopback");
    }
    int status = Main.run(crawl.toArray(String[]::new));
    Path spool = s.data().toAbsolutePath().normalize().resolve("spool").resolve(runId);
    if (s.score() && Files.isDirectory(spool)) {
      Main.run(
          "pipeline",
          "--spool",
          spool.toString(),
          "--data",
          s.data().toString(),
          "--conf",
          s.conf().toString());
    }
    new MorningReportWriter(dataSource)
        .write(runId, Instant.now())
        .ifPresentOrElse(
            r ->
                out.println(
                    "markwatch scheduler: " + r.title() + " (crawl exit status " + status + ")"),
            () -> out.println("markwatch scheduler: " + sourceId + ": nothing crawled, no report"));
  }
}
