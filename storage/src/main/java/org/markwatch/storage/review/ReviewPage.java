package org.markwatch.storage.review;

import java.util.List;

/** A page of the review queue; {@code total} counts the matching rows over all pages. */
public record ReviewPage(ReviewFilter filter, long total, List<ReviewItem> items) {
  public ReviewPage {
    items = List.copyOf(items);
  }

  public boolean hasNext() {
    return filter.offset() + items.size() < total;
  }
}
