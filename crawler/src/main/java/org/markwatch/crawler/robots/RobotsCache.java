package org.markwatch.crawler.robots;

import crawlercommons.robots.BaseRobotRules;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.markwatch.crawler.fetch.FetchRequest;
import org.markwatch.crawler.fetch.FetchResult;
import org.markwatch.crawler.fetch.Fetcher;
import org.markwatch.crawler.source.BrowserSettings;

/**
 * robots.txt rules per scheme+host+port, fetched once per crawl run with the static fetcher
 * (up to 5 redirects, as RFC 9309 asks). One instance per run: no global cache.
 */
public final class RobotsCache {
  /** Redirects followed for robots.txt (RFC 9309 §2.3.1.2 asks for at least five). */
  public static final int MAX_REDIRECTS = 5;

  private final Fetcher fetcher;
  private final RobotsPolicy policy;
  private final Map<String, Entry> byOrigin = new ConcurrentHashMap<>();

  /** What was fetched for one origin. */
  public record Entry(String robotsUrl, FetchResult fetch, BaseRobotRules rules) {}

  public RobotsCache(Fetcher fetcher, RobotsPolicy policy) {
    this.fetcher = fetcher;
    this.policy = policy;
  }

  /** Rules for the origin of {@code url}, fetching robots.txt on first use. */
  public Entry forUrl(String url) {
    return byOrigin.computeIfAbsent(origin(url), o -> {
      String robotsUrl = o + "/robots.txt";
      FetchResult fetch = fetcher.fetch(new FetchRequest(robotsUrl, java.util.Set.of(), MAX_REDIRECTS, BrowserSettings.DEFAULT));
      return new Entry(robotsUrl, fetch, policy.rules(robotsUrl, fetch));
    });
  }

  /** Rules already fetched for the origin of {@code url}, or null (never fetches). */
  public Entry cached(String url) {
    return byOrigin.get(origin(url));
  }

  private static String origin(String url) {
    URI uri = URI.create(url);
    return uri.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + uri.getRawAuthority().toLowerCase(java.util.Locale.ROOT);
  }

  /** Whether {@code url} may be fetched; false too when the host is deferred (robots.txt unreachable). */
  public boolean allowed(String url) {
    BaseRobotRules rules = forUrl(url).rules();
    return !rules.isDeferVisits() && rules.isAllowed(url);
  }
}
