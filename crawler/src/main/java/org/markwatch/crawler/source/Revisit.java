package org.markwatch.crawler.source;

import java.time.Duration;

/**
 * How long the durable frontier waits before it fetches a page of a source again. A re-visit
 * records a new observation of the listings the page gives and notices those it no longer gives.
 *
 * @param products product pages; default {@link #DEFAULT_PRODUCTS} (a day)
 * @param pages other pages (seeds, categories, shops), which bring new listings sooner; default
 *     {@link #DEFAULT_PAGES} (6 hours)
 */
public record Revisit(Duration products, Duration pages) {
  public static final Duration DEFAULT_PRODUCTS = Duration.ofDays(1);
  public static final Duration DEFAULT_PAGES = Duration.ofHours(6);
  public static final Revisit DEFAULT = new Revisit(DEFAULT_PRODUCTS, DEFAULT_PAGES);

  public Revisit {
    if (products.isNegative() || pages.isNegative()) {
      throw new IllegalArgumentException("re-visit intervals must be >= 0");
    }
  }
}
