package org.markwatch.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.markwatch.app.ConfLocation;
import org.markwatch.app.DatabaseChoice;
import org.markwatch.app.PluggableCommand;
import org.markwatch.app.PortalLogins;
import org.markwatch.app.PortalServer;
import org.markwatch.crawler.CrawlReport;
import org.markwatch.crawler.CrawlSettings;
import org.markwatch.crawler.Crawler;
import org.markwatch.crawler.PrintingProgressListener;
import org.markwatch.crawler.source.Source;
import org.markwatch.crawler.source.SourceLoader;
import org.markwatch.model.progress.Progress;
import org.markwatch.pipeline.JobReport;
import org.markwatch.pipeline.ScoringJob;
import org.markwatch.storage.CrawlRun;
import org.markwatch.storage.CrawlRunStore;
import org.markwatch.storage.Database;
import org.markwatch.storage.DatabaseSettings;
import org.markwatch.storage.Summary;
import org.markwatch.storage.SummaryQuery;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code markwatch demo}: the whole flow on the embedded default. Serves the generated demo world
 * on 127.0.0.1, crawls it, scores the listings in the Flink job on a MiniCluster, stores them in
 * the embedded H2 database, prints a summary and serves the portal.
 *
 * <p>The demo world is a fixed moment: its clock and crawl run id come from the seed, so a second
 * run over the same data directory stores exactly the same rows.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Crawl the bundled demo world, score it in Flink, store it and serve the portal.")
public final class DemoCommand implements Callable<Integer>, PluggableCommand {
  @Option(
      names = "--no-serve",
      description = "Exit after the summary instead of serving the portal.")
  boolean noServe;

  @Option(
      names = "--seed",
      description = "Seed of the generated demo world (default: ${DEFAULT-VALUE}).",
      defaultValue = "2026")
  long seed;

  @Option(
      names = "--data",
      description = "Data directory: database, evidence, spool files (default: ${DEFAULT-VALUE}).",
      defaultValue = "./markwatch-data")
  Path data;

  @Option(
      names = "--conf",
      description = "Configuration directory (default: the installation's conf).")
  Path conf;

  @Option(
      names = "--port",
      description = "Portal port (default: ${DEFAULT-VALUE}; 0 picks a free one).",
      defaultValue = "8080")
  int port;

  @Option(
      names = "--site-port",
      description =
          "First of the three ports the demo world is served on, so its URLs "
              + "stay the same between runs (default: ${DEFAULT-VALUE}; 0 picks free ones).",
      defaultValue = "47011")
  int sitePort;

  @Option(
      names = "--embedded",
      description =
          "Use the embedded H2 database under --data even when " + "MARKWATCH_DB_URL is set.")
  boolean embedded;

  @Option(
      names = "--parallelism",
      description = "Flink parallelism (default: ${DEFAULT-VALUE}).",
      defaultValue = "2")
  int parallelism;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    long started = System.nanoTime();
    // First thing, so the one-time passwords are on the console before the crawl and the scoring.
    PortalLogins logins = noServe ? null : PortalLogins.settle(System.getenv(), System.err);
    Path dataDir = data.toAbsolutePath().normalize();
    Path confDir = ConfLocation.confDir(conf);
    DemoWorld world = DemoWorld.generate(seed);
    String runId = "demo-" + seed;
    Path spool = dataDir.resolve("spool").resolve(runId);
    Path evidence = dataDir.resolve("evidence");
    DatabaseSettings db =
        embedded
            ? DatabaseSettings.h2File(dataDir.resolve("db"))
            : DatabaseChoice.fromEnvironment(dataDir);

    DemoSite site = DemoSite.start(world, sitePort);
    try {
      out.println(
          "Demo world (seed "
              + seed
              + ", "
              + world.listings().size()
              + " listings) served at "
              + String.join(" ", site.baseUrls().values()));
      List<Source> sources =
          SourceLoader.loadFile(confDir.resolve("sources/demo.yaml"), site.baseUrls());

      // A fresh spool per run: the job reads exactly what this crawl wrote.
      deleteRecursively(spool);
      Clock worldClock =
          Clock.fixed(Instant.from(OffsetDateTime.parse(world.now())), ZoneOffset.UTC);
      CrawlSettings settings =
          CrawlSettings.builder(evidence, spool)
              .allowLoopback(true) // the demo world lives on 127.0.0.1; real crawls never allow it
              .clock(worldClock)
              .crawlRunId(runId)
              .build();
      CrawlReport crawl =
          new Crawler(settings).run(sources, new PrintingProgressListener(System.err, 50));

      JobReport job;
      Summary summary;
      try (Database database = Database.open(db)) {
        CrawlRunStore runs = new CrawlRunStore(database.dataSource());
        runs.save(
            CrawlRun.started(runId, worldClock.instant(), sources.stream().map(Source::id).toList())
                .finished(
                    worldClock.instant(),
                    CrawlRun.Status.FINISHED,
                    crawl.pagesFetched(),
                    crawl.pagesFailed(),
                    crawl.listingsEmitted(),
                    String.join("; ", crawl.notices())));
        System.err.printf(
            Locale.ROOT,
            "score    %d listings on a Flink MiniCluster (parallelism %d)...%n",
            crawl.listingsEmitted(),
            parallelism);
        try (Progress progress = Progress.ticking("score")) {
          job =
              ScoringJob.builder()
                  .spoolDir(spool)
                  .deadLetterFile(dataDir.resolve("dead-letters").resolve(runId + ".jsonl"))
                  .database(db)
                  .detectorConfig(ConfLocation.detectorConfig(confDir, null, null))
                  .parallelism(parallelism)
                  .build()
                  .run();
        }
        summary = new SummaryQuery(database.dataSource()).summary();
      }
      printSummary(out, crawl, job, summary, db, System.nanoTime() - started);

      if (noServe) {
        return 0;
      }
      ConfigurableApplicationContext portal =
          PortalServer.start(db, evidence, "127.0.0.1", port, logins);
      out.println();
      out.println(
          "Portal: "
              + PortalServer.localUrl(portal, "127.0.0.1")
              + "  (sign in as 'analyst' or 'operator' with "
              + "the passwords printed at the start; Ctrl-C to stop)");
      PortalServer.serveUntilStopped(portal, site);
      return 0;
    } finally {
      if (noServe) {
        site.close();
      }
    }
  }

  private static void printSummary(
      PrintStream out,
      CrawlReport crawl,
      JobReport job,
      Summary summary,
      DatabaseSettings db,
      long wallNanos) {
    out.println();
    out.println("markwatch demo: summary");
    out.printf(
        Locale.ROOT,
        "  pages fetched   %d (%d failed, %d not fetched because of robots.txt)%n",
        crawl.pagesFetched(),
        crawl.pagesFailed(),
        crawl.blockedByRobots());
    crawl
        .sources()
        .forEach(
            s ->
                out.printf(
                    Locale.ROOT,
                    "    %-14s %-8s %4d pages  %4d listings%s%n",
                    s.sourceId(),
                    s.fetchMode(),
                    s.pagesFetched(),
                    s.listingsEmitted(),
                    s.skipped() == null ? "" : "  skipped: " + s.skipped()));
    out.printf(
        Locale.ROOT,
        "  listings        %d crawled, %d stored, %d refused (dead letters: %s)%n",
        crawl.listingsEmitted(),
        job.stored(),
        job.deadLetters(),
        job.deadLetters() == 0 ? "none" : job.deadLetterFile());
    out.printf(
        Locale.ROOT,
        "  in the database %d listings, %d flagged for review%n",
        summary.listings(),
        summary.flagged());
    out.println("  flagged per violation type");
    summary
        .flaggedByViolation()
        .forEach(v -> out.printf(Locale.ROOT, "    %-20s %4d%n", v.key(), v.count()));
    out.println("  top flagged sellers");
    summary.topFlaggedSellers().stream()
        .limit(5)
        .forEach(
            s ->
                out.printf(
                    Locale.ROOT,
                    "    %3d of %3d  %s (%s)%n",
                    s.flagged(),
                    s.listings(),
                    s.name() == null ? "?" : s.name(),
                    s.sellerId()));
    out.printf(
        Locale.ROOT,
        "  wall time       %.1f s (crawl %.1f s, scoring %.1f s)%n",
        wallNanos / 1e9,
        crawl.wallTimeMs() / 1000.0,
        job.elapsed().toMillis() / 1000.0);
    out.println("  database        " + db.url());
    crawl.notices().forEach(n -> out.println("  note: " + n));
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException("cannot clear " + p, e);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + dir, e);
    }
  }
}
