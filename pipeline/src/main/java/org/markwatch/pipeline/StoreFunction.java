package org.markwatch.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapPartitionFunction;
import org.apache.flink.util.Collector;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Listing;
import org.markwatch.model.Scored;
import org.markwatch.storage.Database;
import org.markwatch.storage.DatabaseSettings;
import org.markwatch.storage.ListingStore;
import org.markwatch.storage.SaveResult;
import org.markwatch.storage.ScoredListing;

/**
 * Writes scored listings to the central database in batches with {@link ListingStore#saveAll}
 * (idempotent MERGE upserts, one transaction per batch) and emits a {@link DeadLetter} for every
 * record the database refused. A map-partition rather than a Sink v2 writer: it sees the end of
 * its input to flush the last batch, and it can both count into accumulators (for the
 * {@link JobReport}) and send refused records on to the dead-letter file, which a sink writer
 * cannot.
 */
final class StoreFunction extends RichMapPartitionFunction<ScoredRecord, DeadLetter> {
  private final DatabaseSettings settings;
  private final int batchSize;
  private transient Database database;
  private transient ListingStore store;
  private transient LongCounter stored;
  private transient LongCounter storeFailed;
  private transient LongCounter flagged;

  StoreFunction(DatabaseSettings settings, int batchSize) {
    this.settings = settings;
    this.batchSize = batchSize;
  }

  @Override
  public void open(OpenContext context) {
    // The client migrated the schema before submitting; writers only connect.
    database = Database.openWithoutMigrating(settings.withMaxConnections(1));
    store = new ListingStore(database.dataSource());
    stored = Counters.register(getRuntimeContext(), Counters.STORED);
    storeFailed = Counters.register(getRuntimeContext(), Counters.STORE_FAILED);
    flagged = Counters.register(getRuntimeContext(), Counters.FLAGGED);
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
    if (batch.isEmpty()) {
      return;
    }
    List<ScoredListing> rows = new ArrayList<>(batch.size());
    List<ScoredRecord> sent = new ArrayList<>(batch.size());
    long refusedHere = 0;
    for (ScoredRecord r : batch) {
      try {
        rows.add(new ScoredListing(JsonCodec.mapper().readValue(r.listingJson(), Listing.class),
            JsonCodec.mapper().readValue(r.scoredJson(), Scored.class)));
        sent.add(r);
      } catch (RuntimeException e) {
        refusedHere++;
        out.collect(new DeadLetter(r.file(), r.line(), "store", "cannot read back the scored record: "
            + e.getClass().getSimpleName() + ": " + e.getMessage(), r.listingJson()));
      }
    }
    SaveResult result = store.saveAll(rows);
    boolean[] refused = new boolean[sent.size()];
    for (SaveResult.Rejected rejected : result.rejected()) {
      ScoredRecord r = sent.get(rejected.index());
      refused[rejected.index()] = true;
      out.collect(new DeadLetter(r.file(), r.line(), "store", rejected.reason(), r.listingJson()));
    }
    for (int i = 0; i < sent.size(); i++) {
      if (!refused[i] && sent.get(i).flagged()) {
        flagged.add(1);
      }
    }
    stored.add(result.stored());
    storeFailed.add(result.rejected().size() + refusedHere);
    batch.clear();
  }

  @Override
  public void close() {
    if (database != null) {
      database.close();
    }
  }
}
