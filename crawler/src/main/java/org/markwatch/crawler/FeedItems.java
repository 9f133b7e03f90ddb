package org.markwatch.crawler;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.markwatch.crawler.frontier.UrlNormalizer;
import org.markwatch.model.Listing;

/**
 * Which element of a feed page holds which post's listing: the one item element holding a link to
 * the listing's own URL (a post's permalink), else the one item element whose text holds the
 * listing's text. A listing matched by no element, or by several, gets none: what is taken from a
 * post's element (its screenshot crop, the documents it links) is then left out rather than taken
 * from a neighbour or from the whole feed.
 */
final class FeedItems {
  private static final int TEXT_PROBE_CHARS = 120;

  private final String pageUrl;
  private final List<Element> items = new ArrayList<>();

  /**
   * @param html the page (the rendered DOM for a browser fetch)
   * @param url the page's URL, to resolve links
   * @param itemSelector CSS selector of the feed's item elements
   */
  FeedItems(String html, String url, String itemSelector) {
    this.pageUrl = UrlNormalizer.normalize(url);
    Document doc = Jsoup.parse(html, url);
    items.addAll(doc.select(itemSelector));
  }

  /** The item element showing {@code listing}, or null. */
  Element itemOf(Listing listing) {
    Element e = byLink(listing.url());
    return e != null ? e : byText(listing.text() != null ? listing.text() : listing.title());
  }

  private Element byLink(String url) {
    String target = url == null ? null : UrlNormalizer.normalize(url);
    if (target == null || target.equals(pageUrl)) {
      return null; // a post without a permalink: its URL is the feed's, which every post links to
    }
    Element found = null;
    for (Element item : items) {
      boolean links =
          item.select("a[href]").stream()
              .map(a -> UrlNormalizer.normalize(a.absUrl("href")))
              .anyMatch(target::equals);
      if (links) {
        if (found != null) {
          return null;
        }
        found = item;
      }
    }
    return found;
  }

  private Element byText(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String probe = squash(text);
    probe = probe.substring(0, Math.min(TEXT_PROBE_CHARS, probe.length()));
    Element found = null;
    for (Element item : items) {
      if (squash(item.text()).contains(probe)) {
        if (found != null) {
          return null;
        }
        found = item;
      }
    }
    return found;
  }

  private static String squash(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }
}
