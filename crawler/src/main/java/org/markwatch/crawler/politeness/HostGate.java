package org.markwatch.crawler.politeness;

import java.util.HashMap;
import java.util.Map;

/**
 * Remembers per host when the next fetch may start. Pure bookkeeping on a monotonic millisecond
 * clock the caller passes in; the caller does the sleeping. Thread-safe, so several sources that
 * share a host still keep its delay.
 */
public final class HostGate {
  private final Map<String, Long> nextAllowed = new HashMap<>();

  /** Milliseconds the caller must wait before fetching from {@code host}; 0 = go now. */
  public synchronized long waitMillis(String host, long nowMs) {
    Long next = nextAllowed.get(host);
    return next == null ? 0 : Math.max(0, next - nowMs);
  }

  /** Records a finished fetch: the next may start {@code delayMs} after {@code endMs}. */
  public synchronized void fetched(String host, long endMs, long delayMs) {
    nextAllowed.merge(host, endMs + delayMs, Math::max);
  }
}
