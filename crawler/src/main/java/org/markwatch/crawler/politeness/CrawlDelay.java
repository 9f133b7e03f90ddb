package org.markwatch.crawler.politeness;

/**
 * The delay between two fetches on one host, from the source's own delay and a robots.txt
 * Crawl-delay. Pure.
 *
 * @param delayMs the delay to keep, milliseconds (meaningless when {@code skip})
 * @param skip true when the host asks for a Crawl-delay above the source's cap
 * @param reason why the host is skipped, else null
 */
public record CrawlDelay(long delayMs, boolean skip, String reason) {

  /**
   * @param sourceDelayMs the source's {@code politeness.delayMs}
   * @param robotsCrawlDelayMs Crawl-delay from robots.txt in milliseconds, or a negative value when
   *     unset
   * @param maxCrawlDelayMs the source's {@code politeness.maxCrawlDelayMs}
   */
  public static CrawlDelay of(long sourceDelayMs, long robotsCrawlDelayMs, long maxCrawlDelayMs) {
    if (robotsCrawlDelayMs < 0) {
      return new CrawlDelay(sourceDelayMs, false, null);
    }
    if (robotsCrawlDelayMs > maxCrawlDelayMs) {
      return new CrawlDelay(
          robotsCrawlDelayMs,
          true,
          "robots.txt Crawl-delay "
              + robotsCrawlDelayMs
              + " ms exceeds maxCrawlDelayMs "
              + maxCrawlDelayMs);
    }
    return new CrawlDelay(Math.max(sourceDelayMs, robotsCrawlDelayMs), false, null);
  }
}
