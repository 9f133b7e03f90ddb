package org.markwatch.app.crawl;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.markwatch.crawler.frontier.CrawlUrl;
import org.markwatch.crawler.frontier.Frontier;
import org.markwatch.crawler.source.Source;
import org.markwatch.storage.frontier.FrontierStore;

/**
 * One source's durable frontier for one crawl thread of one worker process, over {@link
 * FrontierStore}: the worker leases a host, fetches that host's due URLs, records every visit and
 * releases the host (with its next allowed fetch time, so the delay holds across workers) when it
 * has nothing due. When no host is free but another worker still holds due or in-flight URLs, it
 * waits and looks again, so a worker that dies is replaced once its lease runs out and no URL is
 * left behind. The source's {@code maxPages} is the run's budget, shared by every worker of the run
 * (same run id) through {@link FrontierStore#claimPage}: the workers together fetch at most that
 * many pages. A page claimed by a worker that died is not given back: the URL taken back from it
 * costs one more page.
 */
public final class DatabaseFrontier implements Frontier {
  /** What the frontiers of one run noticed, for the summary. */
  public static final class Stats {
    public final AtomicLong seenAgain = new AtomicLong();
    public final AtomicLong removed = new AtomicLong();
  }

  static final long POLL_MS = 200;

  private final FrontierStore store;
  private final Source source;
  private final String worker;
  private final String runId;
  private final Duration leaseTtl;
  private final Clock clock;
  private final Stats stats;
  private final Set<String> seen = new HashSet<>();
  private String host; // the host this worker leases now, or null
  private int handedOut;
  private boolean budgetSpent;

  public DatabaseFrontier(
      FrontierStore store,
      Source source,
      String worker,
      String runId,
      Duration leaseTtl,
      Clock clock,
      Stats stats) {
    this.store = store;
    this.source = source;
    this.worker = worker;
    this.runId = runId;
    this.leaseTtl = leaseTtl;
    this.clock = clock;
    this.stats = stats;
  }

  @Override
  public boolean add(String url, int depth, int priority) {
    if (!seen.add(url)) {
      return false;
    }
    Duration revisit =
        priority == PRIORITY_PRODUCT ? source.revisit().products() : source.revisit().pages();
    return store.admit(
        source.id(),
        url,
        Source.hostKey(URI.create(url)),
        depth,
        priority,
        revisit,
        clock.instant());
  }

  @Override
  public boolean seen(String url) {
    return seen.contains(url);
  }

  @Override
  public CrawlUrl next() {
    if (budgetSpent) {
      return null;
    }
    while (!Thread.currentThread().isInterrupted()) {
      Instant now = clock.instant();
      if (host != null) {
        Optional<FrontierStore.Claimed> claimed =
            store.claim(source.id(), host, worker, now, leaseTtl);
        if (claimed.isPresent()) {
          FrontierStore.Claimed c = claimed.get();
          // The page budget is the run's, shared by its workers: a URL is claimed first, then a
          // page of the budget, so a worker never holds budget while it waits for a host.
          if (!store.claimPage(runId, source.id(), source.maxPages())) {
            budgetSpent = true;
            store.putBack(source.id(), c.url(), worker, now, false);
            releaseHost();
            return null;
          }
          handedOut++;
          seen.add(c.url());
          return new CrawlUrl(c.url(), c.depth(), c.attempt());
        }
        releaseHost();
      }
      Optional<String> leased = store.leaseHost(source.id(), worker, now, leaseTtl);
      if (leased.isPresent()) {
        host = leased.get();
        continue;
      }
      if (!store.pending(source.id(), worker, now)) {
        return null;
      }
      try {
        Thread.sleep(POLL_MS); // another worker holds what is left; its lease may run out
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return null;
  }

  @Override
  public void retry(CrawlUrl url, long waitMs) {
    // due now: this worker keeps the host and its HostGate already waits the backoff
    handedOut--;
    store.returnPage(runId, source.id());
    store.putBack(source.id(), url.url(), worker, clock.instant(), true);
  }

  @Override
  public void putBack(CrawlUrl url) {
    handedOut--;
    store.returnPage(runId, source.id());
    store.putBack(source.id(), url.url(), worker, clock.instant(), false);
  }

  @Override
  public void done(CrawlUrl url, Visit visit) {
    FrontierStore.VisitResult r =
        store.complete(
            source.id(),
            url.url(),
            worker,
            clock.instant(),
            visit.status(),
            visit.outcome(),
            visit.listingIds(),
            runId);
    stats.seenAgain.addAndGet(r.seenAgain());
    stats.removed.addAndGet(r.removed());
  }

  @Override
  public int handedOut() {
    return handedOut;
  }

  @Override
  public void close() {
    releaseHost();
  }

  private void releaseHost() {
    if (host != null) {
      store.release(
          source.id(), host, worker, clock.instant().plusMillis(source.politeness().delayMs()));
      host = null;
    }
  }
}
