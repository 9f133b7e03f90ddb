package org.markwatch.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.accumulators.LongMaximum;
import org.apache.flink.api.common.accumulators.LongMinimum;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Listing;
import org.markwatch.model.Scored;
import org.markwatch.storage.ListingStore;
import org.markwatch.storage.SaveResult;
import org.markwatch.storage.ScoredListing;

/**
 * Writes one batch of scored records with {@link ListingStore#saveAll} and counts what happened;
 * the refused records leave as dead letters. Shared by the bounded job's {@link StoreFunction} and
 * the continuous job's {@link StoreOperator}.
 */
final class StoreBatch {
  private final ListingStore store;
  private final LongCounter stored;
  private final LongCounter storeFailed;
  private final LongCounter flagged;
  private final LongCounter currentVerdicts;
  private final LatencyHistogram latency;
  private final LongMinimum firstCommit;
  private final LongMaximum lastCommit;

  /** Registers its counters ({@link Counters}) with the task. */
  StoreBatch(ListingStore store, RuntimeContext context) {
    this.store = store;
    this.stored = Counters.register(context, Counters.STORED);
    this.storeFailed = Counters.register(context, Counters.STORE_FAILED);
    this.flagged = Counters.register(context, Counters.FLAGGED);
    this.currentVerdicts = Counters.register(context, Counters.CURRENT_VERDICTS);
    this.latency = Counters.registerLatency(context);
    this.firstCommit = new LongMinimum();
    this.lastCommit = new LongMaximum();
    context.addAccumulator(Counters.FIRST_COMMIT, firstCommit);
    context.addAccumulator(Counters.LAST_COMMIT, lastCommit);
  }

  /** Stores {@code batch} (then clears it); refused records go to {@code deadLetters}. */
  void flush(List<ScoredRecord> batch, Consumer<DeadLetter> deadLetters) {
    if (batch.isEmpty()) {
      return;
    }
    List<ScoredListing> rows = new ArrayList<>(batch.size());
    List<ScoredRecord> sent = new ArrayList<>(batch.size());
    long refusedHere = 0;
    for (ScoredRecord r : batch) {
      try {
        rows.add(
            new ScoredListing(
                JsonCodec.mapper().readValue(r.listingJson(), Listing.class),
                JsonCodec.mapper().readValue(r.scoredJson(), Scored.class),
                r.supersedes()));
        sent.add(r);
      } catch (RuntimeException e) {
        refusedHere++;
        deadLetters.accept(
            new DeadLetter(
                r.file(),
                r.line(),
                "store",
                "cannot read back the scored record: "
                    + e.getClass().getSimpleName()
                    + ": "
                    + e.getMessage(),
                r.listingJson()));
      }
    }
    SaveResult result = store.saveAll(rows);
    boolean[] refused = new boolean[sent.size()];
    for (SaveResult.Rejected rejected : result.rejected()) {
      ScoredRecord r = sent.get(rejected.index());
      refused[rejected.index()] = true;
      deadLetters.accept(
          new DeadLetter(r.file(), r.line(), "store", rejected.reason(), r.listingJson()));
    }
    long committed = System.currentTimeMillis();
    if (result.stored() > 0) {
      firstCommit.add(committed);
      lastCommit.add(committed);
    }
    long revisions = 0;
    for (int i = 0; i < sent.size(); i++) {
      if (refused[i]) {
        continue;
      }
      ScoredRecord r = sent.get(i);
      if (r.revision()) {
        revisions++; // shop-level evidence sent it again: counted when it first came
        continue;
      }
      if (r.flagged()) {
        flagged.add(1);
      }
      if (r.sourceMillis() > 0) {
        latency.add((int) Math.min(Integer.MAX_VALUE, Math.max(0, committed - r.sourceMillis())));
      }
    }
    stored.add(result.stored() - revisions);
    currentVerdicts.add(result.currentVerdicts());
    storeFailed.add(result.rejected().size() + refusedHere);
    batch.clear();
  }
}
