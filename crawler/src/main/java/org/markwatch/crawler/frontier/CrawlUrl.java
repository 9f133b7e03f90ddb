package org.markwatch.crawler.frontier;

/**
 * A URL waiting in the frontier.
 *
 * @param url normalised absolute URL
 * @param depth links followed from a seed (seeds and sitemap URLs: 0)
 * @param attempt fetch attempts made so far (retries after 429/5xx)
 */
public record CrawlUrl(String url, int depth, int attempt) {}
