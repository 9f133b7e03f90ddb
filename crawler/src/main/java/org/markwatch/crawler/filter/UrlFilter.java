package org.markwatch.crawler.filter;

/**
 * One rule deciding whether a discovered URL enters the frontier, as StormCrawler's URLFilter:
 * returns the URL (possibly rewritten) to keep it, or null to drop it. Pure.
 */
@FunctionalInterface
public interface UrlFilter {
  /**
   * @param url an absolute, normalised URL; @return the URL to keep, or null to drop it
   */
  String filter(String url);
}
