package org.markwatch.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Scored;
import org.markwatch.model.Signal;
import org.markwatch.pipeline.evidence.OffenderIndex;
import org.markwatch.pipeline.evidence.ShopEvidence;
import org.markwatch.pipeline.network.ContactKey;

/**
 * Shop-level evidence ({@link ShopEvidence}) in keyed state, keyed by shop ({@link
 * ShopFacts#shopKey}), with the confirmed violators as broadcast state ({@link #OFFENDERS},
 * refreshed from the database by {@link DatabaseRefresh} while the job runs).
 *
 * <p>Per shop it keeps which listings admit copies and the counts, and holds the branded listings
 * it could not raise yet (at most {@value #MAX_HELD} per shop). A listing of a shop that already
 * betrays itself is raised as it passes; when a shop starts to betray itself (its admitting
 * listings reach the threshold), the listings it holds are sent again, raised: the store keeps the
 * higher score of the same observation and ruleset, so the raised verdict replaces the first one.
 * Listings of official stores and authorised resellers are never raised.
 */
final class ShopEvidenceFunction
    extends KeyedBroadcastProcessFunction<String, ScoredRecord, DatabaseSnapshot, ScoredRecord> {
  /** Broadcast state: "current" → the confirmed violators as JSON. */
  static final MapStateDescriptor<String, String> OFFENDERS =
      new MapStateDescriptor<>("confirmed-violators", Types.STRING, Types.STRING);

  static final int MAX_HELD = 1000;

  /** The counts of one shop. */
  public record ShopCounts(int admitting, int total, String phrase) {}

  private final String initialOffenders;
  private transient MapState<String, Boolean> admits;
  private transient ValueState<ShopCounts> counts;
  private transient MapState<String, ScoredRecord> held;
  private transient String parsedJson;
  private transient OffenderIndex index;

  /**
   * @param initialOffenders the confirmed violators read when the job was built (JSON), used until
   *     the first broadcast snapshot
   */
  ShopEvidenceFunction(String initialOffenders) {
    this.initialOffenders = initialOffenders;
  }

  @Override
  public void open(OpenContext context) {
    admits =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("admits", Types.STRING, Types.BOOLEAN));
    counts =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>("shop-counts", TypeInformation.of(ShopCounts.class)));
    held =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "held", Types.STRING, TypeInformation.of(ScoredRecord.class)));
  }

  @Override
  public void processBroadcastElement(DatabaseSnapshot s, Context ctx, Collector<ScoredRecord> out)
      throws Exception {
    if (s.offendersJson() != null) {
      ctx.getBroadcastState(OFFENDERS).put("current", s.offendersJson());
    }
  }

  @Override
  public void processElement(ScoredRecord r, ReadOnlyContext ctx, Collector<ScoredRecord> out)
      throws Exception {
    ShopFacts f = r.facts();
    boolean raisable = f.branded() && !f.official();
    Signal network = raisable ? networkSignal(f, ctx.getBroadcastState(OFFENDERS)) : null;
    if (f.shopKey().isEmpty()) {
      out.collect(network == null ? r : raise(r, List.of(network)));
      return;
    }
    boolean admitting = !f.replicaPhrase().isEmpty();
    ShopCounts c = counts.value() == null ? new ShopCounts(0, 0, null) : counts.value();
    Boolean before = admits.get(r.listingId());
    int a = c.admitting();
    int t = c.total();
    if (before == null) {
      t++;
      a += admitting ? 1 : 0;
    } else if (before != admitting) {
      a += admitting ? 1 : -1;
    }
    c = new ShopCounts(a, t, c.phrase() == null && admitting ? f.replicaPhrase() : c.phrase());
    counts.update(c);
    admits.put(r.listingId(), admitting);

    boolean betrays = c.phrase() != null && ShopEvidence.qualifies(c.admitting(), c.total() - 1);
    if (raisable && !admitting) {
      if (betrays) {
        out.collect(raise(r, signals(shopSignal(c), network)));
        held.remove(r.listingId());
      } else {
        out.collect(network == null ? r : raise(r, List.of(network)));
        if (held.contains(r.listingId()) || count(held) < MAX_HELD) {
          held.put(r.listingId(), r);
        }
      }
    } else {
      out.collect(network == null ? r : raise(r, List.of(network)));
      held.remove(r.listingId());
    }
    if (betrays && !held.isEmpty()) {
      List<ScoredRecord> waiting = new ArrayList<>();
      for (Map.Entry<String, ScoredRecord> e : held.entries()) {
        waiting.add(e.getValue());
      }
      held.clear();
      for (ScoredRecord w : waiting) {
        Signal n = networkSignal(w.facts(), ctx.getBroadcastState(OFFENDERS));
        out.collect(raise(w, signals(shopSignal(c), n)));
      }
    }
  }

  private static Signal shopSignal(ShopCounts c) {
    return ShopEvidence.shopSignal(c.phrase(), c.admitting(), c.total() - 1);
  }

  private static List<Signal> signals(Signal shop, Signal network) {
    return network == null ? List.of(shop) : List.of(shop, network);
  }

  private static int count(MapState<String, ScoredRecord> state) throws Exception {
    int n = 0;
    for (String ignored : state.keys()) {
      n++;
    }
    return n;
  }

  private Signal networkSignal(ShopFacts f, ReadOnlyBroadcastState<String, String> state)
      throws Exception {
    OffenderIndex idx = offenders(state);
    if (idx.violators().isEmpty()) {
      return null;
    }
    List<ContactKey> contacts = new ArrayList<>();
    if (!f.contactKeys().isEmpty()) {
      for (String k : f.contactKeys().split("\n")) {
        int colon = k.indexOf(':');
        contacts.add(new ContactKey(k.substring(0, colon), k.substring(colon + 1)));
      }
    }
    OffenderIndex.Finding found = idx.find(f.sellerId().isEmpty() ? null : f.sellerId(), contacts);
    return found == null ? null : ShopEvidence.networkSignal(found);
  }

  private OffenderIndex offenders(ReadOnlyBroadcastState<String, String> state) throws Exception {
    String json = state.get("current");
    if (json == null) {
      json = initialOffenders;
    }
    if (json == null) {
      return OffenderIndex.EMPTY;
    }
    if (!json.equals(parsedJson)) {
      index = JsonCodec.mapper().readValue(json, OffenderIndex.class);
      parsedJson = json;
    }
    return index;
  }

  private static ScoredRecord raise(ScoredRecord r, List<Signal> extra) throws Exception {
    Scored s = JsonCodec.mapper().readValue(r.scoredJson(), Scored.class);
    Scored raised = s;
    for (Signal x : extra) {
      raised = ShopEvidence.raise(raised, x);
    }
    return new ScoredRecord(
        r.file(),
        r.line(),
        r.listingId(),
        r.partitionKey(),
        r.listingJson(),
        JsonCodec.encode(raised),
        raised.flagged(),
        r.sourceMillis(),
        r.facts());
  }
}
