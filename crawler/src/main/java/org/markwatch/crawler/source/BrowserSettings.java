package org.markwatch.crawler.source;

/**
 * How a browser-fetched page is rendered.
 *
 * @param scrollRounds at most this many scrolls to the bottom (infinite scroll); scrolling stops
 *     earlier once a round adds no content; default {@value #DEFAULT_SCROLL_ROUNDS}; 0 = no
 *     scrolling
 * @param scrollWaitMs wait after each scroll for new content, milliseconds; default {@value
 *     #DEFAULT_SCROLL_WAIT_MS}
 * @param pageTimeoutMs time limit for one page (navigation, scrolling, screenshot), milliseconds;
 *     default {@value #DEFAULT_PAGE_TIMEOUT_MS}
 * @param screenshot whether a full-page screenshot is stored as evidence; default true
 */
public record BrowserSettings(
    int scrollRounds, long scrollWaitMs, long pageTimeoutMs, boolean screenshot) {
  public static final int DEFAULT_SCROLL_ROUNDS = 10;
  public static final long DEFAULT_SCROLL_WAIT_MS = 600;
  public static final long DEFAULT_PAGE_TIMEOUT_MS = 30_000;

  public static final BrowserSettings DEFAULT =
      new BrowserSettings(
          DEFAULT_SCROLL_ROUNDS, DEFAULT_SCROLL_WAIT_MS, DEFAULT_PAGE_TIMEOUT_MS, true);

  public BrowserSettings {
    if (scrollRounds < 0 || scrollWaitMs < 0 || pageTimeoutMs <= 0) {
      throw new IllegalArgumentException(
          "browser settings: scrollRounds and scrollWaitMs must be >= 0, pageTimeoutMs > 0");
    }
  }
}
