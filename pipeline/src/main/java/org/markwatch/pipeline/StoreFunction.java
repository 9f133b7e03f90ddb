package org.markwatch.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapPartitionFunction;
import org.apache.flink.util.Collector;
import org.markwatch.storage.Database;
import org.markwatch.storage.DatabaseSettings;
import org.markwatch.storage.ListingStore;

/**
 * Writes scored listings to the central database in batches with {@link ListingStore#saveAll}
 * (idempotent MERGE upserts, one transaction per batch) and emits a {@link DeadLetter} for every
 * record the database refused. A map-partition rather than a Sink v2 writer: it sees the end of its
 * input to flush the last batch, and it can both count into accumulators (for the {@link
 * JobReport}) and send refused records on to the dead-letter file, which a sink writer cannot.
 */
final class StoreFunction extends RichMapPartitionFunction<ScoredRecord, DeadLetter> {
  private final DatabaseSettings settings;
  private final int batchSize;
  private transient Database database;
  private transient StoreBatch writer;

  StoreFunction(DatabaseSettings settings, int batchSize) {
    this.settings = settings;
    this.batchSize = batchSize;
  }

  @Override
  public void open(OpenContext context) {
    // The client migrated the schema before submitting; writers only connect.
    database = Database.openWithoutMigrating(settings.withMaxConnections(1));
    writer = new StoreBatch(new ListingStore(database.dataSource()), getRuntimeContext());
  }

  @Override
  public void mapPartition(Iterable<ScoredRecord> records, Collector<DeadLetter> out) {
    List<ScoredRecord> batch = new ArrayList<>(batchSize);
    for (ScoredRecord r : records) {
      batch.add(r);
      if (batch.size() == batchSize) {
        flush(batch, out);
      }
    }
    flush(batch, out);
  }

  private void flush(List<ScoredRecord> batch, Collector<DeadLetter> out) {
    writer.flush(batch, out::collect);
  }

  @Override
  public void close() {
    if (database != null) {
      database.close();
    }
  }
}
