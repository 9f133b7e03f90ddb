package org.markwatch.portal.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets by key (an API client's id, a visitor's address): {@code capacity} requests,
 * refilled evenly over {@code period}. At most {@code maxKeys} buckets are kept (the least recently
 * used is dropped), so a flood of addresses cannot exhaust memory.
 */
public final class RateLimiter {
  private final long capacity;
  private final Duration period;
  private final Map<String, Bucket> buckets;

  public RateLimiter(long capacity, Duration period, int maxKeys) {
    if (capacity < 1) {
      throw new IllegalArgumentException("rate limit capacity must be at least 1");
    }
    this.capacity = capacity;
    this.period = period;
    this.buckets =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > maxKeys;
          }
        };
  }

  /** Takes one token for {@code key}: the remaining tokens, or how long to wait when refused. */
  public Outcome take(String key) {
    Bucket bucket;
    synchronized (buckets) {
      bucket =
          buckets.computeIfAbsent(
              key,
              k ->
                  Bucket.builder()
                      .addLimit(
                          Bandwidth.builder()
                              .capacity(capacity)
                              .refillGreedy(capacity, period)
                              .build())
                      .build());
    }
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    return new Outcome(
        probe.isConsumed(),
        probe.getRemainingTokens(),
        Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds()));
  }

  public long capacity() {
    return capacity;
  }

  /**
   * @param retryAfterSeconds when refused, how long until a token is back (at least 1)
   */
  public record Outcome(boolean allowed, long remaining, long retryAfterSeconds) {}
}
