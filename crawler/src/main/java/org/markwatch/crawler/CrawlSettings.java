package org.markwatch.crawler;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.markwatch.crawler.browser.Chromium;
import org.markwatch.crawler.evidence.WarcArchive;
import org.markwatch.crawler.fetch.FetchLimits;
import org.markwatch.crawler.sink.SpoolSink;

/**
 * Everything a crawl run needs besides its sources. Immutable; build with {@link #builder}.
 *
 * @param evidenceDir where page HTML and screenshots are stored by SHA-256
 * @param spoolDir where listing spool files ({@code listings-<runId>-NNNNN.jsonl}) are written
 * @param allowLoopback whether 127.0.0.0/8 and ::1 may be fetched; only for tests and the demo;
 *     default <b>false</b>. Private, link-local and multicast addresses are refused regardless.
 * @param threads hosts crawled in parallel (each host is crawled by one thread at a time); default
 *     <b>4</b>
 * @param userAgent User-Agent header and robots.txt agent (its product token, {@code markwatch});
 *     default {@value #DEFAULT_USER_AGENT}
 * @param clock source of {@code observedAt}; a fixed clock makes two runs over the same site
 *     produce identical records; default the system UTC clock
 * @param crawlRunId id written into every listing and spool file name; default {@code run-<start
 *     time>}
 * @param fetchLimits timeouts and byte cap; default {@link FetchLimits#DEFAULT}
 * @param spoolRollEvery listings per spool file; default {@value SpoolSink#DEFAULT_ROLL_EVERY}
 * @param chromium Chromium executable; default {@code /usr/bin/chromium}
 * @param warcRotateBytes product pages (and screenshots) are also written as WARC records to {@code
 *     <evidenceDir>/warc/<runId>-NNNNN.warc.gz}, a new file from this size on; 0 writes no WARC;
 *     default {@link WarcArchive#DEFAULT_ROTATE_BYTES} (1 GiB)
 */
public record CrawlSettings(
    Path evidenceDir,
    Path spoolDir,
    boolean allowLoopback,
    int threads,
    String userAgent,
    Clock clock,
    String crawlRunId,
    FetchLimits fetchLimits,
    int spoolRollEvery,
    Path chromium,
    long warcRotateBytes) {

  public static final String DEFAULT_USER_AGENT = "markwatch/0.1 (+https://github.com/markwatch)";

  public CrawlSettings {
    Objects.requireNonNull(evidenceDir, "evidenceDir");
    Objects.requireNonNull(spoolDir, "spoolDir");
    Objects.requireNonNull(userAgent, "userAgent");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(crawlRunId, "crawlRunId");
    Objects.requireNonNull(fetchLimits, "fetchLimits");
    Objects.requireNonNull(chromium, "chromium");
    if (threads < 1) throw new IllegalArgumentException("threads must be >= 1: " + threads);
    if (spoolRollEvery < 1)
      throw new IllegalArgumentException("spoolRollEvery must be >= 1: " + spoolRollEvery);
    if (crawlRunId.isBlank()) throw new IllegalArgumentException("crawlRunId must not be blank");
    if (warcRotateBytes < 0)
      throw new IllegalArgumentException("warcRotateBytes must be >= 0: " + warcRotateBytes);
  }

  public static Builder builder(Path evidenceDir, Path spoolDir) {
    return new Builder(evidenceDir, spoolDir);
  }

  /** Fluent builder; unset values take the defaults documented on the record. */
  public static final class Builder {
    private final Path evidenceDir;
    private final Path spoolDir;
    private boolean allowLoopback;
    private int threads = 4;
    private String userAgent = DEFAULT_USER_AGENT;
    private Clock clock = Clock.systemUTC();
    private String crawlRunId;
    private FetchLimits fetchLimits = FetchLimits.DEFAULT;
    private int spoolRollEvery = SpoolSink.DEFAULT_ROLL_EVERY;
    private Path chromium = Chromium.DEFAULT_PATH;
    private long warcRotateBytes = WarcArchive.DEFAULT_ROTATE_BYTES;

    private Builder(Path evidenceDir, Path spoolDir) {
      this.evidenceDir = evidenceDir;
      this.spoolDir = spoolDir;
    }

    public Builder allowLoopback(boolean v) {
      allowLoopback = v;
      return this;
    }

    public Builder threads(int v) {
      threads = v;
      return this;
    }

    public Builder userAgent(String v) {
      userAgent = v;
      return this;
    }

    public Builder clock(Clock v) {
      clock = v;
      return this;
    }

    public Builder crawlRunId(String v) {
      crawlRunId = v;
      return this;
    }

    public Builder fetchLimits(FetchLimits v) {
      fetchLimits = v;
      return this;
    }

    public Builder spoolRollEvery(int v) {
      spoolRollEvery = v;
      return this;
    }

    public Builder chromium(Path v) {
      chromium = v;
      return this;
    }

    public Builder warcRotateBytes(long v) {
      warcRotateBytes = v;
      return this;
    }

    public CrawlSettings build() {
      String runId =
          crawlRunId != null
              ? crawlRunId
              : "run-"
                  + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                      .withZone(ZoneOffset.UTC)
                      .format(Instant.now(clock));
      return new CrawlSettings(
          evidenceDir,
          spoolDir,
          allowLoopback,
          threads,
          userAgent,
          clock,
          runId,
          fetchLimits,
          spoolRollEvery,
          chromium,
          warcRotateBytes);
    }
  }
}
