package org.markwatch.crawler;

import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.markwatch.crawler.fetch.FetchOutcome;
import org.markwatch.crawler.fetch.FetchRequest;
import org.markwatch.crawler.fetch.FetchResult;
import org.markwatch.crawler.fetch.Fetcher;
import org.markwatch.crawler.filter.PathPatternFilter;
import org.markwatch.crawler.filter.UrlFilter;
import org.markwatch.crawler.filter.UrlFilters;
import org.markwatch.crawler.frontier.CrawlUrl;
import org.markwatch.crawler.frontier.Frontier;
import org.markwatch.crawler.frontier.UrlNormalizer;
import org.markwatch.crawler.links.LinkExtractor;
import org.markwatch.crawler.politeness.Backoff;
import org.markwatch.crawler.politeness.CrawlDelay;
import org.markwatch.crawler.robots.RobotsCache;
import org.markwatch.crawler.sink.Sink;
import org.markwatch.crawler.source.FetchMode;
import org.markwatch.crawler.source.Source;
import org.markwatch.model.Listing;

/**
 * Crawls one source on the calling thread: seeds and sitemap URLs into the frontier, then fetch
 * after fetch, each host waiting its delay, robots.txt checked before a URL is queued (so a
 * disallowed URL is never requested), 429/5xx retried with exponential backoff, product pages
 * handed to {@link PageHandler}, outlinks filtered back into the frontier.
 */
final class SourceCrawl {
  private final Source source;
  private final CrawlServices services;
  private final Fetcher pageFetcher;
  private final Fetcher staticFetcher;
  private final Frontier frontier;
  private final UrlFilter siteFilters;
  private final UrlFilter patterns;
  private final PageHandler pages;
  private final Map<String, CrawlDelay> delays = new HashMap<>();
  private final Set<String> blocked = new HashSet<>();
  // ids of the listings the page being handled gave, for the frontier's re-visit bookkeeping
  private final java.util.List<String> pageListings = new java.util.ArrayList<>();
  private int fetched, failed, redirects, retries, listings, extractionErrors, handled;
  private long bytes;

  SourceCrawl(Source source, CrawlServices services, Frontier frontier) {
    this.source = source;
    this.services = withListingsNoted(services);
    this.pageFetcher = services.fetchers().route(source.fetchMode());
    this.staticFetcher = services.fetchers().route(FetchMode.STATIC);
    this.frontier = frontier;
    this.siteFilters = UrlFilters.forSeeds(source);
    this.patterns = new PathPatternFilter(source);
    this.pages = new PageHandler(this.services);
  }

  /** The run's services with a sink that also notes the ids of what this source writes. */
  private CrawlServices withListingsNoted(CrawlServices s) {
    Sink shared = s.sink();
    Sink noting =
        new Sink() {
          @Override
          public void write(Listing listing) {
            shared.write(listing);
            pageListings.add(listing.id());
          }

          @Override
          public long written() {
            return shared.written();
          }

          @Override
          public void close() {} // the run closes the shared sink
        };
    return new CrawlServices(
        s.settings(),
        s.fetchers(),
        s.robots(),
        s.gate(),
        s.evidence(),
        s.warc(),
        s.refs(),
        noting,
        s.extractor(),
        s.listener());
  }

  SourceReport run() {
    long start = System.nanoTime();
    for (String seed : source.seeds()) {
      admit(seed, 0, false);
    }
    try {
      crawlFrontier();
    } finally {
      frontier.close();
    }
    return report(start);
  }

  private void crawlFrontier() {
    if (source.useSitemap()) {
      SitemapSeeder seeder =
          new SitemapSeeder(staticFetcher, this::politeFetch, services.listener(), siteFilters);
      for (String host : source.hosts()) {
        String origin = URI.create(source.seeds().get(0)).getScheme() + "://" + host;
        RobotsCache.Entry robots = robots(origin + "/");
        if (!delayFor(host).skip() && !robots.rules().isDeferVisits()) {
          for (String url : seeder.pages(robots, origin)) {
            admit(url, 0, true);
          }
        }
      }
    }
    CrawlUrl next;
    while (!Thread.currentThread().isInterrupted() && (next = frontier.next()) != null) {
      if (!crawl(next)) {
        break;
      }
    }
  }

  private SourceReport report(long start) {
    return new SourceReport(
        source.id(),
        source.platform(),
        source.fetchMode().id(),
        fetched,
        failed,
        blocked.size(),
        redirects,
        retries,
        listings,
        extractionErrors,
        bytes,
        null,
        (System.nanoTime() - start) / 1_000_000);
  }

  /** Fetches and handles one URL; false when the fetcher cannot work at all (the source stops). */
  private boolean crawl(CrawlUrl url) {
    // A URL from a durable frontier may have been admitted in an earlier run or by another worker:
    // robots.txt (which may have changed) and the host's Crawl-delay are asked again here.
    String urlHost = host(url.url());
    if (delayFor(urlHost).skip() || !services.robots().allowed(url.url())) {
      blocked.add(url.url());
      frontier.done(url, new Frontier.Visit(0, "ROBOTS", null));
      return true;
    }
    pageListings.clear();
    FetchResult r =
        politeFetch(
            pageFetcher,
            new FetchRequest(
                url.url(), source.hosts(), 0, source.browser(), PageHandler.itemSelector(source)));
    if (r.outcome() == FetchOutcome.UNAVAILABLE) {
      failed++;
      frontier.putBack(url);
      services.listener().notice(source.id() + ": stopped: " + r.error());
      return false;
    }
    int emitted = 0;
    String outcome = r.outcome().name();
    java.util.List<String> found = null;
    if (r.ok()) {
      fetched++;
      bytes += r.body() == null ? 0 : r.body().length;
      if (PageHandler.isHtml(r)) {
        emitted = pages.handle(source, r, card -> admit(card, url.depth() + 1, true));
        if (emitted < 0) {
          extractionErrors++;
          emitted = 0;
        } else {
          found = java.util.List.copyOf(pageListings);
        }
        listings += emitted;
        for (String link : LinkExtractor.links(r.html(), r.finalUrl())) {
          admit(link, url.depth() + 1, true);
        }
      }
    } else if (r.outcome() == FetchOutcome.REDIRECT) {
      redirects++;
      admit(r.redirectTo(), url.depth(), url.depth() > 0); // a seed's redirect target is a seed too
    } else if (r.retryable() && url.attempt() < source.politeness().maxRetries()) {
      retries++;
      long wait =
          Backoff.waitMillis(
              url.attempt() + 1,
              source.politeness().backoffMs(),
              source.politeness().maxBackoffMs(),
              r.header("retry-after"),
              System.currentTimeMillis()); // real time: Retry-After dates are
      services.gate().fetched(host(url.url()), CrawlServices.monotonicMs(), wait);
      frontier.retry(url, wait);
      outcome = "RETRY";
    } else {
      failed++;
    }
    if (!"RETRY".equals(outcome)) {
      frontier.done(url, new Frontier.Visit(r.status(), r.outcome().name(), found));
    }
    handled++;
    services
        .listener()
        .pageDone(
            new ProgressListener.PageEvent(
                source.id(), url.url(), outcome, r.status(), emitted, handled, source.maxPages()));
    return true;
  }

  /**
   * Queues a URL that passes the site filters, robots.txt and (for links) the follow/product
   * patterns, unless already seen. robots.txt is asked before the patterns, so the report counts
   * every disallowed link on the source's hosts, not only those the patterns would have followed.
   */
  private void admit(String url, int depth, boolean link) {
    if (url == null) {
      return;
    }
    String kept = siteFilters.filter(url);
    String normalized = kept == null ? null : UrlNormalizer.normalize(kept);
    if (normalized == null || frontier.seen(normalized) || blocked.contains(normalized)) {
      return;
    }
    String host = host(normalized);
    if (delayFor(host).skip() || !services.robots().allowed(normalized)) {
      blocked.add(normalized);
      return;
    }
    if (link && patterns.filter(normalized) == null) {
      return;
    }
    frontier.add(
        normalized,
        depth,
        !link
            ? Frontier.PRIORITY_SEED
            : source.isProductPage(UrlNormalizer.pathAndQuery(normalized))
                ? Frontier.PRIORITY_PRODUCT
                : Frontier.PRIORITY_PAGE);
  }

  /** The host's delay; the first call fetches its robots.txt (politely). */
  private CrawlDelay delayFor(String host) {
    return delays.computeIfAbsent(
        host,
        h -> {
          String origin = URI.create(source.seeds().get(0)).getScheme() + "://" + h;
          RobotsCache.Entry robots = robots(origin + "/");
          long crawlDelay = robots.rules().getCrawlDelay();
          CrawlDelay d =
              CrawlDelay.of(
                  source.politeness().delayMs(),
                  crawlDelay < 0 ? -1 : crawlDelay,
                  source.politeness().maxCrawlDelayMs());
          if (d.skip()) {
            services.listener().notice(source.id() + ": skipping " + h + ": " + d.reason());
          } else if (robots.rules().isDeferVisits()) {
            services
                .listener()
                .notice(
                    source.id()
                        + ": skipping "
                        + h
                        + " for this run: robots.txt unreachable ("
                        + robots.fetch().outcome()
                        + (robots.fetch().status() > 0 ? " " + robots.fetch().status() : "")
                        + ")");
          }
          return d;
        });
  }

  private RobotsCache.Entry robots(String url) {
    RobotsCache.Entry cached = services.robots().cached(url);
    if (cached != null) {
      return cached;
    }
    String host = host(url);
    try {
      waitForHost(host, source.politeness().delayMs());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    RobotsCache.Entry e = services.robots().forUrl(url);
    services.gate().fetched(host, CrawlServices.monotonicMs(), source.politeness().delayMs());
    return e;
  }

  private FetchResult politeFetch(Fetcher fetcher, FetchRequest request) {
    String host = host(request.url());
    long delay =
        delays.containsKey(host) ? delays.get(host).delayMs() : source.politeness().delayMs();
    try {
      waitForHost(host, delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return FetchResult.failed(
          request.url(), FetchMode.STATIC, FetchOutcome.ERROR, "interrupted", 0);
    }
    FetchResult r = fetcher.fetch(request);
    services.gate().fetched(host, CrawlServices.monotonicMs(), delay);
    return r;
  }

  // Takes a start slot atomically (starts at least delayMs apart even across threads); the
  // fetched() call after the fetch then measures the delay from its end, as before.
  private void waitForHost(String host, long delayMs) throws InterruptedException {
    long wait = services.gate().reserve(host, CrawlServices.monotonicMs(), delayMs);
    if (wait > 0) {
      Thread.sleep(wait);
    }
  }

  private static String host(String url) {
    return Source.hostKey(URI.create(url));
  }
}
