package org.markwatch.crawler.bench;

import crawlercommons.robots.BaseRobotRules;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.markwatch.crawler.frontier.UrlNormalizer;

/**
 * The in-memory queue: same-origin, robots-allowed URLs, each offered once (normalised, fragment
 * dropped). {@link #take} blocks until a URL is there or nothing is queued or in flight any more.
 */
final class BenchFrontier {
  private final String origin;
  private final BaseRobotRules robots;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  // links as written on pages: most repeat (navigation on every page), so this cheap check comes
  // before normalising; the normalised set above still catches two spellings of one URL
  private final Set<String> raw = ConcurrentHashMap.newKeySet();
  private final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
  private final AtomicInteger pending = new AtomicInteger(); // queued + in flight

  BenchFrontier(String origin, BaseRobotRules robots) {
    this.origin = origin;
    this.robots = robots;
  }

  void offer(String link) {
    if (link == null || !raw.add(link)) {
      return;
    }
    String url = UrlNormalizer.normalize(link);
    if (url == null || !url.startsWith(origin + "/") || !seen.add(url) || !robots.isAllowed(url)) {
      return;
    }
    pending.incrementAndGet();
    queue.add(url);
  }

  String take() {
    try {
      while (true) {
        String url = queue.poll(20, TimeUnit.MILLISECONDS);
        if (url != null) {
          return url;
        }
        if (pending.get() == 0) {
          return null;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** The next URL, or null when none is queued right now (does not wait). */
  String poll() {
    return queue.poll();
  }

  void done() {
    pending.decrementAndGet();
  }
}
