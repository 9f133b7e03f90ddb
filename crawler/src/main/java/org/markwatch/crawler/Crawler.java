package org.markwatch.crawler;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.markwatch.crawler.browser.BrowserFetcher;
import org.markwatch.crawler.browser.Chromium;
import org.markwatch.crawler.evidence.EvidenceRefLog;
import org.markwatch.crawler.evidence.EvidenceStore;
import org.markwatch.crawler.evidence.WarcArchive;
import org.markwatch.crawler.extract.Extraction;
import org.markwatch.crawler.fetch.Fetcher;
import org.markwatch.crawler.fetch.FetcherRouter;
import org.markwatch.crawler.fetch.StaticFetcher;
import org.markwatch.crawler.net.AddressGuard;
import org.markwatch.crawler.politeness.HostGate;
import org.markwatch.crawler.robots.RobotsCache;
import org.markwatch.crawler.robots.RobotsPolicy;
import org.markwatch.crawler.sink.Sink;
import org.markwatch.crawler.sink.SpoolSink;
import org.markwatch.crawler.source.FetchMode;
import org.markwatch.crawler.source.Source;

/**
 * Runs a crawl: sources that share a host (seeds or allowed hosts) are crawled one after the other
 * on one thread; different hosts run in parallel on up to {@link CrawlSettings#threads()} threads.
 * Listings go to a {@link Sink} (by default a {@link SpoolSink} in {@link
 * CrawlSettings#spoolDir()}), evidence to an {@link EvidenceStore} in {@link
 * CrawlSettings#evidenceDir()}. Browser sources are skipped with a notice when Chromium is missing;
 * the static ones still run.
 *
 * <pre>{@code
 * List<Source> sources = SourceLoader.loadFile(Path.of("conf/sources/demo.yaml"), Map.of("demo.chosi", base));
 * CrawlReport report = new Crawler(CrawlSettings.builder(evidence, spool).allowLoopback(true).build())
 *     .run(sources, ProgressListener.NONE);
 * }</pre>
 */
public final class Crawler {
  private final CrawlSettings settings;
  private final ListingExtractor extractor;
  private final Function<CrawlSettings, Sink> sinks;
  private final FrontierFactory frontiers;

  /** A crawler that extracts listings with {@link Extraction#extract} and spools them to files. */
  public Crawler(CrawlSettings settings) {
    this(settings, Extraction::extract);
  }

  /** A crawler with another extractor (e.g. a test's, or a future per-platform one). */
  public Crawler(CrawlSettings settings, ListingExtractor extractor) {
    this(settings, extractor, Crawler::spool);
  }

  /**
   * A crawler writing to another sink (e.g. a Kafka topic). {@code sinks} is called once per {@link
   * #run}; the run closes the sink it got.
   */
  public Crawler(
      CrawlSettings settings, ListingExtractor extractor, Function<CrawlSettings, Sink> sinks) {
    this(settings, extractor, sinks, FrontierFactory.IN_MEMORY);
  }

  private Crawler(
      CrawlSettings settings,
      ListingExtractor extractor,
      Function<CrawlSettings, Sink> sinks,
      FrontierFactory frontiers) {
    this.settings = settings;
    this.extractor = extractor;
    this.sinks = sinks;
    this.frontiers = frontiers;
  }

  /**
   * This crawler with other frontiers, e.g. the durable one in the database that several worker
   * processes share ({@code markwatch crawl}); the default keeps each source's frontier in memory
   * for one run.
   */
  public Crawler withFrontiers(FrontierFactory frontiers) {
    return new Crawler(settings, extractor, sinks, frontiers);
  }

  /** The default sink: JSON-lines spool files in {@link CrawlSettings#spoolDir()}. */
  public static Sink spool(CrawlSettings settings) {
    return new SpoolSink(settings.spoolDir(), settings.crawlRunId(), settings.spoolRollEvery());
  }

  /**
   * Crawls {@code sources} to the end (page budgets, empty frontiers). Site failures never throw:
   * they are counted in the report. A source that fails unexpectedly is reported as skipped with
   * the error and the others go on.
   */
  public CrawlReport run(List<Source> sources, ProgressListener listener) {
    long start = System.nanoTime();
    String startedAt = java.time.Instant.now(settings.clock()).toString();
    List<String> notices = Collections.synchronizedList(new ArrayList<>());
    ProgressListener progress = new NoticeRecorder(listener, notices);
    progress.runStarted(settings.crawlRunId(), sources);

    boolean needBrowser = sources.stream().anyMatch(s -> s.fetchMode() == FetchMode.BROWSER);
    boolean haveBrowser = Chromium.available(settings.chromium());
    if (needBrowser && !haveBrowser) {
      progress.notice(
          Chromium.MISSING_MESSAGE + " (browser sources are skipped, the static ones still run)");
    }
    AddressGuard guard = new AddressGuard(settings.allowLoopback());
    Map<FetchMode, Fetcher> fetchers = new EnumMap<>(FetchMode.class);
    StaticFetcher staticFetcher =
        new StaticFetcher(guard, settings.fetchLimits(), settings.userAgent());
    fetchers.put(FetchMode.STATIC, staticFetcher);
    if (needBrowser && haveBrowser) {
      fetchers.put(
          FetchMode.BROWSER,
          new BrowserFetcher(
              settings.chromium(), settings.userAgent(), guard, settings.fetchLimits().maxBytes()));
    }
    Map<String, SourceReport> reports = new LinkedHashMap<>();
    Sink sink = sinks.apply(settings);
    Path warcDir = settings.evidenceDir().resolve("warc");
    WarcArchive warc =
        settings.warcRotateBytes() == 0
            ? null
            : new WarcArchive(warcDir, settings.crawlRunId(), settings.warcRotateBytes());
    EvidenceRefLog refs =
        warc == null
            ? null
            : new EvidenceRefLog(warcDir.resolve(settings.crawlRunId() + "-refs.jsonl"));
    try (FetcherRouter router = new FetcherRouter(fetchers);
        warc;
        refs) {
      CrawlServices services =
          new CrawlServices(
              settings,
              router,
              new RobotsCache(
                  staticFetcher, new RobotsPolicy(RobotsPolicy.agentName(settings.userAgent()))),
              new HostGate(),
              new EvidenceStore(settings.evidenceDir()),
              warc,
              refs,
              sink,
              extractor,
              progress);
      List<List<Source>> groups = groupBySharedHosts(sources);
      ExecutorService pool =
          Executors.newFixedThreadPool(
              Math.max(1, Math.min(settings.threads(), groups.size())),
              r -> new Thread(r, "markwatch-crawl"));
      try {
        List<Future<List<SourceReport>>> futures = new ArrayList<>();
        for (List<Source> group : groups) {
          futures.add(pool.submit(() -> crawlGroup(group, services, haveBrowser, frontiers)));
        }
        for (Future<List<SourceReport>> f : futures) {
          for (SourceReport r : f.get()) {
            reports.put(r.sourceId(), r);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        pool.shutdownNow();
      } catch (ExecutionException e) {
        throw new IllegalStateException("crawl thread failed", e.getCause());
      } finally {
        pool.shutdownNow();
      }
    } finally {
      sink.close();
    }
    List<SourceReport> ordered = new ArrayList<>();
    for (Source s : sources) {
      if (reports.containsKey(s.id())) {
        ordered.add(reports.get(s.id()));
      }
    }
    return new CrawlReport(
        settings.crawlRunId(),
        startedAt,
        (System.nanoTime() - start) / 1_000_000,
        ordered.stream().mapToInt(SourceReport::pagesFetched).sum(),
        ordered.stream().mapToInt(SourceReport::pagesFailed).sum(),
        ordered.stream().mapToInt(SourceReport::blockedByRobots).sum(),
        ordered.stream().mapToInt(SourceReport::listingsEmitted).sum(),
        ordered,
        notices,
        sink instanceof SpoolSink spool ? spool.files() : List.of());
  }

  /**
   * Sources that share any host (directly or through a chain of sources) form one group, crawled
   * one after the other on one thread, in the order given; groups keep the order of their first
   * source.
   */
  static List<List<Source>> groupBySharedHosts(List<Source> sources) {
    List<List<Source>> groups = new ArrayList<>();
    List<java.util.Set<String>> hostsOf = new ArrayList<>();
    for (Source s : sources) {
      java.util.Set<String> hosts = new java.util.HashSet<>(s.hosts());
      for (String seed : s.seeds()) {
        hosts.add(Source.hostKey(java.net.URI.create(seed)));
      }
      List<Source> merged = new ArrayList<>();
      java.util.Set<String> mergedHosts = new java.util.HashSet<>(hosts);
      int insertAt = -1;
      for (int i = 0; i < groups.size(); i++) {
        if (!java.util.Collections.disjoint(hostsOf.get(i), hosts)) {
          if (insertAt < 0) insertAt = i;
          merged.addAll(groups.get(i));
          mergedHosts.addAll(hostsOf.get(i));
        }
      }
      merged.add(s);
      merged.sort(
          java.util.Comparator.comparingInt(
              sources::indexOf)); // a group runs in the caller's order
      if (insertAt < 0) {
        groups.add(merged);
        hostsOf.add(mergedHosts);
      } else {
        // drop the merged groups (from the back so indexes stay valid), put the union in the first
        // one's place
        for (int i = groups.size() - 1; i > insertAt; i--) {
          if (!java.util.Collections.disjoint(hostsOf.get(i), hosts)) {
            groups.remove(i);
            hostsOf.remove(i);
          }
        }
        groups.set(insertAt, merged);
        hostsOf.set(insertAt, mergedHosts);
      }
    }
    return groups;
  }

  private static List<SourceReport> crawlGroup(
      List<Source> group, CrawlServices services, boolean haveBrowser, FrontierFactory frontiers) {
    List<SourceReport> out = new ArrayList<>();
    for (Source s : group) {
      SourceReport r;
      if (s.fetchMode() == FetchMode.BROWSER && !haveBrowser) {
        r = skipped(s, Chromium.MISSING_MESSAGE);
      } else {
        try {
          r = new SourceCrawl(s, services, frontiers.open(s)).run();
        } catch (RuntimeException e) {
          services.listener().notice(s.id() + ": crawl stopped by an error: " + e);
          r = skipped(s, "crawl stopped by an error: " + e);
        }
      }
      services.listener().sourceDone(r);
      out.add(r);
    }
    return out;
  }

  private static SourceReport skipped(Source s, String why) {
    return new SourceReport(
        s.id(), s.platform(), s.fetchMode().id(), 0, 0, 0, 0, 0, 0, 0, 0, why, 0);
  }

  /** Forwards to the caller's listener and keeps notices for the report. */
  private record NoticeRecorder(ProgressListener delegate, List<String> notices)
      implements ProgressListener {
    @Override
    public void runStarted(String id, List<Source> sources) {
      delegate.runStarted(id, sources);
    }

    @Override
    public void notice(String message) {
      notices.add(message);
      delegate.notice(message);
    }

    @Override
    public void pageDone(PageEvent event) {
      delegate.pageDone(event);
    }

    @Override
    public void sourceDone(SourceReport report) {
      delegate.sourceDone(report);
    }
  }
}
