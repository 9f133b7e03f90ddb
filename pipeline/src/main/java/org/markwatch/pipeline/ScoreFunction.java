package org.markwatch.pipeline;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.markwatch.detectors.DetectorConfig;
import org.markwatch.detectors.Detectors;
import org.markwatch.model.Decoded;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Listing;
import org.markwatch.model.Scored;

/**
 * Decodes and validates a spool line, then scores the listing. A line that is unreadable or not a
 * valid {@code markwatch.listing/1} record, or that the detectors fail on, leaves through the
 * {@link #DEAD_LETTERS} side output with its reason; the job goes on.
 */
final class ScoreFunction extends ProcessFunction<SpoolLine, ScoredRecord> {
  static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

  /**
   * Compiling the detectors needs far more heap for a moment than the compiled result keeps
   * (lucene-monitor indexes every brand query): subtasks in one JVM take turns so their peaks do
   * not add up.
   */
  private static final Object COMPILE_LOCK = new Object();

  private final DetectorConfig config;
  private transient Detectors detectors;
  private transient LongCounter read;
  private transient LongCounter valid;
  private transient LongCounter invalid;
  private transient LongCounter scoreFailed;

  ScoreFunction(DetectorConfig config) {
    this.config = config;
  }

  @Override
  public void open(OpenContext context) {
    // Compiled once per subtask: a Detectors instance is used from one thread.
    synchronized (COMPILE_LOCK) {
      detectors = Detectors.create(config);
    }
    read = counter(Counters.READ);
    valid = counter(Counters.VALID);
    invalid = counter(Counters.INVALID);
    scoreFailed = counter(Counters.SCORE_FAILED);
  }

  private LongCounter counter(String name) {
    LongCounter c = new LongCounter();
    getRuntimeContext().addAccumulator(name, c);
    return c;
  }

  @Override
  public void close() {
    // Stops the matcher's background thread; without this every run leaves one behind.
    if (detectors != null) {
      detectors.close();
    }
  }

  @Override
  public void processElement(SpoolLine in, Context ctx, Collector<ScoredRecord> out) {
    read.add(1);
    if (in.problem() != null) {
      invalid.add(1);
      ctx.output(DEAD_LETTERS, new DeadLetter(in.file(), in.line(), "read", in.problem(), in.text()));
      return;
    }
    Decoded<Listing> decoded = JsonCodec.decodeListing(in.text());
    if (!decoded.ok()) {
      invalid.add(1);
      ctx.output(DEAD_LETTERS, new DeadLetter(in.file(), in.line(), "validate", decoded.reason(), in.text()));
      return;
    }
    valid.add(1);
    Listing listing = decoded.value();
    Scored scored;
    try {
      scored = detectors.score(listing);
    } catch (RuntimeException e) {
      // One listing the detectors cannot handle must not stop the others.
      scoreFailed.add(1);
      ctx.output(DEAD_LETTERS, new DeadLetter(in.file(), in.line(), "score",
          "detectors failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(), in.text()));
      return;
    }
    String sellerId = listing.seller() == null ? null : listing.seller().id();
    out.collect(new ScoredRecord(in.file(), in.line(), listing.id(),
        sellerId == null || sellerId.isBlank() ? listing.id() : sellerId,
        JsonCodec.encode(listing), JsonCodec.encode(scored), scored.flagged()));
  }
}
