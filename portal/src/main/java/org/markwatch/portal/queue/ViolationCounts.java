package org.markwatch.portal.queue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.markwatch.storage.Summary;
import org.markwatch.storage.SummaryQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Flagged listings per violation and the platforms, for the queue's chips and platform choice.
 * Counting a million verdicts costs far more than a page, so no page ever waits for it: the figures
 * are refreshed in the background once they are a minute old (one refresh at a time) and pages show
 * the last ones. Only the very first page waits, and at most {@link #FIRST_WAIT_MS}; until the
 * first count is in, the chips show no figures.
 */
@Component
class ViolationCounts implements DisposableBean {
  private static final Logger LOG = LoggerFactory.getLogger(ViolationCounts.class);
  private static final long MAX_AGE_NANOS = 60_000_000_000L;
  static final long FIRST_WAIT_MS = 2_000;

  private record Cached(SummaryQuery.QueueFacets summary, long at) {}

  private final SummaryQuery summaries;
  private final AtomicReference<Cached> cached = new AtomicReference<>();
  private final AtomicReference<CompletableFuture<Cached>> refreshing = new AtomicReference<>();
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "queue-counts");
            t.setDaemon(true);
            return t;
          });

  ViolationCounts(SummaryQuery summaries) {
    this.summaries = summaries;
  }

  /** The last counts, or null while the first count is still running. */
  SummaryQuery.QueueFacets summary() {
    Cached c = cached.get();
    if (c == null || System.nanoTime() - c.at() > MAX_AGE_NANOS) {
      CompletableFuture<Cached> f = refresh();
      if (c == null) {
        try {
          return f.get(FIRST_WAIT_MS, TimeUnit.MILLISECONDS).summary();
        } catch (TimeoutException e) {
          return null;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return null;
        } catch (java.util.concurrent.ExecutionException e) {
          LOG.warn("cannot count the queue: {}", e.getCause().getMessage());
          return null;
        }
      }
    }
    return c.summary();
  }

  List<Summary.KeyCount> flaggedByViolation() {
    SummaryQuery.QueueFacets s = summary();
    return s == null ? null : s.flaggedByViolation();
  }

  List<String> platforms() {
    SummaryQuery.QueueFacets s = summary();
    return s == null ? List.of() : s.platforms();
  }

  private CompletableFuture<Cached> refresh() {
    CompletableFuture<Cached> mine = new CompletableFuture<>();
    CompletableFuture<Cached> running = refreshing.compareAndExchange(null, mine);
    if (running != null) {
      return running;
    }
    worker.execute(
        () -> {
          try {
            Cached c = new Cached(summaries.queueFacets(), System.nanoTime());
            cached.set(c);
            mine.complete(c);
          } catch (RuntimeException e) {
            mine.completeExceptionally(e);
          } finally {
            refreshing.set(null);
          }
        });
    return mine;
  }

  @Override
  public void destroy() {
    worker.shutdownNow();
  }
}
