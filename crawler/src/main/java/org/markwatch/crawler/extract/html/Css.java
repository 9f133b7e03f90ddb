package org.markwatch.crawler.extract.html;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * CSS queries parsed once. {@code element.select("...")} parses its query on every call, which cost
 * about 6 % of an extraction (profiled with JFR on the peers' 45 KB fixture pages); the parsed
 * {@link Evaluator}s are immutable and shared between threads.
 */
public final class Css {
  /** Distinct queries kept; a site profile's queries are few, the code's are constants. */
  private static final int MAX_CACHED = 2_000;

  private static final ConcurrentMap<String, Evaluator> CACHE = new ConcurrentHashMap<>();

  private Css() {}

  /**
   * The parsed form of {@code query}; throws jsoup's {@code SelectorParseException} when invalid.
   */
  public static Evaluator of(String query) {
    Evaluator e = CACHE.get(query);
    if (e != null) {
      return e;
    }
    e = Selector.evaluatorOf(query);
    if (CACHE.size() < MAX_CACHED) {
      CACHE.putIfAbsent(query, e);
    }
    return e;
  }
}
