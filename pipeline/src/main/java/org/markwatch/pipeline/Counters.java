package org.markwatch.pipeline;

/** Names of the Flink accumulators the job's functions count into; {@link JobReport} reads them. */
final class Counters {
  private Counters() {}

  static final String READ = "markwatch.read";
  static final String VALID = "markwatch.valid";
  static final String INVALID = "markwatch.invalid";
  static final String SCORE_FAILED = "markwatch.score-failed";
  static final String STORED = "markwatch.stored";
  static final String STORE_FAILED = "markwatch.store-failed";
  static final String FLAGGED = "markwatch.flagged";
}
