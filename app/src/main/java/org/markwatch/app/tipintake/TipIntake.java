package org.markwatch.app.tipintake;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.markwatch.crawler.CrawlSettings;
import org.markwatch.crawler.extract.Extraction;
import org.markwatch.crawler.extract.Page;
import org.markwatch.crawler.fetch.FetchLimits;
import org.markwatch.crawler.fetch.FetchRequest;
import org.markwatch.crawler.fetch.FetchResult;
import org.markwatch.crawler.fetch.StaticFetcher;
import org.markwatch.crawler.net.AddressGuard;
import org.markwatch.crawler.source.BrowserSettings;
import org.markwatch.detectors.Detectors;
import org.markwatch.model.Listing;
import org.markwatch.model.Scored;
import org.markwatch.storage.ListingStore;
import org.markwatch.storage.ScoredListing;
import org.markwatch.storage.tips.Tip;
import org.markwatch.storage.tips.TipStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tip intake: takes the tips waiting with a URL, fetches each page once through the crawler's
 * static fetcher (its address guard refuses private, link-local and, outside tests, loopback
 * addresses, on every redirect too; bytes and time capped by {@link FetchLimits}), extracts the
 * listing, scores it with the detectors and stores it like any crawled listing, so a flagged one
 * enters the analysts' queue. The tip records what became of it (queued, checked or unreadable).
 * {@code markwatch serve} runs it every {@link #PERIOD}.
 */
public final class TipIntake implements AutoCloseable {
  public static final Duration PERIOD = Duration.ofSeconds(30);
  private static final Logger LOG = LoggerFactory.getLogger(TipIntake.class);

  private final TipStore tips;
  private final ListingStore listings;
  private final Detectors detectors;
  private final StaticFetcher fetcher;
  private final Clock clock;
  private ScheduledExecutorService scheduler;

  public TipIntake(DataSource dataSource, Detectors detectors, AddressGuard guard, Clock clock) {
    this.tips = new TipStore(dataSource, clock);
    this.listings = new ListingStore(dataSource);
    this.detectors = detectors;
    this.fetcher = new StaticFetcher(guard, FetchLimits.DEFAULT, CrawlSettings.DEFAULT_USER_AGENT);
    this.clock = clock;
  }

  /** Processes up to {@code max} waiting tips now; returns how many were processed. */
  public int runOnce(int max) {
    List<Tip> waiting = tips.waiting(max);
    for (Tip tip : waiting) {
      try {
        process(tip);
      } catch (RuntimeException e) {
        // one bad page must not stop the others; the tip says why, nothing is lost
        LOG.warn("tip {}: {}", tip.trackingCode(), e.toString());
        tips.processed(tip.id(), "unreadable", null, "error: " + e.getClass().getSimpleName());
      }
    }
    return waiting.size();
  }

  private void process(Tip tip) {
    FetchResult r =
        fetcher.fetch(new FetchRequest(tip.url(), Set.of(), 3, BrowserSettings.DEFAULT));
    if (!r.ok()) {
      tips.processed(
          tip.id(),
          "unreadable",
          null,
          "fetch "
              + r.outcome()
              + (r.status() > 0 ? " HTTP " + r.status() : "")
              + (r.error() == null ? "" : ": " + r.error()));
      return;
    }
    Page page =
        new Page(
            r.finalUrl(),
            r.status(),
            r.headers(),
            r.body(),
            null,
            platform(r.finalUrl()),
            clock.instant().toString(),
            "tip-" + tip.trackingCode(),
            null);
    List<Listing> found = Extraction.extract(page);
    if (found.isEmpty()) {
      tips.processed(tip.id(), "unreadable", null, "no listing on the page");
      return;
    }
    // a product page is one listing; a list page gives several: the tip named the page, so all
    boolean flagged = false;
    String first = null;
    for (Listing listing : found.subList(0, Math.min(found.size(), 20))) {
      Scored scored = detectors.score(listing);
      listings.save(new ScoredListing(listing, scored));
      flagged |= scored.flagged();
      first = first == null ? listing.id() : first;
    }
    tips.processed(
        tip.id(), flagged ? "queued" : "checked", first, found.size() + " listing(s) scored");
  }

  /** The platform a tip's page is filed under: its host, without www. */
  static String platform(String url) {
    String host = URI.create(url).getHost();
    host = host == null ? "web" : host.toLowerCase(Locale.ROOT);
    return host.startsWith("www.") ? host.substring(4) : host;
  }

  /** Runs {@link #runOnce} every {@code period} on a daemon thread until closed. */
  public TipIntake start(Duration period) {
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "tip-intake");
              t.setDaemon(true);
              return t;
            });
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            int n = runOnce(20);
            if (n > 0) {
              LOG.info("tip intake: {} tip(s) processed", n);
            }
          } catch (RuntimeException e) {
            LOG.warn("tip intake: {}", e.getMessage());
          }
        },
        0,
        period.toMillis(),
        TimeUnit.MILLISECONDS);
    return this;
  }

  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    fetcher.close();
    detectors.close(); // the intake owns its detectors
  }
}
