package org.markwatch.crawler.politeness;

import java.util.HashMap;
import java.util.Map;

/**
 * Remembers per host when the next fetch may start. Pure bookkeeping on a monotonic millisecond
 * clock the caller passes in; the caller does the sleeping. Thread-safe: a slot is taken with one
 * atomic {@link #reserve}, so two threads that share a host never both get "go now".
 */
public final class HostGate {
  private final Map<String, Long> nextAllowed = new HashMap<>();

  /**
   * Takes the next start slot for {@code host}: returns how many milliseconds the caller must wait
   * (0 = go now) and moves the host's next slot {@code delayMs} after this one, in one step.
   */
  public synchronized long reserve(String host, long nowMs, long delayMs) {
    long start = Math.max(nowMs, nextAllowed.getOrDefault(host, nowMs));
    nextAllowed.put(host, start + delayMs);
    return start - nowMs;
  }

  /**
   * Records a finished fetch: the next may start no earlier than {@code delayMs} after {@code
   * endMs}.
   */
  public synchronized void fetched(String host, long endMs, long delayMs) {
    nextAllowed.merge(host, endMs + delayMs, Math::max);
  }
}
