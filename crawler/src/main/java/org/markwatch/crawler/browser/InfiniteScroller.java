package org.markwatch.crawler.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import org.markwatch.crawler.source.BrowserSettings;

/**
 * Scrolls to the bottom until the page stops growing, up to {@code scrollRounds} rounds or the page
 * deadline. "Growing" means more elements in the document: an infinite-scroll feed appends posts.
 * Feeds load on an IntersectionObserver, which fires only when visibility changes, so a round
 * without growth is retried once after scrolling up a screen and back down; and before the next
 * round the images must have loaded, so the page has its final height when we scroll again.
 */
final class InfiniteScroller {
  private static final String COUNT = "() => document.getElementsByTagName('*').length";
  private static final String GREW = "n => document.getElementsByTagName('*').length > n";
  private static final String IMAGES_DONE =
      "() => Array.from(document.images).every(i => i.complete)";
  private static final String TO_BOTTOM =
      "() => window.scrollTo(0, document.documentElement.scrollHeight)";
  private static final String UP_A_SCREEN = "() => window.scrollBy(0, -window.innerHeight)";

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
      if (BrowserFetcher.remainingMs(deadlineNanos) <= settings.scrollWaitMs()) {
        break;
      }
      int before = ((Number) page.evaluate(COUNT)).intValue();
      page.evaluate(TO_BOTTOM);
      if (!grewWithin(before)) {
        page.evaluate(UP_A_SCREEN);
        page.waitForTimeout(100);
        page.evaluate(TO_BOTTOM);
        if (!grewWithin(before)) {
          break; // nothing new twice: the end of the feed
        }
      }
      grown++;
      settle();
    }
    return grown;
  }

  private boolean grewWithin(int before) {
    try {
      // Returns as soon as the new content arrives, at most scrollWaitMs.
      page.waitForFunction(
          GREW,
          before,
          new Page.WaitForFunctionOptions()
              .setTimeout(
                  Math.min(settings.scrollWaitMs(), BrowserFetcher.remainingMs(deadlineNanos)))
              .setPollingInterval(50));
      return true;
    } catch (TimeoutError e) {
      return false;
    }
  }

  private void settle() {
    try {
      page.waitForFunction(
          IMAGES_DONE,
          null,
          new Page.WaitForFunctionOptions()
              .setTimeout(
                  Math.min(settings.scrollWaitMs(), BrowserFetcher.remainingMs(deadlineNanos)))
              .setPollingInterval(50));
    } catch (TimeoutError e) {
      // a broken image must not stop the crawl; scroll on with the layout as it is
    }
  }
}
