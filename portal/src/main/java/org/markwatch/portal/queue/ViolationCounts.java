package org.markwatch.portal.queue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.markwatch.storage.Summary;
import org.markwatch.storage.SummaryQuery;
import org.springframework.stereotype.Component;

/**
 * Flagged listings per violation and the platforms, for the queue's chips and platform choice.
 * Counting a million verdicts costs more than a page, so the figures are kept for a minute.
 */
@Component
class ViolationCounts {
  private static final long MAX_AGE_NANOS = 60_000_000_000L;

  private record Cached(Summary summary, long at) {}

  private final SummaryQuery summaries;
  private final AtomicReference<Cached> cached = new AtomicReference<>();

  ViolationCounts(SummaryQuery summaries) {
    this.summaries = summaries;
  }

  Summary summary() {
    Cached c = cached.get();
    long now = System.nanoTime();
    if (c == null || now - c.at() > MAX_AGE_NANOS) {
      c = new Cached(summaries.summary(0), now);
      cached.set(c);
    }
    return c.summary();
  }

  List<String> platforms() {
    return summary().byPlatform().stream().map(Summary.PlatformCount::platform).toList();
  }
}
