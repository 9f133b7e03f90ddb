package org.markwatch.crawler.fetch;

import java.util.EnumMap;
import java.util.Map;
import org.markwatch.crawler.source.FetchMode;

/**
 * Picks the fetcher for a source's fetch mode (as StormCrawler's DelegatorProtocol routes by
 * config), so nothing else in the crawler asks "does this need JavaScript?". Owns and closes them.
 */
public final class FetcherRouter implements AutoCloseable {
  private final Map<FetchMode, Fetcher> byMode;

  public FetcherRouter(Map<FetchMode, Fetcher> byMode) {
    this.byMode = new EnumMap<>(byMode);
  }

  /**
   * The fetcher for {@code mode}; throws when none was configured (a wiring error, not a site's).
   */
  public Fetcher route(FetchMode mode) {
    Fetcher f = byMode.get(mode);
    if (f == null) {
      throw new IllegalStateException("no fetcher configured for fetch mode " + mode.id());
    }
    return f;
  }

  @Override
  public void close() {
    byMode.values().forEach(Fetcher::close);
  }
}
