package org.markwatch.crawler.source;

/**
 * How gently a source's hosts are crawled.
 *
 * @param delayMs minimum time between the end of one fetch and the start of the next on the same
 *     host, milliseconds; default {@value #DEFAULT_DELAY_MS}
 * @param maxCrawlDelayMs a robots.txt Crawl-delay above this skips the host (as Nutch and
 *     StormCrawler do); below it, the larger of Crawl-delay and {@code delayMs} applies; default
 *     {@value #DEFAULT_MAX_CRAWL_DELAY_MS}
 * @param maxRetries retries of a URL answered with 429 or 5xx; default {@value
 *     #DEFAULT_MAX_RETRIES}
 * @param backoffMs first backoff wait after 429/5xx, doubled on each retry, milliseconds; default
 *     {@value #DEFAULT_BACKOFF_MS}
 * @param maxBackoffMs cap of one backoff wait (also of a Retry-After header), milliseconds; default
 *     {@value #DEFAULT_MAX_BACKOFF_MS}
 */
public record Politeness(
    long delayMs, long maxCrawlDelayMs, int maxRetries, long backoffMs, long maxBackoffMs) {
  public static final long DEFAULT_DELAY_MS = 1000;
  public static final long DEFAULT_MAX_CRAWL_DELAY_MS = 30_000;
  public static final int DEFAULT_MAX_RETRIES = 3;
  public static final long DEFAULT_BACKOFF_MS = 1000;
  public static final long DEFAULT_MAX_BACKOFF_MS = 60_000;

  public static final Politeness DEFAULT =
      new Politeness(
          DEFAULT_DELAY_MS,
          DEFAULT_MAX_CRAWL_DELAY_MS,
          DEFAULT_MAX_RETRIES,
          DEFAULT_BACKOFF_MS,
          DEFAULT_MAX_BACKOFF_MS);

  public Politeness {
    if (delayMs < 0
        || maxCrawlDelayMs < 0
        || maxRetries < 0
        || backoffMs < 0
        || maxBackoffMs < backoffMs) {
      throw new IllegalArgumentException(
          "politeness values must be >= 0 and maxBackoffMs >= backoffMs: "
              + delayMs
              + ", "
              + maxCrawlDelayMs
              + ", "
              + maxRetries
              + ", "
              + backoffMs
              + ", "
              + maxBackoffMs);
    }
  }
}
