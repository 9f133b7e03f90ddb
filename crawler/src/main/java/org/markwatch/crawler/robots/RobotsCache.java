package org.markwatch.crawler.robots;

import crawlercommons.robots.BaseRobotRules;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.markwatch.crawler.fetch.FetchRequest;
import org.markwatch.crawler.fetch.FetchResult;
import org.markwatch.crawler.fetch.Fetcher;
import org.markwatch.crawler.source.BrowserSettings;

/**
 * robots.txt rules per scheme+host+port, fetched once per crawl run with the static fetcher (up to
 * 5 redirects, as RFC 9309 asks). One instance per run: no global cache.
 */
public final class RobotsCache {
  /** Redirects followed for robots.txt (RFC 9309 §2.3.1.2 asks for at least five). */
  public static final int MAX_REDIRECTS = 5;

  private final Fetcher fetcher;
  private final RobotsPolicy policy;
  // Futures, so that the fetch runs outside the map's lock: computeIfAbsent would block every
  // other origin hashed to the same bin for as long as one robots.txt takes (up to minutes).
  private final Map<String, CompletableFuture<Entry>> byOrigin = new ConcurrentHashMap<>();

  /** What was fetched for one origin. */
  public record Entry(String robotsUrl, FetchResult fetch, BaseRobotRules rules) {}

  public RobotsCache(Fetcher fetcher, RobotsPolicy policy) {
    this.fetcher = fetcher;
    this.policy = policy;
  }

  /**
   * Rules for the origin of {@code url}, fetching robots.txt on first use. Threads asking for the
   * same origin meanwhile wait for that one fetch; other origins are never held up.
   */
  public Entry forUrl(String url) {
    String o = origin(url);
    CompletableFuture<Entry> mine = new CompletableFuture<>();
    CompletableFuture<Entry> existing = byOrigin.putIfAbsent(o, mine);
    if (existing != null) {
      try {
        return existing.join();
      } catch (java.util.concurrent.CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    }
    try {
      String robotsUrl = o + "/robots.txt";
      FetchResult fetch =
          fetcher.fetch(
              new FetchRequest(
                  robotsUrl, java.util.Set.of(), MAX_REDIRECTS, BrowserSettings.DEFAULT));
      Entry entry = new Entry(robotsUrl, fetch, policy.rules(robotsUrl, fetch));
      mine.complete(entry);
      return entry;
    } catch (RuntimeException e) {
      byOrigin.remove(o, mine); // the next caller tries again
      mine.completeExceptionally(e);
      throw e;
    }
  }

  /** Rules already fetched for the origin of {@code url}, or null (never fetches, never waits). */
  public Entry cached(String url) {
    CompletableFuture<Entry> f = byOrigin.get(origin(url));
    return f == null || !f.isDone() || f.isCompletedExceptionally() ? null : f.join();
  }

  private static String origin(String url) {
    URI uri = URI.create(url);
    return uri.getScheme().toLowerCase(java.util.Locale.ROOT)
        + "://"
        + uri.getRawAuthority().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Whether {@code url} may be fetched; false too when the host is deferred (robots.txt
   * unreachable).
   */
  public boolean allowed(String url) {
    BaseRobotRules rules = forUrl(url).rules();
    return !rules.isDeferVisits() && rules.isAllowed(url);
  }
}
