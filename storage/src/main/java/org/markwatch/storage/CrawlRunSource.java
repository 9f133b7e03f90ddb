package org.markwatch.storage;

import java.util.Locale;
import java.util.Objects;

/**
 * One source's figures in one crawl run, as stored in {@code crawl_run_sources}.
 *
 * @param status {@code ok}, {@code failed} (nothing could be fetched) or {@code skipped}
 * @param note why the source failed or was skipped, else null
 */
public record CrawlRunSource(
    String runId,
    String sourceId,
    String platform,
    String fetchMode,
    Status status,
    int pagesFetched,
    int pagesFailed,
    int blockedByRobots,
    int redirects,
    int retries,
    int listingsFound,
    int extractionErrors,
    long bytesFetched,
    long elapsedMs,
    String note) {

  /** How a source ended; {@link #id()} is the stored spelling. */
  public enum Status {
    OK,
    FAILED,
    SKIPPED;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Status fromId(String id) {
      return valueOf(id.toUpperCase(Locale.ROOT));
    }
  }

  public CrawlRunSource {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(status, "status");
  }
}
