package org.markwatch.crawler.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import org.markwatch.crawler.source.BrowserSettings;

/**
 * Scrolls to the bottom until a round adds no content, up to {@code scrollRounds} rounds or the
 * page deadline. "Content" is the number of elements in the document: an infinite-scroll feed
 * appends posts, so the count grows while there is more to load.
 */
final class InfiniteScroller {
  private static final String COUNT = "() => document.getElementsByTagName('*').length";
  private static final String GREW = "n => document.getElementsByTagName('*').length > n";

  private final Page page;
  private final BrowserSettings settings;
  private final long deadlineNanos;

  InfiniteScroller(Page page, BrowserSettings settings, long deadlineNanos) {
    this.page = page;
    this.settings = settings;
    this.deadlineNanos = deadlineNanos;
  }

  /** Scrolls; returns the rounds that added content. */
  int scroll() {
    int grown = 0;
    for (int round = 0; round < settings.scrollRounds(); round++) {
      long left = BrowserFetcher.remainingMs(deadlineNanos);
      if (left <= settings.scrollWaitMs()) {
        break;
      }
      int before = ((Number) page.evaluate(COUNT)).intValue();
      page.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)");
      try {
        // Waits only as long as the new content takes to arrive, at most scrollWaitMs.
        page.waitForFunction(GREW, before, new Page.WaitForFunctionOptions()
            .setTimeout(Math.min(settings.scrollWaitMs(), left)).setPollingInterval(50));
        grown++;
      } catch (TimeoutError e) {
        break; // nothing new: the end of the feed
      }
    }
    return grown;
  }
}
