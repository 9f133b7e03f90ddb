package org.markwatch.crawler.source;

/**
 * How a source's pages are fetched. The name is what {@code listing.evidence.fetchMode} records.
 */
public enum FetchMode {
  /** Plain HTTP (OkHttp); the page's HTML as served. */
  STATIC,
  /** Headless Chromium via Playwright: JavaScript runs, infinite scroll is followed. */
  BROWSER;

  /** Lower-case name as written in YAML and in evidence. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
