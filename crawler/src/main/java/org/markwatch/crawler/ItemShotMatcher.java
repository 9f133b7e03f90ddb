package org.markwatch.crawler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.markwatch.crawler.fetch.FetchResult;
import org.markwatch.crawler.frontier.UrlNormalizer;
import org.markwatch.model.Listing;

/**
 * Which item crop of a rendered feed shows which listing. The browser numbered the item elements
 * ({@code data-markwatch-item}) before the DOM was read, so each listing is looked for among those
 * elements: the one element holding a link to the listing's own URL (a post's permalink), else the
 * one element whose text holds the listing's text. A listing matched by no element, or by several,
 * gets no screenshot rather than a wrong one (and never the whole feed).
 */
final class ItemShotMatcher {
  private static final String ATTRIBUTE = "data-markwatch-item";
  private static final int TEXT_PROBE_CHARS = 120;

  private final String pageUrl;
  private final List<Element> items = new ArrayList<>();
  private final Map<Integer, byte[]> shots = new HashMap<>();

  ItemShotMatcher(FetchResult fetch) {
    this.pageUrl = UrlNormalizer.normalize(fetch.finalUrl());
    Document doc = Jsoup.parse(fetch.renderedHtml(), fetch.finalUrl());
    items.addAll(doc.select("[" + ATTRIBUTE + "]"));
    for (FetchResult.ItemShot s : fetch.itemShots()) {
      shots.put(s.index(), s.png());
    }
  }

  /** The crop showing {@code listing}, or null. */
  byte[] shotOf(Listing listing) {
    Element e = byLink(listing.url());
    if (e == null) {
      e = byText(listing.text() != null ? listing.text() : listing.title());
    }
    if (e == null) {
      return null;
    }
    try {
      return shots.get(Integer.parseInt(e.attr(ATTRIBUTE)));
    } catch (NumberFormatException ex) {
      return null;
    }
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
