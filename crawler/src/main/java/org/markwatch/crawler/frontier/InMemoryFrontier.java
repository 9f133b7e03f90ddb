package org.markwatch.crawler.frontier;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * In-memory frontier of one source: first in, first out, each normalised URL admitted once per run,
 * at most {@code maxPages} URLs handed out, nothing kept after the run (priorities and re-visit
 * intervals are ignored: the durable frontier in the database has them). Used by the demo, the
 * tests and {@code Crawler}'s default. Not thread-safe: one source is crawled by one thread.
 */
public final class InMemoryFrontier implements Frontier {
  private final Deque<CrawlUrl> queue = new ArrayDeque<>();
  private final Set<String> seen = new HashSet<>();
  private final int maxPages;
  private int handedOut;

  /**
   * @param maxPages most URLs {@link #next()} returns in this run
   */
  public InMemoryFrontier(int maxPages) {
    this.maxPages = maxPages;
  }

  /**
   * Queues a URL unless it is not http(s) or already seen.
   *
   * @return true when the URL was new and queued
   */
  @Override
  public boolean add(String url, int depth, int priority) {
    String n = UrlNormalizer.normalize(url);
    if (n == null || !seen.add(n)) {
      return false;
    }
    queue.addLast(new CrawlUrl(n, depth, 0));
    return true;
  }

  /** Puts a URL back at the end for a retry, counting the attempt; does not use budget twice. */
  @Override
  public void retry(CrawlUrl url, long waitMs) {
    handedOut--;
    queue.addLast(new CrawlUrl(url.url(), url.depth(), url.attempt() + 1));
  }

  /** The next URL, or null when the queue is empty or the page budget is spent. */
  @Override
  public CrawlUrl next() {
    if (handedOut >= maxPages || queue.isEmpty()) {
      return null;
    }
    handedOut++;
    return queue.pollFirst();
  }

  /** Whether the URL (in any spelling that normalises the same) was already admitted. */
  @Override
  public boolean seen(String url) {
    String n = UrlNormalizer.normalize(url);
    return n != null && seen.contains(n);
  }

  /** Adds with the default priority. */
  public boolean add(String url, int depth) {
    return add(url, depth, PRIORITY_PAGE);
  }

  @Override
  public void done(CrawlUrl url, Visit visit) {}

  @Override
  public void putBack(CrawlUrl url) {
    handedOut--;
    queue.addFirst(url);
  }

  /** URLs handed out so far. */
  @Override
  public int handedOut() {
    return handedOut;
  }

  public int queued() {
    return queue.size();
  }
}
