package org.markwatch.crawler;

import java.time.Instant;
import org.markwatch.crawler.evidence.EvidenceRefLog;
import org.markwatch.crawler.evidence.EvidenceStore;
import org.markwatch.crawler.evidence.WarcArchive;
import org.markwatch.crawler.fetch.FetcherRouter;
import org.markwatch.crawler.politeness.HostGate;
import org.markwatch.crawler.robots.RobotsCache;
import org.markwatch.crawler.sink.Sink;

/**
 * What one run's source crawls share. Built by {@link Crawler#run}, one per run. {@code warc} and
 * {@code refs} are null when the settings write no WARC.
 */
record CrawlServices(
    CrawlSettings settings,
    FetcherRouter fetchers,
    RobotsCache robots,
    HostGate gate,
    EvidenceStore evidence,
    WarcArchive warc,
    EvidenceRefLog refs,
    Sink sink,
    ListingExtractor extractor,
    ProgressListener listener) {

  /** ISO-8601 time from the settings' clock, as written to {@code observedAt}. */
  String now() {
    return Instant.now(settings.clock()).toString();
  }

  /**
   * Monotonic milliseconds for politeness bookkeeping (never the settings' clock, which may be
   * fixed).
   */
  static long monotonicMs() {
    return System.nanoTime() / 1_000_000;
  }
}
