package org.markwatch.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one run of the {@link ScoringJob} did.
 *
 * @param read non-blank lines (or Kafka messages) read
 * @param valid lines that decoded into a valid {@code markwatch.listing/1} record
 * @param invalid lines refused before scoring (unreadable or invalid), in the dead-letter file
 * @param scoreFailed valid listings the detectors failed on, in the dead-letter file
 * @param stored listings stored with their verdict
 * @param storeFailed scored listings the database refused, in the dead-letter file
 * @param flagged stored listings whose verdict is flagged
 * @param currentVerdicts current verdicts created or replaced (a rescore with a new ruleset: every
 *     listing it scored; a replay with the same ruleset: 0)
 * @param deadLetterFile the dead-letter JSON-lines file (empty when nothing was refused), or null
 *     when dead letters only went to a topic
 * @param elapsed wall time of the run, cluster start and stop included
 * @param latencyMillis histogram (ms to count) of the time from a Kafka message's timestamp to the
 *     commit that stored it; empty for spool files
 * @param storing from the first to the last commit of stored records (the store's busy window)
 */
public record JobReport(
    long read,
    long valid,
    long invalid,
    long scoreFailed,
    long stored,
    long storeFailed,
    long flagged,
    Path deadLetterFile,
    Duration elapsed,
    SortedMap<Integer, Integer> latencyMillis,
    Duration storing,
    long currentVerdicts) {

  public JobReport {
    storing = storing == null ? Duration.ZERO : storing;
    latencyMillis =
        Collections.unmodifiableSortedMap(
            new TreeMap<>(latencyMillis == null ? Map.of() : latencyMillis));
  }

  public JobReport(
      long read,
      long valid,
      long invalid,
      long scoreFailed,
      long stored,
      long storeFailed,
      long flagged,
      Path deadLetterFile,
      Duration elapsed) {
    this(
        read,
        valid,
        invalid,
        scoreFailed,
        stored,
        storeFailed,
        flagged,
        deadLetterFile,
        elapsed,
        null,
        Duration.ZERO,
        0);
  }

  public JobReport(
      long read,
      long valid,
      long invalid,
      long scoreFailed,
      long stored,
      long storeFailed,
      long flagged,
      Path deadLetterFile,
      Duration elapsed,
      SortedMap<Integer, Integer> latencyMillis,
      Duration storing) {
    this(
        read,
        valid,
        invalid,
        scoreFailed,
        stored,
        storeFailed,
        flagged,
        deadLetterFile,
        elapsed,
        latencyMillis,
        storing,
        0);
  }

  /**
   * Records stored per second between the first and the last commit: the rate once the job is
   * running, without cluster start and detector compilation; 0 when fewer than two commits.
   */
  public double storedPerSecondWhileStoring() {
    double seconds = storing.toNanos() / 1e9;
    return seconds <= 0 ? 0 : stored / seconds;
  }

  /** Records in the dead-letter file. */
  public long deadLetters() {
    return invalid + scoreFailed + storeFailed;
  }

  /** Lines read per second of wall time. */
  public double recordsPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : read / seconds;
  }

  /**
   * The latency (ms) below which {@code fraction} of the measured records were stored, e.g. 0.99
   * for p99 (nearest rank); -1 when no latency was measured.
   */
  public long latencyPercentile(double fraction) {
    return percentile(latencyMillis, fraction);
  }

  static long percentile(SortedMap<Integer, Integer> histogram, double fraction) {
    if (fraction <= 0 || fraction > 1) {
      throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
    }
    long total = 0;
    for (int n : histogram.values()) {
      total += n;
    }
    if (total == 0) {
      return -1;
    }
    long rank = (long) Math.ceil(fraction * total);
    long seen = 0;
    for (var e : histogram.entrySet()) {
      seen += e.getValue();
      if (seen >= rank) {
        return e.getKey();
      }
    }
    return histogram.lastKey();
  }
}
