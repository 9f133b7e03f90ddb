package org.markwatch.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;
import org.markwatch.detectors.DetectorConfig;
import org.markwatch.detectors.Detectors;
import org.markwatch.model.Decoded;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Listing;
import org.markwatch.model.Scored;

/**
 * Decodes and validates spool lines, then scores the valid listings in batches of
 * {@link Detectors#BATCH} with {@link Detectors#scoreAll} (about 2.5 times the listings per
 * CPU-second of scoring one at a time). A line that is unreadable or not a valid
 * {@code markwatch.listing/1} record, or that the detectors fail on, leaves through the
 * {@link #DEAD_LETTERS} side output with its reason; the job goes on.
 *
 * <p>An operator rather than a ProcessFunction because a batch must be flushed at the end of the
 * input ({@link BoundedOneInput#endInput}) and before a checkpoint barrier, which functions are
 * not told about.
 */
final class ScoreFunction extends AbstractStreamOperator<ScoredRecord>
    implements OneInputStreamOperator<SpoolLine, ScoredRecord>, BoundedOneInput {
  static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

  /**
   * Compiling the detectors needs more heap for a moment than the compiled result keeps
   * (lucene-monitor indexes every brand query): subtasks in one JVM take turns so their peaks do
   * not add up.
   */
  private static final Object COMPILE_LOCK = new Object();

  private final DetectorConfig config;
  private final int batchSize;
  private transient Detectors detectors;
  private transient List<Pending> pending;
  private transient LongCounter read;
  private transient LongCounter valid;
  private transient LongCounter invalid;
  private transient LongCounter scoreFailed;

  /** A valid listing waiting for its batch. */
  private record Pending(SpoolLine line, Listing listing) {}

  ScoreFunction(DetectorConfig config) {
    this(config, Detectors.BATCH);
  }

  /** @param batchSize listings scored together (default {@link Detectors#BATCH}) */
  ScoreFunction(DetectorConfig config, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
    }
    this.config = config;
    this.batchSize = batchSize;
  }

  @Override
  public void open() throws Exception {
    super.open();
    // Compiled once per subtask: a Detectors instance is used from one thread.
    synchronized (COMPILE_LOCK) {
      detectors = Detectors.create(config);
    }
    pending = new ArrayList<>(batchSize);
    read = Counters.register(getRuntimeContext(), Counters.READ);
    valid = Counters.register(getRuntimeContext(), Counters.VALID);
    invalid = Counters.register(getRuntimeContext(), Counters.INVALID);
    scoreFailed = Counters.register(getRuntimeContext(), Counters.SCORE_FAILED);
  }

  @Override
  public void processElement(StreamRecord<SpoolLine> element) {
    SpoolLine in = element.getValue();
    read.add(1);
    if (in.problem() != null) {
      invalid.add(1);
      deadLetter(new DeadLetter(in.file(), in.line(), "read", in.problem(), in.text()));
      return;
    }
    Decoded<Listing> decoded = JsonCodec.decodeListing(in.text());
    if (!decoded.ok()) {
      invalid.add(1);
      deadLetter(new DeadLetter(in.file(), in.line(), "validate", decoded.reason(), in.text()));
      return;
    }
    valid.add(1);
    pending.add(new Pending(in, decoded.value()));
    if (pending.size() >= batchSize) {
      flush();
    }
  }

  @Override
  public void endInput() {
    flush();
  }

  @Override
  public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
    super.prepareSnapshotPreBarrier(checkpointId);
    flush(); // nothing buffered may sit behind a barrier: the state holds no pending listings
  }

  @Override
  public void close() throws Exception {
    try {
      // Stops the matcher's background thread; without this every run leaves one behind.
      if (detectors != null) {
        detectors.close();
      }
    } finally {
      super.close();
    }
  }

  private void flush() {
    if (pending == null || pending.isEmpty()) {
      return;
    }
    List<Pending> batch = pending;
    pending = new ArrayList<>(batchSize);
    List<Scored> scored;
    try {
      scored = detectors.scoreAll(batch.stream().map(Pending::listing).toList());
    } catch (RuntimeException e) {
      // One listing the detectors cannot handle must not stop the others: score this batch one by
      // one so that only the failing listing becomes a dead letter.
      for (Pending p : batch) {
        scoreOne(p);
      }
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      emit(batch.get(i), scored.get(i));
    }
  }

  private void scoreOne(Pending p) {
    Scored s;
    try {
      s = detectors.score(p.listing());
    } catch (RuntimeException e) {
      scoreFailed.add(1);
      deadLetter(new DeadLetter(p.line().file(), p.line().line(), "score",
          "detectors failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(), p.line().text()));
      return;
    }
    emit(p, s);
  }

  private void emit(Pending p, Scored scored) {
    Listing listing = p.listing();
    String sellerId = listing.seller() == null ? null : listing.seller().id();
    output.collect(new StreamRecord<>(new ScoredRecord(p.line().file(), p.line().line(), listing.id(),
        sellerId == null || sellerId.isBlank() ? listing.id() : sellerId,
        JsonCodec.encode(listing), JsonCodec.encode(scored), scored.flagged())));
  }

  private void deadLetter(DeadLetter d) {
    output.collect(DEAD_LETTERS, new StreamRecord<>(d));
  }
}
