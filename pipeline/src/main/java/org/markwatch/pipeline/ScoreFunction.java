package org.markwatch.pipeline;

import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedMultiInput;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;
import org.markwatch.detectors.DetectorConfig;
import org.markwatch.detectors.Detectors;
import org.markwatch.detectors.RulesetGate;
import org.markwatch.detectors.catalog.CatalogFacts;
import org.markwatch.model.Decoded;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Listing;
import org.markwatch.model.Scored;
import org.markwatch.pipeline.evidence.OfficialStores;
import org.markwatch.pipeline.evidence.ShopEvidence;
import org.markwatch.pipeline.network.ContactKey;
import org.markwatch.pipeline.network.ContactKeys;
import org.markwatch.pipeline.rules.RulesetPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;

/**
 * Decodes and validates spool lines, then scores the valid listings in batches of {@link
 * Detectors#BATCH} with {@link Detectors#scoreAll} (about 2.5 times the listings per CPU-second of
 * scoring one at a time). A line that is unreadable or not a valid {@code markwatch.listing/1}
 * record, or that the detectors fail on, leaves through the {@link #DEAD_LETTERS} side output with
 * its reason; the job goes on.
 *
 * <p>An operator rather than a ProcessFunction because a batch must be flushed at the end of the
 * input ({@link BoundedMultiInput#endInput}) and before a checkpoint barrier, which functions are
 * not told about.
 *
 * <p>In the continuous job ({@link Continuous}) a processing-time timer flushes the batch every
 * {@code flushMillis}, and, when a conf directory is given, polls it every {@code reloadMillis}
 * ({@link ConfWatcher}: content hash of brands/ and rules/). A changed configuration that compiles
 * and passes its rules' examples ({@link RulesetGate#admit}) replaces the running detectors for the
 * records that follow (the batch read before it is scored with the old one); one that does not is
 * refused with a log line naming the file and line, counted in {@link Counters#RULES_REFUSED}, and
 * the last good ruleset keeps scoring. Timer callbacks run on the operator's own thread (Flink's
 * mailbox), so the swap never races with scoring and needs no lock. Each subtask polls, compiles
 * and counts for itself.
 */
final class ScoreFunction extends AbstractStreamOperator<ScoredRecord>
    implements TwoInputStreamOperator<SpoolLine, DatabaseSnapshot, ScoredRecord>,
        BoundedMultiInput {
  static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

  /** Side output: every linking contact of a listing's seller, for the seller networks. */
  static final OutputTag<ContactSighting> CONTACTS = new OutputTag<>("contacts") {};

  /** The ruleset version of the empty verdicts a pass-through job (no detector config) stores. */
  static final String PASS_THROUGH_RULESET = "pass-through";

  /**
   * Compiling the detectors needs more heap for a moment than the compiled result keeps
   * (lucene-monitor indexes every brand query): subtasks in one JVM take turns so their peaks do
   * not add up.
   */
  private static final Object COMPILE_LOCK = new Object();

  private static final Logger LOG = LoggerFactory.getLogger(ScoreFunction.class);

  /**
   * Settings of the continuous job.
   *
   * @param flushMillis a waiting batch is scored at least this often, in ms
   * @param confDir conf directory polled for a new configuration, or null never to reload
   * @param reloadMillis how often it is polled, in ms
   */
  record Continuous(long flushMillis, String confDir, long reloadMillis) implements Serializable {
    Continuous {
      if (flushMillis < 1 || (confDir != null && reloadMillis < 1)) {
        throw new IllegalArgumentException("flushMillis and reloadMillis must be >= 1 ms");
      }
    }
  }

  private final DetectorConfig config;
  private final int batchSize;

  /** The catalog facts read when the job was built (JSON), until a snapshot brings newer ones. */
  private final String initialFacts;

  private transient String factsJson;
  private transient CatalogFacts facts;
  private transient LongCounter factsApplied;
  private transient Detectors detectors;
  private transient List<Pending> pending;
  private transient LongCounter read;
  private transient LongCounter valid;
  private transient LongCounter invalid;
  private transient LongCounter scoreFailed;
  private final Continuous continuous;
  private transient ConfWatcher watcher;
  private transient long nextReload;
  private transient String lastReadProblem;
  private transient LongCounter rulesReloaded;
  private transient LongCounter rulesRefused;
  private transient String lastRefusedVersion;

  /** A valid listing waiting for its batch. */
  private record Pending(SpoolLine line, Listing listing) {}

  ScoreFunction(DetectorConfig config) {
    this(config, Detectors.BATCH);
  }

  /**
   * @param batchSize listings scored together (default {@link Detectors#BATCH})
   */
  ScoreFunction(DetectorConfig config, int batchSize) {
    this(config, batchSize, null);
  }

  /**
   * @param config the detectors' configuration, or null for a pass-through job that stores every
   *     valid listing with an empty verdict (ruleset {@value #PASS_THROUGH_RULESET})
   * @param continuous timers and reloading of the continuous job; null for the bounded job
   */
  ScoreFunction(DetectorConfig config, int batchSize, Continuous continuous) {
    this(config, batchSize, continuous, null);
  }

  /**
   * @param initialFacts catalog facts (observed prices, authorised sellers) read from the database
   *     when the job was built, as JSON, or null for none
   */
  ScoreFunction(DetectorConfig config, int batchSize, Continuous continuous, String initialFacts) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
    }
    this.config = config;
    this.batchSize = batchSize;
    this.continuous = continuous;
    this.initialFacts = initialFacts;
  }

  @Override
  public void open() throws Exception {
    super.open();
    // Compiled once per subtask: a Detectors instance is used from one thread.
    if (config != null) {
      synchronized (COMPILE_LOCK) {
        detectors = Detectors.create(config);
      }
    }
    pending = new ArrayList<>(batchSize);
    read = Counters.register(getRuntimeContext(), Counters.READ);
    valid = Counters.register(getRuntimeContext(), Counters.VALID);
    invalid = Counters.register(getRuntimeContext(), Counters.INVALID);
    scoreFailed = Counters.register(getRuntimeContext(), Counters.SCORE_FAILED);
    rulesReloaded = Counters.register(getRuntimeContext(), Counters.RULES_RELOADED);
    rulesRefused = Counters.register(getRuntimeContext(), Counters.RULES_REFUSED);
    factsApplied = Counters.register(getRuntimeContext(), Counters.FACTS_APPLIED);
    if (detectors != null && initialFacts != null) {
      useFacts(initialFacts);
    }
    if (continuous != null) {
      if (continuous.confDir() != null && config != null) {
        watcher = new ConfWatcher(Path.of(continuous.confDir()), config);
        nextReload =
            getProcessingTimeService().getCurrentProcessingTime() + continuous.reloadMillis();
      }
      scheduleTick();
    }
  }

  private void scheduleTick() {
    long now = getProcessingTimeService().getCurrentProcessingTime();
    getProcessingTimeService().registerTimer(now + continuous.flushMillis(), this::tick);
  }

  /**
   * Runs on the operator's thread: score what waits, then look for a new configuration when due.
   */
  private void tick(long time) {
    flush();
    if (watcher != null && time >= nextReload) {
      reload();
      nextReload =
          getProcessingTimeService().getCurrentProcessingTime() + continuous.reloadMillis();
    }
    scheduleTick();
  }

  /** Takes up a changed configuration that passes the gate; otherwise keeps the running one. */
  private void reload() {
    int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
    Optional<DetectorConfig> changed;
    try {
      changed = watcher.poll();
      lastReadProblem = null;
    } catch (UncheckedIOException e) {
      if (!e.getMessage().equals(lastReadProblem)) { // said once, not at every poll
        rulesRefused.add(1);
        LOG.warn(
            "scoring subtask {}: cannot read the configuration, still scoring with ruleset {}: {}",
            subtask,
            detectors.rulesetVersion(),
            e.getMessage());
      }
      lastReadProblem = e.getMessage();
      return;
    }
    if (changed.isEmpty()) {
      return;
    }
    adopt(changed.get(), watcher.confDir().toString());
  }

  /**
   * A database snapshot (second input, broadcast to every subtask): a newly published ruleset is
   * taken up like a changed conf directory, through the same gate; a refused one is refused once
   * (the database keeps it newest, so it is not tried again at every snapshot).
   */
  @Override
  public void processElement2(StreamRecord<DatabaseSnapshot> element) throws Exception {
    DatabaseSnapshot s = element.getValue();
    if (detectors != null
        && s.catalogFactsJson() != null
        && !s.catalogFactsJson().equals(factsJson)) {
      flush(); // what was read before the new figures is scored with the ones it met
      useFacts(s.catalogFactsJson());
    }
    if (detectors == null
        || s.rulesetVersion() == null
        || s.rulesetFilesJson() == null
        || s.rulesetVersion().equals(detectors.rulesetVersion())
        || s.rulesetVersion().equals(lastRefusedVersion)) {
      return;
    }
    Map<String, String> files =
        JsonCodec.mapper()
            .readValue(s.rulesetFilesJson(), new TypeReference<Map<String, String>>() {});
    if (!adopt(
        RulesetPublisher.config(config, files),
        "the database (published ruleset " + s.rulesetVersion() + ")")) {
      lastRefusedVersion = s.rulesetVersion();
    }
  }

  /**
   * Lays the database's catalog facts over the running detectors' catalog (no compilation): the
   * next listings scored see the new observed prices and authorised sellers.
   */
  private void useFacts(String json) {
    try {
      facts = CatalogFactsReader.parse(json);
    } catch (RuntimeException e) {
      LOG.warn(
          "catalog facts from the database are unreadable, keeping the last: {}", e.getMessage());
      return;
    }
    factsJson = json;
    detectors.catalog().useFacts(facts);
    factsApplied.add(1);
    LOG.info(
        "scoring subtask {}: catalog facts from the database: {} observed prices, {} brands with"
            + " authorised sellers",
        getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(),
        facts.observedPrices().size(),
        facts.authorised().size());
  }

  /** Swaps in {@code candidate} when it passes the gate; false (and a log line) when refused. */
  private boolean adopt(DetectorConfig candidate, String from) {
    int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
    RulesetGate.Admission admission;
    synchronized (COMPILE_LOCK) {
      try {
        admission = RulesetGate.admit(candidate);
      } catch (RuntimeException | StackOverflowError e) {
        // a candidate's rule regex can overflow the stack on its own example: refuse it like any
        // failing ruleset; left to propagate, the Error would fail the job and stop all scoring
        admission =
            new RulesetGate.Admission(
                null, List.of(e.getClass().getSimpleName() + ": " + e.getMessage()));
      }
    }
    if (!admission.admitted()) {
      rulesRefused.add(1);
      LOG.warn(
          "scoring subtask {}: refused the changed configuration from {}, still scoring with ruleset {}: {}",
          subtask,
          from,
          detectors.rulesetVersion(),
          String.join(" | ", admission.problems()));
      return false;
    }
    flush(); // what was read before the change is scored with the ruleset that was running
    Detectors old = detectors;
    detectors = admission.detectors();
    if (facts != null) {
      detectors.catalog().useFacts(facts); // the database's facts outlive a ruleset
    }
    old.close();
    rulesReloaded.add(1);
    LOG.info(
        "scoring subtask {}: now scoring with ruleset {} (was {}) from {}",
        subtask,
        detectors.rulesetVersion(),
        old.rulesetVersion(),
        from);
    return true;
  }

  @Override
  public void processElement1(StreamRecord<SpoolLine> element) {
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
  public void endInput(int inputId) {
    if (inputId == 1) {
      flush();
    }
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
    if (detectors == null) { // pass-through: parse, validate and store, no detectors
      for (Pending p : batch) {
        emit(
            p,
            Scored.of(
                p.listing().id(), PASS_THROUGH_RULESET, 0, false, List.of(), List.of(), List.of()));
      }
      return;
    }
    List<Detectors.Outcome> outcomes =
        detectors.scoreEach(batch.stream().map(Pending::listing).toList());
    for (int i = 0; i < batch.size(); i++) {
      Pending p = batch.get(i);
      Detectors.Outcome o = outcomes.get(i);
      if (o.ok()) {
        emit(p, o.scored());
      } else {
        scoreFailed.add(1);
        deadLetter(
            new DeadLetter(p.line().file(), p.line().line(), "score", o.reason(), p.line().text()));
      }
    }
  }

  private void emit(Pending p, Scored scored) {
    Listing listing = p.listing();
    String sellerId = listing.seller() == null ? null : listing.seller().id();
    ShopFacts facts = ShopFacts.NONE;
    if (detectors != null) {
      boolean hasSeller = sellerId != null && !sellerId.isBlank();
      List<ContactKey> contacts = hasSeller ? ContactKeys.of(listing) : List.of();
      long observed = observedMillis(listing.observedAt());
      StringBuilder keys = new StringBuilder();
      for (ContactKey c : contacts) {
        output.collect(
            CONTACTS, new StreamRecord<>(new ContactSighting(c.key(), sellerId, observed)));
        keys.append(keys.isEmpty() ? "" : "\n").append(c.key());
      }
      String phrase = ShopEvidence.replicaPhrase(scored);
      facts =
          new ShopFacts(
              shopKey(listing, hasSeller ? sellerId : null),
              hasSeller ? sellerId : "",
              phrase == null ? "" : phrase,
              ShopEvidence.branded(scored),
              OfficialStores.official(detectors.catalog(), listing, scored),
              keys.toString());
    }
    output.collect(
        new StreamRecord<>(
            new ScoredRecord(
                p.line().file(),
                p.line().line(),
                listing.id(),
                sellerId == null || sellerId.isBlank() ? listing.id() : sellerId,
                JsonCodec.encode(listing),
                JsonCodec.encode(scored),
                scored.flagged(),
                p.line().sourceMillis(),
                facts)));
  }

  /**
   * The shop a listing belongs to: its seller, else, for a web shop's own site (platform {@code
   * web}), the site's host; empty for a marketplace listing without a seller (the marketplace is
   * not a shop) and for a placeholder host under a reserved top-level domain (.invalid, .test).
   */
  static String shopKey(Listing listing, String sellerId) {
    if (sellerId != null) {
      return "seller:" + sellerId;
    }
    if ("web".equals(listing.platform())) {
      String host = ContactKeys.url(listing.url());
      if (host != null) {
        int slash = host.indexOf('/');
        String h = slash < 0 ? host : host.substring(0, slash);
        // reserved names (RFC 2606, 6761) are placeholders, never somebody's shop
        if (!h.matches(".*\\.(invalid|example|test|localhost)$")) {
          return "site:" + h;
        }
      }
    }
    return "";
  }

  private static long observedMillis(String observedAt) {
    if (observedAt == null) {
      return 0;
    }
    try {
      return java.time.OffsetDateTime.parse(observedAt).toInstant().toEpochMilli();
    } catch (java.time.format.DateTimeParseException e) {
      try {
        return java.time.Instant.parse(observedAt).toEpochMilli();
      } catch (java.time.format.DateTimeParseException again) {
        return 0;
      }
    }
  }

  private void deadLetter(DeadLetter d) {
    output.collect(DEAD_LETTERS, new StreamRecord<>(d));
  }
}
