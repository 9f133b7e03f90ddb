package org.markwatch.storage;

import java.time.Instant;

/**
 * The report written after a scheduled crawl run, for the people who read it in the morning.
 *
 * @param runId the crawl run it reports on ({@code crawl_runs.id})
 * @param createdAt when it was written
 * @param title one line, e.g. {@code Báo cáo sáng 2026-12-07: crawl-20261206T190000Z}
 * @param text the report as plain text
 * @param html the report as a whole HTML document (every value escaped; no script, no style
 *     attribute)
 */
public record MorningReport(
    String runId, Instant createdAt, String title, String text, String html) {
  /** A report without its bodies, for lists. */
  public record Entry(String runId, Instant createdAt, String title) {}
}
