package org.markwatch.storage.feed;

import java.util.List;

/**
 * One page of an incremental read: the rows after the cursor the caller gave, in cursor order, and
 * the cursor to pass next time (the last row's; the same cursor when the page is empty).
 */
public record FeedPage<T>(List<T> items, String nextCursor, boolean more) {
  public FeedPage {
    items = List.copyOf(items);
  }
}
