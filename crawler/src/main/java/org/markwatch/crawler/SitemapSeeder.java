package org.markwatch.crawler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.markwatch.crawler.fetch.FetchRequest;
import org.markwatch.crawler.fetch.FetchResult;
import org.markwatch.crawler.fetch.Fetcher;
import org.markwatch.crawler.filter.UrlFilter;
import org.markwatch.crawler.robots.RobotsCache;
import org.markwatch.crawler.sitemap.SitemapReader;
import org.markwatch.crawler.source.BrowserSettings;

/**
 * Collects page URLs from a host's sitemaps: those robots.txt names, else {@code /sitemap.xml};
 * sitemap indexes are followed up to {@value #MAX_SITEMAPS} sitemaps, on the source's hosts only.
 * Fetches go through the caller's politeness wait.
 */
final class SitemapSeeder {
  /** Most sitemap files read per host and run. */
  static final int MAX_SITEMAPS = 50;

  interface PoliteFetch {
    FetchResult fetch(Fetcher fetcher, FetchRequest request);
  }

  private final Fetcher fetcher;
  private final PoliteFetch polite;
  private final ProgressListener listener;
  private final UrlFilter hosts;

  /**
   * @param hosts sitemaps elsewhere (robots.txt may name any host) are not fetched
   */
  SitemapSeeder(Fetcher fetcher, PoliteFetch polite, ProgressListener listener, UrlFilter hosts) {
    this.fetcher = fetcher;
    this.polite = polite;
    this.listener = listener;
    this.hosts = hosts;
  }

  List<String> pages(RobotsCache.Entry robots, String origin) {
    Deque<String> todo = new ArrayDeque<>(robots.rules().getSitemaps());
    if (todo.isEmpty()) {
      todo.add(origin + "/sitemap.xml");
    }
    Set<String> done = new LinkedHashSet<>();
    List<String> pages = new ArrayList<>();
    while (!todo.isEmpty() && done.size() < MAX_SITEMAPS) {
      String url = todo.pollFirst();
      if (!done.add(url)) {
        continue;
      }
      if (hosts.filter(url) == null) {
        listener.notice("sitemap " + url + " not read: not on the source's hosts");
        continue;
      }
      FetchResult r =
          polite.fetch(
              fetcher,
              new FetchRequest(url, Set.of(), RobotsCache.MAX_REDIRECTS, BrowserSettings.DEFAULT));
      if (!r.ok()) {
        listener.notice(
            "sitemap "
                + url
                + " not read: "
                + r.outcome()
                + (r.status() > 0 ? " " + r.status() : ""));
        continue;
      }
      SitemapReader.Contents c =
          SitemapReader.read(r.finalUrl(), r.body(), r.header("content-type"));
      if (c.error() != null) {
        listener.notice(c.error());
      }
      pages.addAll(c.pages());
      todo.addAll(c.sitemaps());
    }
    return pages;
  }
}
