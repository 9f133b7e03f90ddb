package org.markwatch.crawler.frontier;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * In-memory frontier of one source: first in, first out, each normalised URL admitted once per run,
 * at most {@code maxPages} URLs handed out. Not thread-safe: one source is crawled by one thread.
 * (The database-backed frontier that lets several workers share hosts comes later.)
 */
public final class Frontier {
  private final Deque<CrawlUrl> queue = new ArrayDeque<>();
  private final Set<String> seen = new HashSet<>();
  private final int maxPages;
  private int handedOut;

  /**
   * @param maxPages most URLs {@link #next()} returns in this run
   */
  public Frontier(int maxPages) {
    this.maxPages = maxPages;
  }

  /**
   * Queues a URL unless it is not http(s) or already seen.
   *
   * @return true when the URL was new and queued
   */
  public boolean add(String url, int depth) {
    String n = UrlNormalizer.normalize(url);
    if (n == null || !seen.add(n)) {
      return false;
    }
    queue.addLast(new CrawlUrl(n, depth, 0));
    return true;
  }

  /** Puts a URL back at the end for a retry, counting the attempt; does not use budget twice. */
  public void retry(CrawlUrl url) {
    handedOut--;
    queue.addLast(new CrawlUrl(url.url(), url.depth(), url.attempt() + 1));
  }

  /** The next URL, or null when the queue is empty or the page budget is spent. */
  public CrawlUrl next() {
    if (handedOut >= maxPages || queue.isEmpty()) {
      return null;
    }
    handedOut++;
    return queue.pollFirst();
  }

  /** Whether the URL (in any spelling that normalises the same) was already admitted. */
  public boolean seen(String url) {
    String n = UrlNormalizer.normalize(url);
    return n != null && seen.contains(n);
  }

  /** URLs handed out so far. */
  public int handedOut() {
    return handedOut;
  }

  public int queued() {
    return queue.size();
  }
}
