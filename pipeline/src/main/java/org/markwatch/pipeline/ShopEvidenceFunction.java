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
import org.apache.flink.streaming.api.TimeDomain;
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
 * <p>The stored verdicts must not depend on the order a shop's listings arrive in (a replay of the
 * same input writes the same rows). So the shop signal is a function of the whole shop seen so far,
 * not of the moment: per shop the state keeps how many listings it has, which admit copies and with
 * which words, and the base verdicts (before any evidence) of its raisable listings (branded, not
 * from an official store or authorised reseller, not admitting copies themselves; at most {@value
 * #MAX_KEPT} per shop). A listing passes with the shop's current signal. When the shop's signal
 * changes, a timer sends the kept listings again with the new one:
 *
 * <ul>
 *   <li>when it changes what the verdict says (the shop crosses the threshold either way, or its
 *       most frequent phrase changes): at the next second boundary (processing time);
 *   <li>when only the counts it quotes change ("2 of 3" becomes "3 of 4": same weight, same score):
 *       at most once per {@value #RECOUNT_MILLIS} ms per shop. Sending 1,000 listings again for
 *       every new listing of a busy shop would store each of them hundreds of times (measured: a
 *       40k-listing bench run with one 9k-listing shop spent most of its time on these re-sends);
 *   <li>once more at the end of the input (an event-time timer at the end of time: the last
 *       watermark of a bounded run, the end of each key in batch mode), whatever changed.
 * </ul>
 *
 * Each of these verdicts {@link ScoredRecord#supersedes() supersedes} the earlier one of the same
 * observation and ruleset in the store, so the last one, built from the whole shop, holds. Listings
 * of official stores and authorised resellers are never raised.
 */
final class ShopEvidenceFunction
    extends KeyedBroadcastProcessFunction<String, ScoredRecord, DatabaseSnapshot, ScoredRecord> {
  /** Broadcast state: "current" → the confirmed violators as JSON. */
  static final MapStateDescriptor<String, String> OFFENDERS =
      new MapStateDescriptor<>("confirmed-violators", Types.STRING, Types.STRING);

  /**
   * Raisable listings kept per shop to be revised: the work of one revision is bounded by it. A
   * shop's listings beyond it keep the verdict of the moment they passed.
   */
  static final int MAX_KEPT = 1000;

  /** A running job revises a shop's kept listings at most this often. */
  static final long REVISE_MILLIS = 1000;

  /**
   * A running job revises a shop's kept listings for a change of the quoted counts alone at most
   * this often.
   */
  static final long RECOUNT_MILLIS = 60_000;

  /** The counts of one shop: its listings, and those of them that admit copies. */
  public record ShopCounts(int admitting, int total) {}

  /**
   * What the state remembers of one listing of the shop.
   *
   * @param phrase the words by which it admits a copy, or empty
   * @param kept its base verdict is kept for revisions
   * @param shown the shop signal's evidence on the verdict last sent for it, or empty for none
   */
  public record Member(String phrase, boolean kept, String shown) {}

  private final String initialOffenders;
  private transient ValueState<ShopCounts> counts;
  private transient MapState<String, Integer> phrases;
  private transient MapState<String, Member> members;
  private transient MapState<String, ScoredRecord> kept;
  private transient ValueState<Integer> keptCount;

  /** The kept listings may show an older signal than the current one. */
  private transient ValueState<Boolean> changed;

  /** ... and the difference is more than the quoted counts (the {@link #quotedPhrase} changed). */
  private transient ValueState<Boolean> material;

  /** Processing time of the last revision of this shop. */
  private transient ValueState<Long> revisedAt;

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
    counts =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>("shop-counts", TypeInformation.of(ShopCounts.class)));
    phrases =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("phrases", Types.STRING, Types.INT));
    members =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "members", Types.STRING, TypeInformation.of(Member.class)));
    kept =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "kept", Types.STRING, TypeInformation.of(ScoredRecord.class)));
    keptCount = getRuntimeContext().getState(new ValueStateDescriptor<>("kept-count", Types.INT));
    changed = getRuntimeContext().getState(new ValueStateDescriptor<>("changed", Types.BOOLEAN));
    material = getRuntimeContext().getState(new ValueStateDescriptor<>("material", Types.BOOLEAN));
    revisedAt = getRuntimeContext().getState(new ValueStateDescriptor<>("revised-at", Types.LONG));
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
    ReadOnlyBroadcastState<String, String> offenders = ctx.getBroadcastState(OFFENDERS);
    Signal network = raisable ? networkSignal(f, offenders) : null;
    if (f.shopKey().isEmpty()) {
      out.collect(network == null ? r : raise(r, List.of(network), false));
      return;
    }
    String quotedBefore = quotedPhrase();
    Signal before = shopSignal(quotedBefore);
    String phrase = f.replicaPhrase();
    Member was = members.get(r.listingId());
    ShopCounts c = counts.value() == null ? new ShopCounts(0, 0) : counts.value();
    int admitting = c.admitting();
    int total = c.total();
    if (was == null) {
      total++;
    } else if (!was.phrase().isEmpty()) {
      admitting--;
      count(was.phrase(), -1);
    }
    if (!phrase.isEmpty()) {
      admitting++;
      count(phrase, +1);
    }
    counts.update(new ShopCounts(admitting, total));

    boolean keep = raisable && phrase.isEmpty();
    boolean keeping = false;
    if (keep) {
      int n = keptCount.value() == null ? 0 : keptCount.value();
      if (was != null && was.kept()) {
        keeping = true;
      } else if (n < MAX_KEPT) {
        keeping = true;
        keptCount.update(n + 1);
      }
    } else if (was != null && was.kept()) {
      kept.remove(r.listingId());
      keptCount.update(keptCount.value() - 1);
    }
    if (keeping) {
      kept.put(r.listingId(), r);
    }
    String quoted = quotedPhrase();
    Signal shop = shopSignal(quoted);
    if (keep) {
      // raisable: its verdict is the shop's current signal (or none), replacing any earlier one
      out.collect(raise(r, signals(shop, network), true));
    } else {
      out.collect(network == null ? r : raise(r, List.of(network), false));
    }
    members.put(
        r.listingId(), new Member(phrase, keeping, keep && shop != null ? shop.evidence() : ""));
    if (!same(before, shop)) {
      // the shop's other kept listings show the old signal: revise them soon, and at the end
      changed.update(true);
      long now = ctx.timerService().currentProcessingTime();
      long due = (now / REVISE_MILLIS + 1) * REVISE_MILLIS;
      if (!java.util.Objects.equals(quotedBefore, quoted)) {
        material.update(true);
      } else if (!Boolean.TRUE.equals(material.value())) {
        due = Math.max(due, recountDue());
      }
      ctx.timerService().registerProcessingTimeTimer(due);
      ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }
  }

  /**
   * Sends the kept listings whose verdict shows another shop signal than the current one: at the
   * end of the input always, in a running job when the change is material or the last revision is
   * {@value #RECOUNT_MILLIS} ms old.
   */
  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<ScoredRecord> out)
      throws Exception {
    if (!Boolean.TRUE.equals(changed.value())) {
      return;
    }
    long now = ctx.timerService().currentProcessingTime();
    if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME && !Boolean.TRUE.equals(material.value())) {
      long due = recountDue();
      if (now < due) {
        ctx.timerService().registerProcessingTimeTimer(due); // an earlier timer of the same shop
        return;
      }
    }
    changed.clear();
    material.clear();
    revisedAt.update(now);
    Signal shop = shopSignal();
    String shown = shop == null ? "" : shop.evidence();
    List<ScoredRecord> stale = new ArrayList<>();
    // only the kept listings (at most MAX_KEPT), not every member of a large shop
    for (Map.Entry<String, ScoredRecord> e : kept.entries()) {
      Member m = members.get(e.getKey());
      if (m != null && m.kept() && !m.shown().equals(shown)) {
        stale.add(e.getValue());
      }
    }
    ReadOnlyBroadcastState<String, String> offenders = ctx.getBroadcastState(OFFENDERS);
    for (ScoredRecord base : stale) {
      Member m = members.get(base.listingId());
      Signal network = networkSignal(base.facts(), offenders);
      ScoredRecord revised = raise(base, signals(shop, network), true);
      // a revision is not a new arrival: not counted again, no latency sample
      out.collect(
          new ScoredRecord(
              revised.file(),
              revised.line(),
              revised.listingId(),
              revised.partitionKey(),
              revised.listingJson(),
              revised.scoredJson(),
              revised.flagged(),
              0L,
              revised.facts(),
              true,
              true));
      members.put(base.listingId(), new Member(m.phrase(), true, shown));
    }
  }

  /** When a revision for a change of the quoted counts alone may run. */
  private long recountDue() throws Exception {
    Long last = revisedAt.value();
    return last == null ? 0 : last + RECOUNT_MILLIS;
  }

  private void count(String phrase, int delta) throws Exception {
    Integer n = phrases.get(phrase);
    int next = (n == null ? 0 : n) + delta;
    if (next <= 0) {
      phrases.remove(phrase);
    } else {
      phrases.put(phrase, next);
    }
  }

  /**
   * The shop signal of a listing of this shop that does not admit copies itself, from the whole
   * shop as seen so far; null when the shop does not betray itself.
   */
  private Signal shopSignal() throws Exception {
    return shopSignal(quotedPhrase());
  }

  /**
   * The phrase the shop signal quotes, null when the shop does not betray itself. Two signals
   * quoting the same phrase differ only in their counts: same weight, same score.
   */
  private String quotedPhrase() throws Exception {
    ShopCounts c = counts.value();
    if (c == null || !ShopEvidence.qualifies(c.admitting(), c.total() - 1)) {
      return null;
    }
    return ShopEvidence.shopPhrase(phrases.entries());
  }

  /** The shop signal quoting {@code phrase} with the shop's counts; null for a null phrase. */
  private Signal shopSignal(String phrase) throws Exception {
    if (phrase == null) {
      return null;
    }
    ShopCounts c = counts.value();
    return ShopEvidence.shopSignal(phrase, c.admitting(), c.total() - 1);
  }

  private static boolean same(Signal a, Signal b) {
    return a == null ? b == null : b != null && a.evidence().equals(b.evidence());
  }

  private static List<Signal> signals(Signal shop, Signal network) {
    List<Signal> all = new ArrayList<>(2);
    if (shop != null) {
      all.add(shop);
    }
    if (network != null) {
      all.add(network);
    }
    return all;
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

  /** The record with {@code extra} signals added to its verdict (none: the record as it is). */
  private static ScoredRecord raise(ScoredRecord r, List<Signal> extra, boolean supersedes)
      throws Exception {
    String json = r.scoredJson();
    boolean flagged = r.flagged();
    if (!extra.isEmpty()) {
      Scored raised = JsonCodec.mapper().readValue(r.scoredJson(), Scored.class);
      for (Signal x : extra) {
        raised = ShopEvidence.raise(raised, x);
      }
      json = JsonCodec.encode(raised);
      flagged = raised.flagged();
    }
    return new ScoredRecord(
        r.file(),
        r.line(),
        r.listingId(),
        r.partitionKey(),
        r.listingJson(),
        json,
        flagged,
        r.sourceMillis(),
        r.facts(),
        supersedes,
        false);
  }
}
