package org.markwatch.pipeline;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What one run of the {@link ScoringJob} did.
 *
 * @param read non-blank lines read from the spool files
 * @param valid lines that decoded into a valid {@code markwatch.listing/1} record
 * @param invalid lines refused before scoring (unreadable or invalid), in the dead-letter file
 * @param scoreFailed valid listings the detectors failed on, in the dead-letter file
 * @param stored listings stored with their verdict
 * @param storeFailed scored listings the database refused, in the dead-letter file
 * @param flagged stored listings whose verdict is flagged
 * @param currentVerdicts current verdicts created or replaced (a rescore with a new ruleset: every
 *     listing it scored; a replay with the same ruleset: 0)
 * @param deadLetterFile the dead-letter JSON-lines file (empty when nothing was refused)
 * @param elapsed wall time of the run, cluster start and stop included
 */
public record JobReport(
    long read, long valid, long invalid, long scoreFailed, long stored, long storeFailed, long flagged,
    Path deadLetterFile, Duration elapsed, long currentVerdicts) {

  public JobReport(long read, long valid, long invalid, long scoreFailed, long stored, long storeFailed,
      long flagged, Path deadLetterFile, Duration elapsed) {
    this(read, valid, invalid, scoreFailed, stored, storeFailed, flagged, deadLetterFile, elapsed, 0);
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
}
