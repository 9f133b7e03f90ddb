package org.markwatch.crawler.extract;

import java.util.List;
import org.markwatch.model.Listing;

/**
 * The one entry point of extraction: a page in, {@code markwatch.listing/1} records out (none when
 * the page holds no listing, several for a feed or a list page).
 */
public final class Extraction {
  private Extraction() {}

  public static List<Listing> extract(Page page) {
    throw new UnsupportedOperationException("being built (issue 5)");
  }
}
