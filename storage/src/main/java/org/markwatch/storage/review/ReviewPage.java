package org.markwatch.storage.review;

import java.util.List;

/**
 * A page of the review queue. {@code total} counts the matching rows over all pages, but only up to
 * {@link ReviewQueue#COUNT_BEYOND} rows past this page: over a million-row queue an exact count
 * costs far more than the page, on every page. {@code exact} says whether the count stopped there.
 */
public record ReviewPage(ReviewFilter filter, long total, boolean exact, List<ReviewItem> items) {
  public ReviewPage {
    items = List.copyOf(items);
  }

  public boolean hasNext() {
    return filter.offset() + items.size() < total;
  }
}
