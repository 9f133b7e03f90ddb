package org.markwatch.pipeline;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.RuntimeContext;

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

  /**
   * Current verdicts created or replaced (a rescore with a new ruleset replaces all it reaches; a
   * replay none).
   */
  static final String CURRENT_VERDICTS = "markwatch.current-verdicts";

  /** Configurations a scoring subtask took up while running (each subtask counts its own). */
  static final String RULES_RELOADED = "markwatch.rules-reloaded";

  /**
   * Catalog facts (observed prices, authorised sellers) a scoring subtask took up from the database
   * (each subtask counts its own; the facts read at the start count too).
   */
  static final String FACTS_APPLIED = "markwatch.catalog-facts";

  /**
   * Changed configurations a scoring subtask refused, keeping the last good one (each subtask
   * counts its own).
   */
  static final String RULES_REFUSED = "markwatch.rules-refused";

  /**
   * Milliseconds from a record's arrival ({@link SpoolLine#sourceMillis()}, the Kafka message's
   * timestamp) to the commit of the transaction that stored it; only records whose arrival is
   * known.
   */
  static final String LATENCY_MS = "markwatch.latency-ms";

  /** Epoch ms of the first and the last commit of stored records: the store's busy window. */
  static final String FIRST_COMMIT = "markwatch.first-commit-ms";

  static final String LAST_COMMIT = "markwatch.last-commit-ms";

  /** The latency histogram (ms to count), registered under {@link #LATENCY_MS}. */
  static LatencyHistogram registerLatency(RuntimeContext context) {
    LatencyHistogram histogram = new LatencyHistogram();
    context.addAccumulator(LATENCY_MS, histogram);
    return histogram;
  }

  /**
   * A counter registered under {@code name} with the task, read back into the {@link JobReport}.
   */
  static LongCounter register(RuntimeContext context, String name) {
    LongCounter counter = new LongCounter();
    context.addAccumulator(name, counter);
    return counter;
  }
}
