package org.markwatch.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.enumerate.NonSplittingRecursiveEnumerator;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.markwatch.detectors.DetectorConfig;
import org.markwatch.detectors.Detectors;
import org.markwatch.model.JsonCodec;
import org.markwatch.pipeline.rules.RulesetPublisher;
import org.markwatch.storage.Database;
import org.markwatch.storage.DatabaseSettings;
import org.markwatch.storage.RulesetFileStore;
import org.markwatch.storage.networks.RepeatOffenders;
import org.markwatch.storage.networks.SellerNetworkStore;
import tools.jackson.databind.JsonNode;

/**
 * The scoring job, bounded: reads the {@code *.jsonl} spool files of a directory, validates each
 * line as a {@code markwatch.listing/1} record, scores it with the detectors and upserts listing,
 * seller and verdict into the central database. Refused lines go to a dead-letter JSON-lines file
 * with their file, line, stage and reason. Runs in batch mode on a local MiniCluster that lives for
 * the run only.
 *
 * <p>Immutable; build with {@link #builder()}. {@link #run()} may be called again: the upserts are
 * idempotent, so a second run over the same files changes no stored row.
 */
public final class ScoringJob {
  /** Default parallelism of the scoring and storing operators: {@value}. */
  public static final int DEFAULT_PARALLELISM = 2;

  /** Default records per database transaction: {@value}. */
  public static final int DEFAULT_BATCH_SIZE = 200;

  private final Path spoolDir;
  private final Path deadLetterFile;
  private final DatabaseSettings database;
  private final DetectorConfig detectorConfig;
  private final int parallelism;
  private final int batchSize;
  private final int maxLineBytes;
  private final Duration watch;
  private final Path confDir;
  private final Duration reloadInterval;
  private final KafkaInput kafka;
  private final String deadLetterTopic;
  private final boolean passThrough;
  private final boolean shopEvidence;
  private final Duration checkpointInterval;
  private final Duration databaseRefresh;

  /**
   * What {@link #prepare()} read from the database: the ruleset to start with (the newest published
   * one when it has stored files and the job is unbounded, else the conf's) and the confirmed
   * violators (JSON).
   */
  private DetectorConfig startConfig;

  private String initialOffenders;

  /** Observed prices and authorised sellers read by {@link #prepare()} (JSON). */
  private String initialFacts;

  /** Default interval of the database refresh (published rulesets, violators): 10 s. */
  public static final Duration DEFAULT_DATABASE_REFRESH = Duration.ofSeconds(10);

  /** Default checkpoint interval of a streaming job (watching or reading Kafka): 5 s. */
  public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(5);

  /**
   * Restarts after a failure (a lost TaskManager, a lost database) before the job gives up: with
   * {@link #RESTART_DELAY} a window of 2.5 minutes, long enough for a replacement TaskManager to
   * register on a busy machine (about 50 s measured with a load average of 20 on 2 cores).
   */
  static final int RESTART_ATTEMPTS = 30;

  /** Pause before each restart. */
  static final Duration RESTART_DELAY = Duration.ofSeconds(5);

  /** Default spool polling interval of the continuous job: 2 s. */
  public static final Duration DEFAULT_WATCH_INTERVAL = Duration.ofSeconds(2);

  /** Default conf polling interval of the continuous job: 5 s. */
  public static final Duration DEFAULT_RELOAD_INTERVAL = Duration.ofSeconds(5);

  /** A waiting batch is scored and stored at least this often in the continuous job. */
  static final Duration CONTINUOUS_FLUSH = Duration.ofMillis(500);

  private ScoringJob(Builder b) {
    this.spoolDir = b.spoolDir;
    this.deadLetterFile = b.deadLetterFile;
    this.database = b.database;
    this.detectorConfig = b.detectorConfig;
    this.parallelism = b.parallelism;
    this.batchSize = b.batchSize;
    this.maxLineBytes = b.maxLineBytes;
    this.watch = b.watch;
    this.confDir = b.confDir;
    this.reloadInterval = b.reloadInterval;
    this.kafka = b.kafka;
    this.deadLetterTopic = b.deadLetterTopic;
    this.passThrough = b.passThrough;
    this.shopEvidence = b.shopEvidence;
    this.checkpointInterval = b.checkpointInterval;
    this.databaseRefresh = b.databaseRefresh;
  }

  /** True when the job runs in streaming mode: watching the spool or reading Kafka. */
  boolean streaming() {
    return watch != null || kafka != null;
  }

  /**
   * True when the job ends by itself: no watching, and Kafka (if any) read up to its latest
   * offsets.
   */
  boolean bounded() {
    return watch == null && (kafka == null || kafka.bounded());
  }

  private String inputName() {
    StringBuilder b = new StringBuilder();
    if (spoolDir != null) {
      b.append(spoolDir.getFileName());
    }
    if (kafka != null) {
      b.append(b.isEmpty() ? "" : " + ").append("kafka ").append(kafka.topic());
    }
    return b.toString();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A bounded Kafka run's stopping offsets, fixed by {@link #run} (see {@link
   * BoundedKafkaOffsets}).
   */
  private Map<org.apache.kafka.common.TopicPartition, Long> kafkaStopAt;

  /**
   * Runs the job to completion: compiles the detectors once here (a bad configuration fails before
   * the cluster starts), migrates the database, runs the MiniCluster, then sorts the dead-letter
   * file by file and line.
   *
   * @throws IllegalArgumentException when the detector configuration does not compile
   * @throws JobFailedException when the Flink job fails
   */
  public JobReport run() {
    if (!bounded()) {
      throw new IllegalStateException(
          "a watching or unbounded Kafka job never ends: start() it instead of run()");
    }
    long start = System.nanoTime();
    prepare();
    kafkaStopAt = kafka != null ? BoundedKafkaOffsets.endOffsets(kafka) : null;
    Path checkpoints = localCheckpointDir();
    JobExecutionResult result;
    StreamExecutionEnvironment env = null;
    try {
      env =
          StreamExecutionEnvironment.createLocalEnvironment(parallelism, flinkConfig(checkpoints));
      build(env);
      result = env.execute("markwatch scoring " + inputName());
    } catch (Exception e) {
      throw new JobFailedException(
          "scoring job over " + inputName() + " failed: " + rootMessage(e), e);
    } finally {
      if (env != null) {
        closeQuietly(env);
      }
      RunningScoringJob.deleteQuietly(checkpoints);
    }
    if (kafkaStopAt != null) {
      BoundedKafkaOffsets.commit(kafka, kafkaStopAt);
    }
    sortDeadLetters();
    if (!passThrough) {
      // the network sink counted what was stored when it flushed; the listings' writers may have
      // committed after it: count once more now that everything is in
      try (Database db = Database.openWithoutMigrating(database)) {
        new SellerNetworkStore(db.dataSource()).refreshAll();
      }
    }
    return report(result.getAllAccumulatorResults(), Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * Compiles the detectors once here (a bad brand or rule file fails before the cluster starts),
   * migrates the database and empties the dead-letter file: the sink only appends, so that a job
   * restarted from a checkpoint keeps the letters written before the failure.
   */
  void prepare() {
    if (!passThrough) {
      try (Detectors check = Detectors.create(detectorConfig)) {
        // compiled and closed
      }
    }
    startConfig = detectorConfig;
    try (Database db = Database.open(database)) {
      // migrated; the writers only connect
      if (!passThrough) {
        initialOffenders =
            JsonCodec.mapper().writeValueAsString(new RepeatOffenders(db.dataSource()).load());
        initialFacts = CatalogFactsReader.readJson(db.dataSource());
        if (!bounded()) {
          // a ruleset published in the database is followed by a running job; one started now
          // starts with it (else its first verdicts would register the conf's ruleset as newer)
          var published = new RulesetFileStore(db.dataSource()).newestPublished();
          if (published.isPresent() && published.get().hasFiles()) {
            DetectorConfig c = RulesetPublisher.config(detectorConfig, published.get().files());
            if (!c.sha256().equals(detectorConfig.sha256())) {
              try (Detectors check = Detectors.create(c)) {
                startConfig = c;
              } catch (RuntimeException e) {
                // refused at publication already; keep the conf's
              }
            }
          }
        }
      }
    }
    if (deadLetterFile != null) {
      try {
        if (deadLetterFile.getParent() != null) {
          Files.createDirectories(deadLetterFile.getParent());
        }
        Files.write(deadLetterFile, new byte[0]);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot create the dead-letter file "
                + deadLetterFile
                + ": check that its directory is writable",
            e);
      }
    }
  }

  private static Duration storing(java.util.Map<String, Object> acc) {
    Object first = acc.get(Counters.FIRST_COMMIT);
    Object last = acc.get(Counters.LAST_COMMIT);
    if (!(first instanceof Long f) || !(last instanceof Long l) || f == Long.MAX_VALUE || l < f) {
      return Duration.ZERO;
    }
    return Duration.ofMillis(l - f);
  }

  /** The job's report from its accumulators (names in {@link Counters}). */
  JobReport report(java.util.Map<String, Object> acc, Duration elapsed) {
    Object latency = acc.get(Counters.LATENCY_MS);
    @SuppressWarnings("unchecked")
    java.util.Map<Integer, Integer> histogram =
        latency instanceof java.util.Map<?, ?> m
            ? (java.util.Map<Integer, Integer>) m
            : java.util.Map.of();
    return new JobReport(
        count(acc, Counters.READ),
        count(acc, Counters.VALID),
        count(acc, Counters.INVALID),
        count(acc, Counters.SCORE_FAILED),
        count(acc, Counters.STORED),
        count(acc, Counters.STORE_FAILED),
        count(acc, Counters.FLAGGED),
        deadLetterFile,
        elapsed,
        new java.util.TreeMap<>(histogram),
        storing(acc),
        count(acc, Counters.CURRENT_VERDICTS));
  }

  /**
   * Starts the continuous job ({@link Builder#watch}) and returns at once: the spool directory is
   * polled for new {@code *.jsonl} files, and, when {@link Builder#confDir} was given, the conf
   * directory for a new ruleset (see {@link ScoreFunction}). Stop it with {@link
   * RunningScoringJob#stop()}.
   *
   * @throws IllegalStateException when the job was not built to watch
   * @throws JobFailedException when the job cannot be submitted
   */
  public RunningScoringJob start() {
    if (!streaming()) {
      throw new IllegalStateException(
          "a bounded spool job is run(), not started: build it with watch(...) or kafka(...)");
    }
    prepare();
    Path checkpoints = localCheckpointDir();
    StreamExecutionEnvironment env = null;
    try {
      env =
          StreamExecutionEnvironment.createLocalEnvironment(parallelism, flinkConfig(checkpoints));
      build(env);
      return new RunningScoringJob(
          env,
          env.executeAsync("markwatch scoring (streaming) " + inputName()),
          this::report,
          () -> {
            try {
              sortDeadLetters();
            } finally {
              RunningScoringJob.deleteQuietly(checkpoints);
            }
          });
    } catch (Exception e) {
      if (env != null) {
        closeQuietly(env);
      }
      RunningScoringJob.deleteQuietly(checkpoints);
      throw new JobFailedException(
          "cannot start the scoring job over " + inputName() + ": " + rootMessage(e), e);
    }
  }

  /**
   * The job's own settings, the same on the local MiniCluster and on a session cluster ({@link
   * ScoringJobMain}): runtime mode, checkpoints and restarts, no Kryo.
   */
  Configuration jobConfig() {
    Configuration conf = new Configuration();
    conf.setString(
        "execution.runtime-mode",
        (streaming() ? RuntimeExecutionMode.STREAMING : RuntimeExecutionMode.BATCH).name());
    if (streaming()) {
      checkpointing(conf, checkpointInterval);
    }
    conf.setString("pipeline.generic-types", "false");
    return conf;
  }

  /** The Flink configuration of the local run, without a checkpoint directory. */
  Configuration flinkConfig() {
    return flinkConfig(null);
  }

  /**
   * The Flink configuration of the local run; see the README for why each key is set.
   *
   * @param checkpoints the directory checkpoints go to ({@link #localCheckpointDir}), or null for
   *     the JobManager's memory
   */
  Configuration flinkConfig(Path checkpoints) {
    Configuration conf = jobConfig();
    if (streaming()) {
      // a running job's counters reach the client with the TaskManager's heartbeat (default every
      // 10 s)
      conf.setString("heartbeat.interval", "2000");
    }
    conf.setString("rest.bind-address", "127.0.0.1");
    conf.setString("rest.address", "127.0.0.1");
    conf.setString("rest.port", "0");
    conf.setString("jobmanager.bind-host", "127.0.0.1");
    conf.setString("jobmanager.rpc.address", "127.0.0.1");
    conf.setString("taskmanager.bind-host", "127.0.0.1");
    conf.setString("taskmanager.host", "127.0.0.1");
    conf.setString("security.delegation.tokens.enabled", "false");
    if (checkpoints != null) {
      conf.setString("execution.checkpointing.dir", checkpoints.toUri().toString());
    }
    return conf;
  }

  /**
   * A new temporary directory for a streaming local run's checkpoints (null for a batch run, which
   * does not checkpoint); the caller deletes it when the run ends. Checkpoints go to files, not to
   * the JobManager's heap, whose default storage refuses a subtask's state above 5 MB: a shop's
   * kept listings alone can be more (measured: a 40k bench run failed every checkpoint). Temporary:
   * a local run is not resumed from its checkpoints after the process ends (the Kafka offsets
   * committed at each checkpoint are where the next run starts). Those of killed runs are removed
   * by the next ({@link LocalCheckpoints}).
   */
  private Path localCheckpointDir() {
    if (!streaming()) {
      return null;
    }
    return LocalCheckpoints.create();
  }

  /**
   * Checkpointing and restarts of a streaming job. Each operator flushes what it holds before a
   * barrier (scoring batch, store batch), so a completed checkpoint means every record before it is
   * committed to the database; the Kafka source commits its offsets to the consumer group when a
   * checkpoint completes. After a failure the job restarts from the last checkpoint and replays
   * what came after it: the upserts are idempotent, so replayed records change no stored row.
   */
  static void checkpointing(Configuration conf, Duration interval) {
    conf.setString("execution.checkpointing.interval", interval.toMillis() + " ms");
    conf.setString("execution.checkpointing.mode", "EXACTLY_ONCE");
    conf.setString(
        "execution.checkpointing.min-pause", Math.min(interval.toMillis() / 2, 1000) + " ms");
    conf.setString("restart-strategy.type", "fixed-delay");
    conf.setString("restart-strategy.fixed-delay.attempts", String.valueOf(RESTART_ATTEMPTS));
    conf.setString("restart-strategy.fixed-delay.delay", RESTART_DELAY.toMillis() + " ms");
  }

  /** Wires sources, scoring, storing and dead letters onto an environment. */
  void build(StreamExecutionEnvironment env) {
    DataStream<SpoolLine> lines = null;
    if (spoolDir != null) {
      lines = spoolLines(env);
    }
    if (kafka != null) {
      DataStream<SpoolLine> messages = kafkaLines(env);
      lines = lines == null ? messages : lines.union(messages);
    }
    ScoreFunction.Continuous continuous =
        !streaming()
            ? null
            : new ScoreFunction.Continuous(
                CONTINUOUS_FLUSH.toMillis(),
                confDir == null ? null : confDir.toString(),
                reloadInterval.toMillis());
    DataStream<DatabaseSnapshot> snapshots = databaseSnapshots(env);
    SingleOutputStreamOperator<ScoredRecord> scored =
        lines
            .connect(snapshots.broadcast())
            .transform(
                passThrough ? "validate (pass-through)" : "validate and score",
                TypeInformation.of(ScoredRecord.class),
                new ScoreFunction(
                    passThrough ? null : startConfig == null ? detectorConfig : startConfig,
                    Detectors.BATCH,
                    continuous,
                    initialFacts))
            .uid("score");
    DataStream<ScoredRecord> evidenced = scored;
    if (!passThrough && shopEvidence) {
      evidenced =
          scored
              .keyBy(new ShopKey())
              .connect(snapshots.broadcast(ShopEvidenceFunction.OFFENDERS))
              .process(new ShopEvidenceFunction(initialOffenders))
              .name("shop-level evidence")
              .uid("shop-evidence");
    }
    if (!passThrough) {
      scored
          .getSideOutput(ScoreFunction.CONTACTS)
          .keyBy(new ContactKeyOf())
          .process(new ContactLinker())
          .name("link sellers by contact")
          .uid("contact-linker")
          .keyBy(new NetworkKey())
          .process(new NetworkFunction())
          .name("seller networks")
          .uid("seller-networks")
          .setParallelism(1)
          .sinkTo(new NetworkSink(database))
          .name("store seller networks")
          .uid("network-store")
          .setParallelism(1);
    }
    DataStream<ScoredRecord> bySeller =
        evidenced.partitionCustom(new KeyPartitioner(), new PartitionKey());
    DataStream<DeadLetter> storeRejects =
        !streaming()
            ? bySeller
                .fullWindowPartition()
                .mapPartition(new StoreFunction(database, batchSize))
                .name("store")
                .uid("store")
            : bySeller
                .transform(
                    "store",
                    TypeInformation.of(DeadLetter.class),
                    new StoreOperator(database, batchSize, CONTINUOUS_FLUSH.toMillis()))
                .uid("store");
    DataStream<DeadLetter> letters =
        scored.getSideOutput(ScoreFunction.DEAD_LETTERS).union(storeRejects);
    if (deadLetterFile != null) {
      letters
          .sinkTo(new DeadLetterSink(deadLetterFile))
          .name("dead letters")
          .uid("dead-letters")
          .setParallelism(1);
    }
    if (deadLetterTopic != null) {
      letters
          .sinkTo(
              KafkaSink.<DeadLetter>builder()
                  .setBootstrapServers(kafka.bootstrapServers())
                  .setRecordSerializer(new DeadLetterTopicSchema(deadLetterTopic))
                  .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                  .build())
          .name("dead letters to " + deadLetterTopic)
          .uid("dead-letter-topic")
          .setParallelism(1);
    }
  }

  /**
   * The database as a broadcast stream: an unbounded job reads it every {@link
   * Builder#databaseRefresh} interval ({@link DatabaseRefresh}: newly published rulesets, confirmed
   * violators); a bounded one has what {@link #prepare()} read, once.
   */
  private DataStream<DatabaseSnapshot> databaseSnapshots(StreamExecutionEnvironment env) {
    TypeInformation<DatabaseSnapshot> type = TypeInformation.of(DatabaseSnapshot.class);
    if (bounded() || passThrough || databaseRefresh.isZero()) {
      return env.fromData(type, new DatabaseSnapshot(0, null, null, initialOffenders))
          .name("database (read once)")
          .uid("database-once")
          .setParallelism(1);
    }
    DataGeneratorSource<DatabaseSnapshot> source =
        new DataGeneratorSource<>(
            new DatabaseRefresh(database, databaseRefresh.toMillis()),
            Long.MAX_VALUE,
            RateLimiterStrategy.perSecond(1000.0 / databaseRefresh.toMillis()),
            type);
    return env.fromSource(source, WatermarkStrategy.noWatermarks(), "database refresh")
        .uid("database-refresh")
        .setParallelism(1);
  }

  /** The shop-level evidence's key: the shop, else the listing (no shop state kept). */
  static final class ShopKey implements KeySelector<ScoredRecord, String> {
    @Override
    public String getKey(ScoredRecord r) {
      return r.facts().shopKey().isEmpty() ? "listing:" + r.listingId() : r.facts().shopKey();
    }
  }

  static final class ContactKeyOf implements KeySelector<ContactSighting, String> {
    @Override
    public String getKey(ContactSighting s) {
      return s.contactKey();
    }
  }

  /** One key: the networks are one union-find ({@link NetworkFunction}). */
  static final class NetworkKey implements KeySelector<SellerLinkEvent, String> {
    @Override
    public String getKey(SellerLinkEvent e) {
      return NetworkFunction.KEY;
    }
  }

  private DataStream<SpoolLine> kafkaLines(StreamExecutionEnvironment env) {
    KafkaSourceBuilder<SpoolLine> b =
        KafkaSource.<SpoolLine>builder()
            .setBootstrapServers(kafka.bootstrapServers())
            .setTopics(kafka.topic())
            .setGroupId(kafka.groupId())
            // resume at the group's committed offsets (committed when a checkpoint completes)
            .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
            .setDeserializer(new KafkaLineDeserializer(maxLineBytes))
            .setProperty("commit.offsets.on.checkpoint", "true")
            .setProperty("client.id.prefix", "markwatch-" + kafka.groupId());
    if (kafka.bounded()) {
      // run() fixed where to stop, so that it can commit exactly that when the job has finished
      b.setBounded(
          kafkaStopAt != null
              ? OffsetsInitializer.offsets(kafkaStopAt)
              : OffsetsInitializer.latest());
    }
    return env.fromSource(b.build(), WatermarkStrategy.noWatermarks(), "kafka " + kafka.topic())
        .uid("kafka-listings");
  }

  private DataStream<SpoolLine> spoolLines(StreamExecutionEnvironment env) {
    FileSource.FileSourceBuilder<SpoolLine> sourceBuilder =
        FileSource.forBulkFileFormat(
                new SpoolLineFormat(maxLineBytes),
                new org.apache.flink.core.fs.Path(spoolDir.toAbsolutePath().toUri()))
            .setFileEnumerator(() -> new NonSplittingRecursiveEnumerator(new SpoolFileFilter()));
    if (watch != null) {
      // new files are picked up once (by path); a file must be complete when it appears: writers
      // write a hidden ".name.jsonl" and rename it, which SpoolFileFilter skips until then
      sourceBuilder.monitorContinuously(watch);
    }
    FileSource<SpoolLine> source = sourceBuilder.build();
    return env.fromSource(source, WatermarkStrategy.noWatermarks(), "spool files")
        .name("spool files")
        .uid("spool-files");
  }

  /** Records with the same seller go to the same writer. */
  private static final class PartitionKey
      implements org.apache.flink.api.java.functions.KeySelector<ScoredRecord, String> {
    @Override
    public String getKey(ScoredRecord r) {
      return r.partitionKey();
    }
  }

  private static final class KeyPartitioner
      implements org.apache.flink.api.common.functions.Partitioner<String> {
    @Override
    public int partition(String key, int partitions) {
      return Math.floorMod(key.hashCode(), partitions);
    }
  }

  private void sortDeadLetters() {
    if (deadLetterFile == null || !Files.isRegularFile(deadLetterFile)) {
      return;
    }
    try {
      List<String> lines = Files.readAllLines(deadLetterFile);
      Comparator<JsonNode> byPlace =
          Comparator.comparing((JsonNode n) -> n.path("file").asString(""))
              .thenComparingLong(n -> n.path("line").asLong());
      List<String> sorted =
          lines.stream()
              .filter(l -> !l.isBlank())
              .map(l -> JsonCodec.mapper().readTree(l))
              .sorted(byPlace)
              .map(JsonCodec.mapper()::writeValueAsString)
              .toList();
      Files.write(deadLetterFile, sorted);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot sort dead-letter file " + deadLetterFile, e);
    }
  }

  private static long count(java.util.Map<String, Object> acc, String name) {
    Object v = acc.get(name);
    return v == null ? 0 : ((Number) v).longValue();
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  private static void closeQuietly(StreamExecutionEnvironment env) {
    try {
      env.close();
    } catch (Exception ignored) {
      // the MiniCluster is gone either way
    }
  }

  public Path spoolDir() {
    return spoolDir;
  }

  public Path deadLetterFile() {
    return deadLetterFile;
  }

  public int parallelism() {
    return parallelism;
  }

  /** The spool polling interval of the continuous job, or null for the bounded job. */
  public Duration watch() {
    return watch;
  }

  /**
   * Builder of a {@link ScoringJob}. Required: {@link #spoolDir}, {@link #database}, {@link
   * #detectorConfig}. {@link #build()} checks the values and names the bad one.
   */
  public static final class Builder {
    private Path spoolDir;
    private Path deadLetterFile;
    private DatabaseSettings database;
    private DetectorConfig detectorConfig;
    private int parallelism = DEFAULT_PARALLELISM;
    private int batchSize = DEFAULT_BATCH_SIZE;
    private int maxLineBytes = SpoolLineFormat.DEFAULT_MAX_LINE_BYTES;
    private Duration watch;
    private Path confDir;
    private Duration reloadInterval = DEFAULT_RELOAD_INTERVAL;
    private KafkaInput kafka;
    private String deadLetterTopic;
    private boolean passThrough;
    private boolean shopEvidence = true;
    private Duration checkpointInterval = DEFAULT_CHECKPOINT_INTERVAL;
    private Duration databaseRefresh = DEFAULT_DATABASE_REFRESH;

    private Builder() {}

    /**
     * How often an unbounded job reads the database for a newly published ruleset ({@code markwatch
     * rules publish}), the confirmed violators and the catalog facts (observed prices, authorised
     * sellers) (default 10 s, at least 100 ms; {@link Duration#ZERO} reads them once at the start
     * only). A bounded job reads them once.
     */
    public Builder databaseRefresh(Duration interval) {
      this.databaseRefresh = interval;
      return this;
    }

    /**
     * Reads listings from Kafka as well as, or instead of, the spool directory. An unbounded input
     * makes a streaming job ({@link ScoringJob#start()}); a bounded one is {@link ScoringJob#run()}
     * to the offsets that were the latest at its start.
     */
    public Builder kafka(KafkaInput input) {
      this.kafka = input;
      return this;
    }

    /** Also sends dead letters to this Kafka topic (on the {@link #kafka} brokers). */
    public Builder deadLetterTopic(String topic) {
      this.deadLetterTopic = topic;
      return this;
    }

    /**
     * A pass-through job: parse, validate and store every valid listing with an empty verdict
     * (ruleset {@value ScoreFunction#PASS_THROUGH_RULESET}), no detectors. The benchmark's
     * yardstick.
     */
    public Builder passThrough(boolean on) {
      this.passThrough = on;
      return this;
    }

    /**
     * Shop-level evidence (a shop whose other listings admit copies, or a network with confirmed
     * violators, raises its branded listings); on by default. Its stored verdicts do not depend on
     * the order listings arrive in: {@link ShopEvidenceFunction} revises a shop's earlier listings
     * when the shop's evidence changes.
     */
    public Builder shopEvidence(boolean on) {
      this.shopEvidence = on;
      return this;
    }

    /** Checkpoint interval of a streaming job, at least 100 ms; default 5 s. */
    public Builder checkpointInterval(Duration interval) {
      this.checkpointInterval = interval;
      return this;
    }

    /**
     * Makes the job continuous: it keeps polling the spool directory for new files every {@code
     * interval} (at least 100 ms; {@link ScoringJob#DEFAULT_WATCH_INTERVAL}) and runs until
     * stopped; start it with {@link ScoringJob#start()}. Default: bounded, {@link
     * ScoringJob#run()}.
     */
    public Builder watch(Duration interval) {
      this.watch = interval;
      return this;
    }

    /**
     * The conf directory ({@code brands/}, {@code rules/}) the detectors' configuration comes from.
     * Read now when {@link #detectorConfig} is not given; in a continuous job it is also polled
     * every {@link #reloadInterval}, and a new configuration that passes {@code RulesetGate}
     * replaces the running one. With a remote cluster it is read on the TaskManagers' machines.
     */
    public Builder confDir(Path dir) {
      this.confDir = dir;
      return this;
    }

    /** How often a continuous job polls {@link #confDir}; at least 100 ms, default 5 s. */
    public Builder reloadInterval(Duration interval) {
      this.reloadInterval = interval;
      return this;
    }

    /** Directory whose {@code *.jsonl} files (recursively, hidden ones skipped) are read. */
    public Builder spoolDir(Path dir) {
      this.spoolDir = dir;
      return this;
    }

    /**
     * Dead-letter JSON-lines file, emptied at each start; default {@code
     * <spoolDir>/../dead-letters.jsonl} (required without a spool directory unless a {@link
     * #deadLetterTopic} is given).
     */
    public Builder deadLetterFile(Path file) {
      this.deadLetterFile = file;
      return this;
    }

    public Builder database(DatabaseSettings settings) {
      this.database = settings;
      return this;
    }

    public Builder detectorConfig(DetectorConfig config) {
      this.detectorConfig = config;
      return this;
    }

    /** Parallelism of scoring and storing, at least 1; default {@value #DEFAULT_PARALLELISM}. */
    public Builder parallelism(int n) {
      this.parallelism = n;
      return this;
    }

    /** Records per database transaction, at least 1; default {@value #DEFAULT_BATCH_SIZE}. */
    public Builder batchSize(int n) {
      this.batchSize = n;
      return this;
    }

    /**
     * Longest spool line accepted, in bytes; default {@value
     * SpoolLineFormat#DEFAULT_MAX_LINE_BYTES}.
     */
    public Builder maxLineBytes(int n) {
      this.maxLineBytes = n;
      return this;
    }

    public ScoringJob build() {
      sanityCheck();
      return new ScoringJob(this);
    }

    private void sanityCheck() {
      if (spoolDir == null && kafka == null) {
        throw new NullPointerException("spoolDir or kafka is required");
      }
      Objects.requireNonNull(database, "database is required");
      if (deadLetterTopic != null && (kafka == null || deadLetterTopic.isBlank())) {
        throw new IllegalArgumentException(
            "a dead-letter topic needs a non-blank name and a kafka(...) input");
      }
      if (checkpointInterval == null || checkpointInterval.compareTo(Duration.ofMillis(100)) < 0) {
        throw new IllegalArgumentException(
            "checkpointInterval must be >= 100 ms, got " + checkpointInterval);
      }
      if (watch != null && spoolDir == null) {
        throw new IllegalArgumentException(
            "watch(...) watches the spool directory: give spoolDir(...) too");
      }
      if (passThrough && detectorConfig == null && confDir == null) {
        detectorConfig = new DetectorConfig(java.util.Map.of(), java.util.Map.of());
      }
      if (confDir != null) {
        confDir = confDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(confDir)) {
          throw new IllegalArgumentException(
              "conf directory does not exist or is not a directory: " + confDir);
        }
        if (detectorConfig == null) {
          detectorConfig = DetectorConfFiles.read(confDir);
        }
      }
      Objects.requireNonNull(
          detectorConfig, "detectorConfig is required (or a confDir to read it from)");
      if (watch != null && watch.compareTo(Duration.ofMillis(100)) < 0) {
        throw new IllegalArgumentException("watch interval must be >= 100 ms, got " + watch);
      }
      if (reloadInterval == null || reloadInterval.compareTo(Duration.ofMillis(100)) < 0) {
        throw new IllegalArgumentException(
            "reloadInterval must be >= 100 ms, got " + reloadInterval);
      }
      if (spoolDir != null) {
        spoolDir = spoolDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(spoolDir)) {
          throw new IllegalArgumentException(
              "spool directory does not exist or is not a directory: " + spoolDir);
        }
        if (deadLetterFile == null) {
          deadLetterFile = spoolDir.resolveSibling("dead-letters.jsonl");
        }
      }
      if (deadLetterFile == null && deadLetterTopic == null) {
        throw new IllegalArgumentException(
            "reading only Kafka, the job needs a deadLetterFile(...) or a deadLetterTopic(...)");
      }
      if (deadLetterFile != null) {
        deadLetterFile = deadLetterFile.toAbsolutePath().normalize();
        if (Files.isDirectory(deadLetterFile)) {
          throw new IllegalArgumentException("dead-letter file is a directory: " + deadLetterFile);
        }
      }
      if (spoolDir != null
          && deadLetterFile != null
          && deadLetterFile.startsWith(spoolDir)
          && deadLetterFile.getFileName().toString().endsWith(SpoolFileFilter.SUFFIX)) {
        throw new IllegalArgumentException(
            "dead-letter file would be read back as spool input: "
                + deadLetterFile
                + " (put it outside "
                + spoolDir
                + ")");
      }
      if (databaseRefresh == null
          || (!databaseRefresh.isZero() && databaseRefresh.compareTo(Duration.ofMillis(100)) < 0)) {
        throw new IllegalArgumentException(
            "databaseRefresh must be 0 or >= 100 ms, got " + databaseRefresh);
      }
      if (parallelism < 1) {
        throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
      }
      if (batchSize < 1) {
        throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
      }
      if (maxLineBytes < 1024) {
        throw new IllegalArgumentException("maxLineBytes must be >= 1024, got " + maxLineBytes);
      }
    }
  }
}
