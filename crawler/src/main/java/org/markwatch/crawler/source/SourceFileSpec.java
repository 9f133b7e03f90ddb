package org.markwatch.crawler.source;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Duration;
import java.util.List;

/**
 * The shape of a source file ({@code conf/sources/*.yaml}), bound by the strict YAML mapper: an
 * unknown key or a value of the wrong type is an error with file, line and key before any of the
 * checks in {@link SourceFileParser} run. Absent values are null here; the parser applies the
 * defaults. A single value is accepted where a list is expected ({@code seeds: http://h/}).
 */
record SourceFileSpec(List<SourceSpec> sources) {

  record SourceSpec(
      String id,
      String platform,
      Boolean enabled,
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> seeds,
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> hosts,
      String fetch,
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> follow,
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> products,
      Boolean sitemap,
      Integer maxPages,
      PolitenessSpec politeness,
      String profile,
      BrowserSpec browser,
      RevisitSpec revisit,
      String schedule) {}

  record PolitenessSpec(
      Long delayMs, Long maxCrawlDelayMs, Integer maxRetries, Long backoffMs, Long maxBackoffMs) {}

  record BrowserSpec(
      Integer scrollRounds, Long scrollWaitMs, Long pageTimeoutMs, Boolean screenshot) {}

  /** ISO-8601 durations, e.g. {@code P1D}, {@code PT6H}. */
  record RevisitSpec(Duration products, Duration pages) {}
}
