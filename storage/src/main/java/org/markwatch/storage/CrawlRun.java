package org.markwatch.storage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One crawl run as stored in {@code crawl_runs}.
 *
 * @param finishedAt null while running
 * @param sources source ids (stored comma separated)
 */
public record CrawlRun(
    String id,
    Instant startedAt,
    Instant finishedAt,
    Status status,
    List<String> sources,
    int pagesFetched,
    int pagesFailed,
    int listingsFound,
    String note) {

  /** Lifecycle of a run; {@link #id()} is the stored spelling. */
  public enum Status {
    RUNNING,
    FINISHED,
    FAILED;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Status fromId(String id) {
      for (Status s : values()) {
        if (s.id().equals(id)) {
          return s;
        }
      }
      throw new IllegalArgumentException("unknown crawl run status: " + id);
    }
  }

  public CrawlRun {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(status, "status");
    sources = sources == null ? List.of() : List.copyOf(sources);
  }

  /** A run that has just started. */
  public static CrawlRun started(String id, Instant startedAt, List<String> sources) {
    return new CrawlRun(id, startedAt, null, Status.RUNNING, sources, 0, 0, 0, null);
  }

  /** This run, ended with the given outcome and counts. */
  public CrawlRun finished(
      Instant at, Status outcome, int fetched, int failed, int listings, String note) {
    return new CrawlRun(id, startedAt, at, outcome, sources, fetched, failed, listings, note);
  }
}
