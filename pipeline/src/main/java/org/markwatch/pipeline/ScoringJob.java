package org.markwatch.pipeline;

import org.apache.flink.api.common.typeinfo.TypeInformation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.enumerate.NonSplittingRecursiveEnumerator;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.markwatch.detectors.DetectorConfig;
import org.markwatch.detectors.Detectors;
import org.markwatch.model.JsonCodec;
import org.markwatch.storage.Database;
import org.markwatch.storage.DatabaseSettings;
import tools.jackson.databind.JsonNode;

/**
 * The scoring job, bounded: reads the {@code *.jsonl} spool files of a directory, validates each
 * line as a {@code markwatch.listing/1} record, scores it with the detectors and upserts listing,
 * seller and verdict into the central database. Refused lines go to a dead-letter JSON-lines file
 * with their file, line, stage and reason. Runs in batch mode on a local MiniCluster that lives
 * for the run only.
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
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs the job to completion: compiles the detectors once here (a bad configuration fails before
   * the cluster starts), migrates the database, runs the MiniCluster, then sorts the dead-letter
   * file by file and line.
   *
   * @throws IllegalArgumentException when the detector configuration does not compile
   * @throws JobFailedException when the Flink job fails
   */
  public JobReport run() {
    if (watch != null) {
      throw new IllegalStateException("a watching job never ends: start() it instead of run()");
    }
    long start = System.nanoTime();
    try (Detectors check = Detectors.create(detectorConfig)) {
      // compiled once here so a bad brand or rule file fails before the cluster starts
    }
    try (Database db = Database.open(database)) {
      // migrated; the writers only connect
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, flinkConfig());
    build(env);
    JobExecutionResult result;
    try {
      result = env.execute("markwatch scoring " + spoolDir.getFileName());
    } catch (Exception e) {
      throw new JobFailedException("scoring job over " + spoolDir + " failed: " + rootMessage(e), e);
    } finally {
      closeQuietly(env);
    }
    sortDeadLetters();
    return new JobReport(count(result, Counters.READ), count(result, Counters.VALID),
        count(result, Counters.INVALID), count(result, Counters.SCORE_FAILED), count(result, Counters.STORED),
        count(result, Counters.STORE_FAILED), count(result, Counters.FLAGGED), deadLetterFile,
        Duration.ofNanos(System.nanoTime() - start), count(result, Counters.CURRENT_VERDICTS));
  }

  /**
   * Starts the continuous job ({@link Builder#watch}) and returns at once: the spool directory is
   * polled for new {@code *.jsonl} files, and, when {@link Builder#confDir} was given, the conf
   * directory for a new ruleset (see {@link ScoreFunction}). Stop it with
   * {@link RunningScoringJob#stop()}.
   *
   * @throws IllegalStateException when the job was not built to watch
   * @throws JobFailedException when the job cannot be submitted
   */
  public RunningScoringJob start() {
    if (watch == null) {
      throw new IllegalStateException("a bounded job is run(), not started: build it with watch(...)");
    }
    try (Detectors check = Detectors.create(detectorConfig)) {
      // compiled once here so a bad brand or rule file fails before the cluster starts
    }
    try (Database db = Database.open(database)) {
      // migrated; the writers only connect
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, flinkConfig());
    build(env);
    try {
      return new RunningScoringJob(env, env.executeAsync("markwatch scoring (watching) " + spoolDir.getFileName()),
          deadLetterFile, this::sortDeadLetters);
    } catch (Exception e) {
      closeQuietly(env);
      throw new JobFailedException("cannot start the scoring job over " + spoolDir + ": " + rootMessage(e), e);
    }
  }

  /** The Flink configuration of the local run; see the README for why each key is set. */
  Configuration flinkConfig() {
    Configuration conf = new Configuration();
    conf.setString("execution.runtime-mode",
        (watch == null ? RuntimeExecutionMode.BATCH : RuntimeExecutionMode.STREAMING).name());
    if (watch != null) {
      // a running job's counters reach the client with the TaskManager's heartbeat (default every 10 s)
      conf.setString("heartbeat.interval", "2000");
    }
    conf.setString("pipeline.generic-types", "false");
    conf.setString("rest.bind-address", "127.0.0.1");
    conf.setString("rest.address", "127.0.0.1");
    conf.setString("rest.port", "0");
    conf.setString("jobmanager.bind-host", "127.0.0.1");
    conf.setString("jobmanager.rpc.address", "127.0.0.1");
    conf.setString("taskmanager.bind-host", "127.0.0.1");
    conf.setString("taskmanager.host", "127.0.0.1");
    conf.setString("security.delegation.tokens.enabled", "false");
    return conf;
  }

  /** Wires source, scoring, storing and dead letters onto an environment. */
  void build(StreamExecutionEnvironment env) {
    FileSource.FileSourceBuilder<SpoolLine> sourceBuilder = FileSource
        .forBulkFileFormat(new SpoolLineFormat(maxLineBytes),
            new org.apache.flink.core.fs.Path(spoolDir.toAbsolutePath().toUri()))
        .setFileEnumerator(() -> new NonSplittingRecursiveEnumerator(new SpoolFileFilter()));
    if (watch != null) {
      // new files are picked up once (by path); a file must be complete when it appears: writers
      // write a hidden ".name.jsonl" and rename it, which SpoolFileFilter skips until then
      sourceBuilder.monitorContinuously(watch);
    }
    FileSource<SpoolLine> source = sourceBuilder.build();
    DataStream<SpoolLine> lines = env.fromSource(source, WatermarkStrategy.noWatermarks(), "spool files")
        .name("spool files").uid("spool-files");
    ScoreFunction.Continuous continuous = watch == null ? null : new ScoreFunction.Continuous(
        CONTINUOUS_FLUSH.toMillis(), confDir == null ? null : confDir.toString(), reloadInterval.toMillis());
    SingleOutputStreamOperator<ScoredRecord> scored = lines
        .transform("validate and score", TypeInformation.of(ScoredRecord.class),
            new ScoreFunction(detectorConfig, Detectors.BATCH, continuous))
        .uid("score");
    DataStream<ScoredRecord> bySeller = scored.partitionCustom(new KeyPartitioner(), new PartitionKey());
    DataStream<DeadLetter> storeRejects = watch == null
        ? bySeller.fullWindowPartition().mapPartition(new StoreFunction(database, batchSize)).name("store").uid("store")
        : bySeller.transform("store", TypeInformation.of(DeadLetter.class),
            new StoreOperator(database, batchSize, CONTINUOUS_FLUSH.toMillis())).uid("store");
    scored.getSideOutput(ScoreFunction.DEAD_LETTERS)
        .union(storeRejects)
        .sinkTo(new DeadLetterSink(deadLetterFile)).name("dead letters").uid("dead-letters")
        .setParallelism(1);
  }

  /** Records with the same seller go to the same writer. */
  private static final class PartitionKey
      implements org.apache.flink.api.java.functions.KeySelector<ScoredRecord, String> {
    @Override
    public String getKey(ScoredRecord r) {
      return r.partitionKey();
    }
  }

  private static final class KeyPartitioner implements org.apache.flink.api.common.functions.Partitioner<String> {
    @Override
    public int partition(String key, int partitions) {
      return Math.floorMod(key.hashCode(), partitions);
    }
  }

  private void sortDeadLetters() {
    if (!Files.isRegularFile(deadLetterFile)) {
      return;
    }
    try {
      List<String> lines = Files.readAllLines(deadLetterFile);
      Comparator<JsonNode> byPlace = Comparator.comparing((JsonNode n) -> n.path("file").asString(""))
          .thenComparingLong(n -> n.path("line").asLong());
      List<String> sorted = lines.stream().filter(l -> !l.isBlank())
          .map(l -> JsonCodec.mapper().readTree(l)).sorted(byPlace).map(JsonCodec.mapper()::writeValueAsString)
          .toList();
      Files.write(deadLetterFile, sorted);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot sort dead-letter file " + deadLetterFile, e);
    }
  }

  private static long count(JobExecutionResult result, String name) {
    Object v = result.getAccumulatorResult(name);
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
   * Builder of a {@link ScoringJob}. Required: {@link #spoolDir}, {@link #database},
   * {@link #detectorConfig}. {@link #build()} checks the values and names the bad one.
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

    private Builder() {}

    /**
     * Makes the job continuous: it keeps polling the spool directory for new files every
     * {@code interval} (at least 100 ms; {@link ScoringJob#DEFAULT_WATCH_INTERVAL}) and runs until
     * stopped; start it with {@link ScoringJob#start()}. Default: bounded, {@link ScoringJob#run()}.
     */
    public Builder watch(Duration interval) {
      this.watch = interval;
      return this;
    }

    /**
     * The conf directory ({@code brands/}, {@code rules/}) the detectors' configuration comes
     * from. Read now when {@link #detectorConfig} is not given; in a continuous job it is also
     * polled every {@link #reloadInterval}, and a new configuration that passes
     * {@code RulesetGate} replaces the running one. With a remote cluster it is read on the
     * TaskManagers' machines.
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

    /** Dead-letter JSON-lines file, replaced at each run; default {@code <spoolDir>/../dead-letters.jsonl}. */
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

    /** Longest spool line accepted, in bytes; default {@value SpoolLineFormat#DEFAULT_MAX_LINE_BYTES}. */
    public Builder maxLineBytes(int n) {
      this.maxLineBytes = n;
      return this;
    }

    public ScoringJob build() {
      sanityCheck();
      return new ScoringJob(this);
    }

    private void sanityCheck() {
      Objects.requireNonNull(spoolDir, "spoolDir is required");
      Objects.requireNonNull(database, "database is required");
      if (confDir != null) {
        confDir = confDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(confDir)) {
          throw new IllegalArgumentException("conf directory does not exist or is not a directory: " + confDir);
        }
        if (detectorConfig == null) {
          detectorConfig = DetectorConfFiles.read(confDir);
        }
      }
      Objects.requireNonNull(detectorConfig, "detectorConfig is required (or a confDir to read it from)");
      if (watch != null && watch.compareTo(Duration.ofMillis(100)) < 0) {
        throw new IllegalArgumentException("watch interval must be >= 100 ms, got " + watch);
      }
      if (reloadInterval == null || reloadInterval.compareTo(Duration.ofMillis(100)) < 0) {
        throw new IllegalArgumentException("reloadInterval must be >= 100 ms, got " + reloadInterval);
      }
      spoolDir = spoolDir.toAbsolutePath().normalize();
      if (!Files.isDirectory(spoolDir)) {
        throw new IllegalArgumentException("spool directory does not exist or is not a directory: " + spoolDir);
      }
      if (deadLetterFile == null) {
        deadLetterFile = spoolDir.resolveSibling("dead-letters.jsonl");
      }
      deadLetterFile = deadLetterFile.toAbsolutePath().normalize();
      if (Files.isDirectory(deadLetterFile)) {
        throw new IllegalArgumentException("dead-letter file is a directory: " + deadLetterFile);
      }
      if (deadLetterFile.startsWith(spoolDir) && deadLetterFile.getFileName().toString().endsWith(SpoolFileFilter.SUFFIX)) {
        throw new IllegalArgumentException(
            "dead-letter file would be read back as spool input: " + deadLetterFile + " (put it outside " + spoolDir + ")");
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
