package org.markwatch.crawler;

import org.markwatch.crawler.frontier.Frontier;
import org.markwatch.crawler.frontier.InMemoryFrontier;
import org.markwatch.crawler.source.Source;

/** Makes the frontier of one source for one run ({@link Crawler#withFrontiers}). */
@FunctionalInterface
public interface FrontierFactory {
  /** One run's in-memory frontiers, bounded by each source's {@code maxPages}: the default. */
  FrontierFactory IN_MEMORY = source -> new InMemoryFrontier(source.maxPages());

  Frontier open(Source source);
}
