package org.markwatch.crawler;

import java.util.HashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.markwatch.crawler.fetch.FetchResult;

/**
 * Which item crop of a rendered feed shows which listing. The browser numbered the item elements
 * ({@code data-markwatch-item}) before the DOM was read, so each listing is looked for among those
 * elements by {@link FeedItems} ({@link #items}); a listing matched by no element, or by several,
 * gets no screenshot rather than a wrong one (and never the whole feed).
 */
final class ItemShotMatcher {
  static final String ATTRIBUTE = "data-markwatch-item";

  private final Map<Integer, byte[]> shots = new HashMap<>();

  ItemShotMatcher(FetchResult fetch) {
    for (FetchResult.ItemShot s : fetch.itemShots()) {
      shots.put(s.index(), s.png());
    }
  }

  /** The item elements of the rendered feed, as the browser numbered them. */
  static FeedItems items(FetchResult fetch) {
    return new FeedItems(fetch.renderedHtml(), fetch.finalUrl(), "[" + ATTRIBUTE + "]");
  }

  /** The crop of {@code e} (an element of {@link #items}), or null. */
  byte[] shotOf(Element e) {
    if (e == null) {
      return null;
    }
    try {
      return shots.get(Integer.parseInt(e.attr(ATTRIBUTE)));
    } catch (NumberFormatException ex) {
      return null;
    }
  }
}
