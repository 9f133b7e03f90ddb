package org.markwatch.crawler.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import java.util.ArrayList;
import java.util.List;
import org.markwatch.crawler.fetch.FetchResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One screenshot per item of a rendered feed (a post), cropped to the item's element, so each
 * listing's evidence shows that post alone. Items are numbered in the DOM ({@value #ATTRIBUTE}), so
 * the stored HTML says which element each crop is of; numbers the page set itself are removed
 * first.
 */
final class ItemShots {
  static final String ATTRIBUTE = "data-markwatch-item";

  /** A feed longer than this gets crops of its first items only. */
  static final int MAX_ITEMS = 500;

  private static final Logger LOG = LoggerFactory.getLogger(ItemShots.class);

  private static final String MARK =
      """
      ([selector, attr, max]) => {
        document.querySelectorAll('[' + attr + ']').forEach(e => e.removeAttribute(attr));
        const items = Array.from(document.querySelectorAll(selector)).slice(0, max);
        items.forEach((e, i) => e.setAttribute(attr, String(i)));
        return items.length;
      }
      """;

  // Which numbered items have a visible box (a hidden one would make the screenshot wait).
  private static final String VISIBLE =
      """
      ([attr, n]) => Array.from({length: n}, (_, i) => {
        const e = document.querySelector('[' + attr + '="' + i + '"]');
        if (!e) return false;
        const r = e.getBoundingClientRect();
        return r.width >= 1 && r.height >= 1;
      })
      """;

  private ItemShots() {}

  /** Numbers the elements {@code selector} matches; their count (0 for a bad selector). */
  static int mark(Page page, String selector) {
    try {
      Object n = page.evaluate(MARK, List.of(selector, ATTRIBUTE, MAX_ITEMS));
      return ((Number) n).intValue();
    } catch (PlaywrightException e) {
      LOG.warn("item selector {} failed in the browser: {}", selector, e.getMessage());
      return 0;
    }
  }

  /** A crop of each visible numbered item, in order, until the page's deadline. */
  static List<FetchResult.ItemShot> take(Page page, int count, long deadlineNanos) {
    List<FetchResult.ItemShot> shots = new ArrayList<>();
    if (count == 0) {
      return shots;
    }
    @SuppressWarnings("unchecked")
    List<Boolean> visible = (List<Boolean>) page.evaluate(VISIBLE, List.of(ATTRIBUTE, count));
    for (int i = 0; i < count; i++) {
      if (!Boolean.TRUE.equals(visible.get(i))) {
        continue;
      }
      if (System.nanoTime() >= deadlineNanos) {
        LOG.warn("page time limit reached after {} of {} item screenshots", shots.size(), count);
        break;
      }
      try {
        byte[] png =
            page.locator("[" + ATTRIBUTE + "=\"" + i + "\"]")
                .screenshot(
                    new com.microsoft.playwright.Locator.ScreenshotOptions()
                        .setTimeout(BrowserFetcher.remainingMs(deadlineNanos)));
        shots.add(new FetchResult.ItemShot(i, png));
      } catch (PlaywrightException e) {
        LOG.warn("screenshot of item {} failed: {}", i, e.getMessage());
      }
    }
    return shots;
  }
}
