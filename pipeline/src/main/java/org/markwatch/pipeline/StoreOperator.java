package org.markwatch.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.markwatch.storage.Database;
import org.markwatch.storage.DatabaseSettings;
import org.markwatch.storage.ListingStore;

/**
 * The continuous job's writer: the same batches as {@link StoreFunction} ({@link StoreBatch}),
 * flushed when full, every {@code flushMillis} of processing time (a watched spool may deliver a
 * few records and then nothing for hours: they must not wait for a full batch), before a checkpoint
 * barrier and at the end of the input. The bounded job keeps its map-partition, which only sees its
 * records once the input has ended; that never happens here.
 */
final class StoreOperator extends AbstractStreamOperator<DeadLetter>
    implements OneInputStreamOperator<ScoredRecord, DeadLetter>, BoundedOneInput {
  private final DatabaseSettings settings;
  private final int batchSize;
  private final long flushMillis;
  private transient Database database;
  private transient StoreBatch writer;
  private transient List<ScoredRecord> batch;

  StoreOperator(DatabaseSettings settings, int batchSize, long flushMillis) {
    this.settings = settings;
    this.batchSize = batchSize;
    this.flushMillis = flushMillis;
  }

  @Override
  public void open() throws Exception {
    super.open();
    database = Database.openWithoutMigrating(settings.withMaxConnections(1));
    writer = new StoreBatch(new ListingStore(database.dataSource()), getRuntimeContext());
    batch = new ArrayList<>(batchSize);
    scheduleFlush();
  }

  private void scheduleFlush() {
    long now = getProcessingTimeService().getCurrentProcessingTime();
    getProcessingTimeService()
        .registerTimer(
            now + flushMillis,
            time -> {
              flush();
              scheduleFlush();
            });
  }

  @Override
  public void processElement(StreamRecord<ScoredRecord> element) {
    batch.add(element.getValue());
    if (batch.size() >= batchSize) {
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
    flush();
  }

  private void flush() {
    if (batch != null && !batch.isEmpty()) {
      writer.flush(batch, d -> output.collect(new StreamRecord<>(d)));
    }
  }

  @Override
  public void close() throws Exception {
    try {
      if (database != null) {
        database.close();
      }
    } finally {
      super.close();
    }
  }
}
