package org.markwatch.crawler.frontier;

import java.util.List;

/**
 * The URLs one source's crawl still has to fetch, as one crawl thread sees them. {@link
 * InMemoryFrontier} lives for one run; the durable one in the database ({@code
 * org.markwatch.app.crawl.DatabaseFrontier} over storage's {@code FrontierStore}) keeps URLs, due
 * times and the listings each URL gave across runs, crashes and worker processes.
 *
 * <p>URLs given to {@link #add} are normalised ({@link UrlNormalizer}) and already filtered
 * (allowed host, robots.txt, follow/product patterns).
 */
public interface Frontier {
  /** Seeds and their redirect targets: fetched first. */
  int PRIORITY_SEED = 30;

  /** Product pages (matching the source's {@code products} patterns). */
  int PRIORITY_PRODUCT = 20;

  /** Other pages (categories, shops, pagination). */
  int PRIORITY_PAGE = 10;

  /**
   * Admits a URL.
   *
   * @return true when the frontier did not know it
   */
  boolean add(String url, int depth, int priority);

  /** Whether the URL was admitted before (in this run, or ever for a durable frontier). */
  boolean seen(String url);

  /**
   * The next URL to fetch, or null when nothing is due (or the page budget is spent). A shared
   * frontier may wait here while another worker still holds URLs that could yield links.
   */
  CrawlUrl next();

  /** A fetch to repeat after {@code waitMs} (429/5xx); counts an attempt, not a page. */
  void retry(CrawlUrl url, long waitMs);

  /** A URL handed out but not fetched (the crawl stops); it stays due. */
  void putBack(CrawlUrl url);

  /** Records a fetch: the URL waits for its re-visit; a durable frontier compares the listings. */
  void done(CrawlUrl url, Visit visit);

  /** URLs handed out in this run (the page budget counts these). */
  int handedOut();

  /** Gives up what the frontier holds for this crawl (host leases); the default does nothing. */
  default void close() {}

  /**
   * What a fetch found.
   *
   * @param status HTTP status, 0 when none
   * @param outcome the fetch outcome ({@code OK}, {@code HTTP_ERROR}, ...)
   * @param listingIds the listings the page gave; null when not known (a failed fetch)
   */
  record Visit(int status, String outcome, List<String> listingIds) {}
}
