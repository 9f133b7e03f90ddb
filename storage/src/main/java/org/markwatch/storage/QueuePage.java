package org.markwatch.storage;

import java.util.List;

/**
 * A page of the flagged-listing queue, highest score first.
 *
 * @param total rows matching the filter over all pages
 */
public record QueuePage(QueueFilter filter, long total, List<QueueItem> items) {
  public QueuePage {
    items = List.copyOf(items);
  }

  public boolean hasNext() {
    return filter.offset() + items.size() < total;
  }
}
