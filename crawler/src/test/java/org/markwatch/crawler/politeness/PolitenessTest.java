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
  @CsvSource(nullValues = "null", value = {
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
    assertThat(Backoff.waitMillis(1, 100, 60_000, "Tue, 24 Nov 2026 10:00:20 GMT", now)).isEqualTo(20_000);
  }

  @Test
  void hostGateSpacesFetchesPerHost() {
    HostGate gate = new HostGate();
    assertThat(gate.waitMillis("a", 1000)).isZero();
    gate.fetched("a", 1000, 500);
    assertThat(gate.waitMillis("a", 1100)).isEqualTo(400);
    assertThat(gate.waitMillis("b", 1100)).isZero();
    assertThat(gate.waitMillis("a", 1600)).isZero();
    gate.fetched("a", 2000, 10_000); // a backoff
    gate.fetched("a", 2001, 500); // an ordinary delay must not shorten it
    assertThat(gate.waitMillis("a", 2001)).isEqualTo(9999);
  }
}
