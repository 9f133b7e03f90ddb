package org.markwatch.crawler.fetch;

/**
 * Fetches one URL. Implementations return every failure as a {@link FetchResult} and throw only for
 * programming errors. {@link #close()} releases connections, threads and browsers.
 */
public interface Fetcher extends AutoCloseable {
  FetchResult fetch(FetchRequest request);

  @Override
  void close();
}
