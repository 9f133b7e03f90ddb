package org.markwatch.crawler;

import java.util.List;
import org.markwatch.crawler.source.Source;

/**
 * Progress of a crawl run, for the CLI and logs. Called from crawl threads (several at once when
 * hosts crawl in parallel): implementations must be thread-safe and quick. All methods default to
 * doing nothing.
 */
public interface ProgressListener {
  /** Does nothing. */
  ProgressListener NONE = new ProgressListener() {};

  default void runStarted(String crawlRunId, List<Source> sources) {}

  /** Something the operator should read, e.g. the Chromium-missing notice or a skipped host. */
  default void notice(String message) {}

  default void pageDone(PageEvent event) {}

  default void sourceDone(SourceReport report) {}

  /**
   * One page handled.
   *
   * @param sourceId the source
   * @param url the page URL
   * @param outcome fetch outcome name (OK, HTTP_ERROR, TIMEOUT, ...)
   * @param status HTTP status, 0 when none
   * @param listings listings emitted from the page
   * @param pagesDone pages handled for the source so far
   * @param maxPages the source's page budget
   */
  record PageEvent(
      String sourceId,
      String url,
      String outcome,
      int status,
      int listings,
      int pagesDone,
      int maxPages) {}
}
