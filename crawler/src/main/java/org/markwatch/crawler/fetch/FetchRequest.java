package org.markwatch.crawler.fetch;

import java.util.Set;
import org.markwatch.crawler.source.BrowserSettings;

/**
 * One URL to fetch.
 *
 * @param url absolute http(s) URL
 * @param allowedHosts {@code host[:port]} keys the browser may load sub-resources from (others are
 *     aborted); the static fetcher ignores it
 * @param maxRedirects redirects followed by the static fetcher, each re-checked by the address
 *     guard; 0 returns a 3xx as {@link FetchOutcome#REDIRECT} for the caller to queue
 * @param browser rendering settings for the browser fetcher; ignored by the static one
 * @param itemSelector CSS selector of the items of a feed (posts): the browser fetcher screenshots
 *     each item on its own instead of the whole page; null for a whole-page screenshot
 */
public record FetchRequest(
    String url,
    Set<String> allowedHosts,
    int maxRedirects,
    BrowserSettings browser,
    String itemSelector) {
  public FetchRequest(
      String url, Set<String> allowedHosts, int maxRedirects, BrowserSettings browser) {
    this(url, allowedHosts, maxRedirects, browser, null);
  }

  public FetchRequest {
    allowedHosts = Set.copyOf(allowedHosts);
    if (maxRedirects < 0) {
      throw new IllegalArgumentException("maxRedirects must be >= 0: " + maxRedirects);
    }
  }

  /** A plain static request: no redirects followed, default browser settings. */
  public static FetchRequest of(String url) {
    return new FetchRequest(url, Set.of(), 0, BrowserSettings.DEFAULT);
  }
}
