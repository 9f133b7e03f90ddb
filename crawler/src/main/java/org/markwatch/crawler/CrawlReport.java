package org.markwatch.crawler;

import java.nio.file.Path;
import java.util.List;

/**
 * What a crawl run did; totals are sums over {@link #sources()}.
 *
 * @param crawlRunId the run id from the settings
 * @param startedAt start time from the settings' clock, ISO-8601
 * @param wallTimeMs wall time of the run, milliseconds (real time, not the settings' clock)
 * @param pagesFetched pages answered 2xx
 * @param pagesFailed pages failed after retries
 * @param blockedByRobots URLs not requested because of robots.txt
 * @param listingsEmitted listings written to the sink
 * @param sources per-source figures, in the order sources were given
 * @param notices messages for the operator (Chromium missing, hosts skipped, ...)
 * @param spoolFiles spool files written, in order (empty when the sink is not a spool)
 */
public record CrawlReport(
    String crawlRunId,
    String startedAt,
    long wallTimeMs,
    int pagesFetched,
    int pagesFailed,
    int blockedByRobots,
    int listingsEmitted,
    List<SourceReport> sources,
    List<String> notices,
    List<Path> spoolFiles) {

  public CrawlReport {
    sources = List.copyOf(sources);
    notices = List.copyOf(notices);
    spoolFiles = List.copyOf(spoolFiles);
  }

  /** The report of one source, or null. */
  public SourceReport source(String sourceId) {
    return sources.stream().filter(s -> s.sourceId().equals(sourceId)).findFirst().orElse(null);
  }
}
