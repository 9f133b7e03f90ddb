package org.markwatch.crawler.sink;

import org.markwatch.model.Listing;

/**
 * Where extracted listings go: spool files now, a Kafka topic keyed by listing id later.
 * Implementations are thread-safe; {@link #close()} makes everything written visible to readers.
 */
public interface Sink extends AutoCloseable {
  void write(Listing listing);

  /** Listings written so far. */
  long written();

  @Override
  void close();
}
