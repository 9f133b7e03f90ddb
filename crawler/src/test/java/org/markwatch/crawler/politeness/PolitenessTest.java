package org.markwatch.crawler.politeness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolitenessTest {
  @ParameterizedTest
  @CsvSource({
    // sourceDelay, robotsCrawlDelay, maxCrawlDelay, expectedDelay, skip
    "1000, -1, 30000, 1000, false",
    "1000, 5000, 30000, 5000, false",
    "1000, 200, 30000, 1000, false",
    "1000, 30000, 30000, 30000, false",
    "1000, 30001, 30000, 30001, true",
    "0, 0, 0, 0, false",
  })
  void crawlDelay(long source, long robots, long max, long expected, boolean skip) {
    CrawlDelay d = CrawlDelay.of(source, robots, max);
    assertThat(d.skip()).isEqualTo(skip);
    assertThat(d.delayMs()).isEqualTo(expected);
    assertThat(d.reason() != null).isEqualTo(skip);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {
        // attempt, base, max, retryAfter, expected
        "1, 1000, 60000, null, 1000",
        "2, 1000, 60000, null, 2000",
        "3, 1000, 60000, null, 4000",
        "7, 1000, 60000, null, 60000",
        "40, 1000, 60000, null, 60000",
        "1, 1000, 60000, 5, 5000",
        "3, 1000, 60000, 1, 4000",
        "1, 1000, 60000, 3600, 60000",
        "1, 1000, 60000, soon, 1000",
      })
  void backoff(int attempt, long base, long max, String retryAfter, long expected) {
    assertThat(Backoff.waitMillis(attempt, base, max, retryAfter, 0)).isEqualTo(expected);
  }

  @Test
  void backoffReadsHttpDateRetryAfter() {
    long now = java.time.Instant.parse("2026-11-24T10:00:00Z").toEpochMilli();
    assertThat(Backoff.waitMillis(1, 100, 60_000, "Tue, 24 Nov 2026 10:00:20 GMT", now))
        .isEqualTo(20_000);
  }

  @Test
  void hostGateSpacesFetchesPerHost() {
    HostGate gate = new HostGate();
    assertThat(gate.reserve("a", 1000, 500)).isZero();
    gate.fetched("a", 1000, 500);
    assertThat(gate.reserve("a", 1100, 500)).isEqualTo(400);
    gate.fetched("a", 1500, 500);
    assertThat(gate.reserve("b", 1100, 500)).isZero();
    assertThat(gate.reserve("a", 2000, 500)).isZero();
    gate.fetched("a", 2000, 10_000); // a backoff
    gate.fetched("a", 2001, 500); // an ordinary delay must not shorten it
    assertThat(gate.reserve("a", 2001, 500)).isEqualTo(9999);
  }

  @Test
  void concurrentReservationsOfOneHostGetDistinctSlots() throws Exception {
    HostGate gate = new HostGate();
    int threads = 8;
    var ready = new java.util.concurrent.CyclicBarrier(threads);
    var waits = java.util.concurrent.ConcurrentHashMap.<Long>newKeySet();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      var futures = new java.util.ArrayList<java.util.concurrent.Future<?>>();
      for (int i = 0; i < threads; i++) {
        futures.add(
            pool.submit(
                () -> {
                  ready.await();
                  waits.add(gate.reserve("shop", 5_000, 100)); // everyone asks at the same instant
                  return null;
                }));
      }
      for (var f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    // one slot each, 100 ms apart: nobody was told "go now" but the first
    assertThat(waits).containsExactlyInAnyOrder(0L, 100L, 200L, 300L, 400L, 500L, 600L, 700L);
  }
}
