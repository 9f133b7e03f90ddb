package org.markwatch.app;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.markwatch.app.crawl.DatabaseFrontier;
import org.markwatch.crawler.CrawlReport;
import org.markwatch.crawler.CrawlSettings;
import org.markwatch.crawler.CrawlTally;
import org.markwatch.crawler.Crawler;
import org.markwatch.crawler.LiveProgressListener;
import org.markwatch.crawler.PrintingProgressListener;
import org.markwatch.crawler.ProgressListener;
import org.markwatch.crawler.SourceReport;
import org.markwatch.crawler.extract.Extraction;
import org.markwatch.crawler.sink.KafkaSink;
import org.markwatch.crawler.sink.SpoolSink;
import org.markwatch.crawler.source.Source;
import org.markwatch.crawler.source.SourceConfigException;
import org.markwatch.crawler.source.SourceLoader;
import org.markwatch.storage.CrawlRun;
import org.markwatch.storage.CrawlRunDetailsStore;
import org.markwatch.storage.CrawlRunSource;
import org.markwatch.storage.CrawlRunStore;
import org.markwatch.storage.Database;
import org.markwatch.storage.DatabaseSettings;
import org.markwatch.storage.StorageException;
import org.markwatch.storage.frontier.FrontierStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code markwatch crawl}: crawls configured sources ({@code conf/sources/*.yaml}) into spool
 * files, shows progress, stores the run summary in {@code crawl_runs} (+ {@code crawl_run_sources},
 * {@code crawl_run_counts}) and prints it. Exit status: 0 when every source fetched something, 1
 * when a source failed entirely (nothing fetched, or skipped), 2 for bad input.
 */
@Command(
    name = "crawl",
    mixinStandardHelpOptions = true,
    subcommands = CrawlReportCommand.class,
    description = {
      "Crawl configured sources (conf/sources/*.yaml) into spool files and record the run.",
      "Exit status 1 when a source failed entirely, 2 for a bad command line or source file."
    })
final class CrawlCommand implements Callable<Integer> {
  // 0..1 so that `crawl report` needs neither; call() asks for one
  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Selection selection;

  static final class Selection {
    @Option(
        names = "--source",
        paramLabel = "ID",
        required = true,
        description = "A source id to crawl (repeatable).")
    List<String> ids;

    @Option(
        names = "--all",
        required = true,
        description = "Crawl every enabled source whose variables are known.")
    boolean all;
  }

  @Option(
      names = "--max-pages",
      paramLabel = "N",
      description =
          "Page budget of each source in this run (all its workers together), instead of its"
              + " maxPages.")
  Integer maxPages;

  @Option(
      names = "--sink",
      paramLabel = "KIND",
      defaultValue = "spool",
      description = {
        "Where listings go (default: ${DEFAULT-VALUE}): spool (JSON-lines files under DATA/spool/RUN)",
        "or kafka (topic markwatch.listings at --kafka; what Kafka does not take goes to DATA/spool/RUN-undelivered",
        "and the run fails)."
      })
  String sink;

  @Option(
      names = "--kafka",
      paramLabel = "HOST:PORT",
      description =
          "Kafka bootstrap servers for --sink kafka (default: $MARKWATCH_KAFKA_BOOTSTRAP).")
  String kafka;

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
      description =
          "A value for ${NAME} in source seeds and hosts (repeatable); sources needing others are set aside.")
  Map<String, String> vars = new LinkedHashMap<>();

  @Option(
      names = "--embedded",
      description = "Use the embedded H2 database under --data even when MARKWATCH_DB_URL is set.")
  boolean embedded;

  @Option(
      names = "--threads",
      defaultValue = "4",
      description = "Hosts crawled in parallel (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--run-id",
      paramLabel = "ID",
      description =
          "Crawl run id (default: crawl-<UTC time>-<pid>). Workers started with the same id share"
              + " each source's page budget (maxPages counts the run's pages, not each worker's).")
  String runId;

  @Option(
      names = "--lease-seconds",
      paramLabel = "S",
      defaultValue = "120",
      description = {
        "How long a worker holds a host of the shared frontier without renewing it (default:"
            + " ${DEFAULT-VALUE}); after a crash, another worker takes the host and its unfinished"
            + " URLs over once this has passed."
      })
  int leaseSeconds;

  /** For the global {@code --verbose} (an inherited option of {@link Main}). */
  @picocli.CommandLine.ParentCommand Main main;

  /** Test mode only: lets sources on 127.0.0.1 be fetched. Hidden: real crawls never need it. */
  @Option(names = "--allow-loopback", hidden = true)
  boolean allowLoopback;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    PrintStream err = System.err;
    try {
      if (selection == null) {
        err.println(
            "markwatch crawl: name the sources: --source ID (repeatable) or --all"
                + " (or `markwatch crawl report` for a morning report)");
        return 2;
      }
      if (!"spool".equals(sink) && !"kafka".equals(sink)) {
        err.println("markwatch crawl: --sink must be spool or kafka, got '" + sink + "'");
        return 2;
      }
      String bootstrap = kafka != null ? kafka : System.getenv("MARKWATCH_KAFKA_BOOTSTRAP");
      if ("kafka".equals(sink) && (bootstrap == null || bootstrap.isBlank())) {
        err.println(
            "markwatch crawl: --sink kafka needs --kafka HOST:PORT or MARKWATCH_KAFKA_BOOTSTRAP");
        return 2;
      }
      if (maxPages != null && maxPages < 1) {
        err.println("markwatch crawl: --max-pages must be at least 1, got " + maxPages);
        return 2;
      }
      Path confDir = ConfLocation.confDir(conf);
      SourceLoader.Loaded loaded = SourceLoader.loadAvailable(confDir, vars);
      List<Source> sources = select(loaded);
      if (sources == null) {
        return 2;
      }
      if (leaseSeconds < 2) {
        err.println("markwatch crawl: --lease-seconds must be at least 2, got " + leaseSeconds);
        return 2;
      }
      Clock clock = Clock.systemUTC();
      Instant started = clock.instant();
      // workers started in the same second get different ids: the pid tells them apart
      String id =
          runId != null
              ? runId
              : "crawl-"
                  + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                      .withZone(ZoneOffset.UTC)
                      .format(started)
                  + "-"
                  + ProcessHandle.current().pid();
      Path dataDir = data.toAbsolutePath().normalize();
      Path spool = dataDir.resolve("spool").resolve(id);
      DatabaseSettings db =
          embedded
              ? DatabaseSettings.h2File(dataDir.resolve("db"))
              : DatabaseSettings.fromEnvironment(System.getenv(), dataDir.resolve("db"));
      CrawlSettings settings =
          CrawlSettings.builder(dataDir.resolve("evidence"), spool)
              .allowLoopback(allowLoopback)
              .threads(threads)
              .clock(clock)
              .crawlRunId(id)
              .build();

      try (Database database = Database.open(db)) {
        FrontierStore frontier = FrontierStore.of(database);
        sources = due(sources, frontier, started, err);
        if (sources.isEmpty()) {
          out.println("markwatch crawl: nothing is due; no page fetched");
          return 0;
        }
        DatabaseFrontier.Stats revisits = new DatabaseFrontier.Stats();
        String worker = workerName(id);
        CrawlRunStore runs = new CrawlRunStore(database.dataSource());
        CrawlRun run = CrawlRun.started(id, started, sources.stream().map(Source::id).toList());
        runs.start(run);
        CrawlTally tally = new CrawlTally();
        ProgressListener shown =
            System.console() != null
                ? new LiveProgressListener(err, tally)
                : new PrintingProgressListener(err, 100);
        Crawler crawler =
            "kafka".equals(sink)
                ? new Crawler(
                    settings,
                    Extraction::extract,
                    s ->
                        new KafkaSink(
                            KafkaSink.Settings.of(bootstrap),
                            new SpoolSink(
                                spool.resolveSibling(id + "-undelivered"), id, s.spoolRollEvery())))
                : new Crawler(settings);
        crawler =
            crawler.withFrontiers(
                s ->
                    new DatabaseFrontier(
                        frontier,
                        s,
                        worker,
                        id,
                        java.time.Duration.ofSeconds(leaseSeconds),
                        clock,
                        revisits));
        CrawlReport report;
        try {
          report = crawler.run(sources, tally.listener(shown));
        } catch (KafkaSink.SinkException e) {
          runs.finish(
              run.finished(
                  clock.instant(),
                  CrawlRun.Status.FAILED,
                  (int) tally.pages(),
                  0,
                  (int) tally.listings(),
                  e.getMessage()));
          err.println("markwatch crawl: " + e.getMessage());
          return 1;
        }
        List<CrawlRunSource> details = report.sources().stream().map(s -> detail(id, s)).toList();
        boolean failed = details.stream().anyMatch(d -> d.status() != CrawlRunSource.Status.OK);
        runs.finish(
            run.finished(
                clock.instant(),
                failed ? CrawlRun.Status.FAILED : CrawlRun.Status.FINISHED,
                report.pagesFetched(),
                report.pagesFailed(),
                report.listingsEmitted(),
                note(report)));
        new CrawlRunDetailsStore(database.dataSource())
            .save(
                id,
                details,
                Map.of(
                    CrawlRunDetailsStore.OUTCOME,
                    tally.byOutcome(),
                    CrawlRunDetailsStore.ERROR,
                    tally.errorsByClass()));
        printSummary(sink, out, report, details, tally, loaded.setAside(), spool, db);
        out.printf(
            Locale.ROOT,
            "  re-visits       %d listings seen again, %d noticed removed%n",
            revisits.seenAgain.get(),
            revisits.removed.get());
        return failed ? 1 : 0;
      }
    } catch (SourceConfigException e) {
      return fail(err, e, e.getMessage() + " (fix the file and run again)");
    } catch (IllegalArgumentException e) {
      return fail(err, e, e.getMessage());
    } catch (StorageException | UncheckedIOException e) {
      return fail(err, e, e.getMessage());
    }
  }

  /**
   * The sources with something due in the durable frontier (a source it does not know yet is due:
   * its seeds are new); the others are named with the time their next URL is due.
   */
  static List<Source> due(
      List<Source> sources, FrontierStore frontier, Instant now, PrintStream err) {
    List<Source> due = new ArrayList<>();
    for (Source s : sources) {
      java.util.Optional<Instant> next = frontier.nextDue(s.id());
      if (next.isPresent() && next.get().isAfter(now)) {
        err.println(
            "markwatch crawl: "
                + s.id()
                + ": nothing due before "
                + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                    .withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                    .format(next.get())
                + " (Asia/Ho_Chi_Minh); its pages wait for their re-visit");
      } else {
        due.add(s);
      }
    }
    return due;
  }

  /** This process's name in frontier leases: host, pid and run. */
  static String workerName(String runId) {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "localhost";
    }
    String name = host + "/" + ProcessHandle.current().pid() + "/" + runId;
    return name.length() <= 128 ? name : name.substring(0, 128);
  }

  /** The sources asked for, or null after printing why the selection is wrong. */
  private List<Source> select(SourceLoader.Loaded loaded) {
    Map<String, Source> byId = new LinkedHashMap<>();
    loaded.sources().forEach(s -> byId.put(s.id(), s));
    List<Source> chosen = new ArrayList<>();
    if (selection.all) {
      chosen.addAll(byId.values());
      loaded.setAside().forEach(a -> System.err.println("markwatch crawl: set aside " + a));
    } else {
      for (String want : selection.ids) {
        Source s = byId.get(want);
        if (s == null) {
          var aside = loaded.setAside().stream().filter(a -> a.id().equals(want)).findFirst();
          System.err.println(
              "markwatch crawl: "
                  + (aside.isPresent()
                      ? "source " + aside.get()
                      : "no enabled source '"
                          + want
                          + "'; known: "
                          + String.join(", ", byId.keySet())));
          return null;
        }
        chosen.add(s);
      }
    }
    if (chosen.isEmpty()) {
      System.err.println(
          "markwatch crawl: no source to crawl (every source is disabled or needs --var)");
      return null;
    }
    return maxPages == null ? chosen : chosen.stream().map(s -> s.withMaxPages(maxPages)).toList();
  }

  /**
   * A source failed entirely when it fetched nothing: skipped, unreachable, every page an error.
   */
  static CrawlRunSource detail(String runId, SourceReport r) {
    CrawlRunSource.Status status =
        r.skipped() != null
            ? CrawlRunSource.Status.SKIPPED
            : r.pagesFetched() == 0 ? CrawlRunSource.Status.FAILED : CrawlRunSource.Status.OK;
    String note =
        r.skipped() != null
            ? r.skipped()
            : status == CrawlRunSource.Status.FAILED
                ? "no page could be fetched (" + r.pagesFailed() + " failed)"
                : null;
    return new CrawlRunSource(
        runId,
        r.sourceId(),
        r.platform(),
        r.fetchMode(),
        status,
        r.pagesFetched(),
        r.pagesFailed(),
        r.blockedByRobots(),
        r.redirects(),
        r.retries(),
        r.listingsEmitted(),
        r.extractionErrors(),
        r.bytesFetched(),
        r.elapsedMs(),
        note);
  }

  private static String note(CrawlReport report) {
    String joined = String.join("; ", report.notices());
    return joined.length() <= 2000 ? joined : joined.substring(0, 1997) + "...";
  }

  private static void printSummary(
      String sinkKind,
      PrintStream out,
      CrawlReport report,
      List<CrawlRunSource> details,
      CrawlTally tally,
      List<SourceLoader.SetAside> setAside,
      Path spool,
      DatabaseSettings db) {
    double seconds = report.wallTimeMs() / 1000.0;
    out.println();
    out.println("markwatch crawl " + report.crawlRunId() + ": summary");
    out.printf(
        Locale.ROOT,
        "  duration        %.1f s, %.1f pages/s%n",
        seconds,
        seconds <= 0 ? 0.0 : report.pagesFetched() / seconds);
    out.printf(
        Locale.ROOT,
        "  pages           %d fetched, %d failed, %d not fetched because of robots.txt%n",
        report.pagesFetched(),
        report.pagesFailed(),
        report.blockedByRobots());
    out.println("  pages by status " + format(tally.byOutcome()));
    out.println(
        "  errors by class "
            + (tally.errorsByClass().isEmpty() ? "none" : format(tally.errorsByClass())));
    out.printf(Locale.ROOT, "  listings found  %d%n", report.listingsEmitted());
    for (CrawlRunSource d : details) {
      out.printf(
          Locale.ROOT,
          "    %-20s %-7s %-7s %6d pages %5d failed %6d listings %7.1f s%s%n",
          d.sourceId(),
          d.fetchMode(),
          d.status().id(),
          d.pagesFetched(),
          d.pagesFailed(),
          d.listingsFound(),
          d.elapsedMs() / 1000.0,
          d.note() == null ? "" : "  " + d.note());
    }
    setAside.forEach(a -> out.println("    set aside: " + a));
    out.println(
        "kafka".equals(sinkKind)
            ? "  sink            Kafka topic " + KafkaSink.DEFAULT_TOPIC
            : "  spool           " + spool + " (" + report.spoolFiles().size() + " file(s))");
    out.println("  stored in       crawl_runs of " + db.url());
    report.notices().forEach(n -> out.println("  note: " + n));
  }

  private static String format(Map<String, Long> counts) {
    return new TreeMap<>(counts)
        .entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "));
  }

  private int fail(PrintStream err, Exception e, String message) {
    err.println("markwatch crawl: " + message);
    if (main != null && main.verbose) {
      e.printStackTrace(err);
    }
    return 2;
  }
}
