package org.markwatch.crawler.robots;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.util.List;
import java.util.Locale;
import org.markwatch.crawler.fetch.FetchOutcome;
import org.markwatch.crawler.fetch.FetchResult;

/**
 * Turns the fetch of a robots.txt into rules, per RFC 9309 §2.3.1: 2xx is parsed; 4xx
 * ("unavailable") allows everything; 5xx and an unreachable server ("unreachable") disallow
 * everything and defer the host. Pure: no I/O, the caller fetched the file.
 */
public final class RobotsPolicy {
  private final String agentName;

  /**
   * @param agentName the product token matched against User-agent lines, e.g. {@code markwatch}
   */
  public RobotsPolicy(String agentName) {
    this.agentName = agentName.toLowerCase(Locale.ROOT);
  }

  /**
   * The product token of a user-agent string: {@code markwatch/0.1 (+https://...)} -> {@code
   * markwatch}.
   */
  public static String agentName(String userAgent) {
    String token = userAgent.trim().split("[/\\s]", 2)[0];
    return token.isEmpty() ? "markwatch" : token;
  }

  /** Rules for the host of {@code robotsUrl} given how fetching it went. */
  public BaseRobotRules rules(String robotsUrl, FetchResult fetch) {
    // A fresh parser per call: it counts warnings internally and is not meant to be shared.
    SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    // Crawl-delay is capped by each source's maxCrawlDelayMs, not by the parser's 300 s default.
    parser.setMaxCrawlDelay(Long.MAX_VALUE);
    if (fetch.outcome() == FetchOutcome.OK) {
      byte[] body = fetch.body() == null ? new byte[0] : fetch.body();
      return parser.parseContent(robotsUrl, body, fetch.header("content-type"), List.of(agentName));
    }
    if (fetch.status() >= 400 && fetch.status() < 500) {
      return parser.failedFetch(fetch.status());
    }
    // 5xx, timeouts, refused connections, redirects beyond the limit: unreachable, so defer.
    return parser.failedFetch(fetch.status() >= 500 ? fetch.status() : 503);
  }
}
