package org.markwatch.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.markwatch.detectors.DetectorConfig;
import org.markwatch.model.JsonCodec;
import org.markwatch.pipeline.DetectorConfFiles;
import org.markwatch.pipeline.JobReport;
import org.markwatch.pipeline.KafkaInput;
import org.markwatch.pipeline.RunningScoringJob;
import org.markwatch.pipeline.ScoringJob;
import org.markwatch.pipeline.localkafka.LocalKafkaBroker;
import org.markwatch.storage.DatabaseSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code markwatch bench pipeline}: Kafka → Flink → PostgreSQL, with every detector and as a
 * pass-through job (parse, validate, upsert, no detectors), in one run on one machine, then the
 * streaming latency at a paced offered rate. A real broker runs inside this JVM on 127.0.0.1; each
 * job writes into its own fresh PostgreSQL database, dropped after.
 */
@Command(
    name = "pipeline",
    mixinStandardHelpOptions = true,
    description = {
      "Listings/s of the scoring job (every detector) and of a pass-through job, Kafka -> Flink -> PostgreSQL,",
      "and the streaming latency p50/p99 at a paced offered rate; peak RSS. Needs PostgreSQL on 127.0.0.1:5432",
      "(user postgres, trust auth) or --postgres. The last line reads",
      "pipeline_per_s=... passthrough_per_s=... ratio=... p50_ms=... p99_ms=... rss_mib=..."
    })
final class PipelineBench implements Callable<Integer> {
  @Option(
      names = "--count",
      description = "Listings per throughput job (default: ${DEFAULT-VALUE}).",
      defaultValue = "200000")
  int count;

  @Option(
      names = "--parallelism",
      description = "Flink parallelism (default: ${DEFAULT-VALUE}).",
      defaultValue = "2")
  int parallelism;

  @Option(
      names = "--rate",
      description = "Offered listings/s of the latency run (default: ${DEFAULT-VALUE}).",
      defaultValue = "5000")
  int rate;

  @Option(
      names = "--latency-seconds",
      description = "Length of the latency run, s (default: ${DEFAULT-VALUE}).",
      defaultValue = "20")
  int latencySeconds;

  @Option(
      names = "--postgres",
      paramLabel = "JDBC-URL",
      description = "Admin URL the fresh databases are created from (default: ${DEFAULT-VALUE}).",
      defaultValue = "jdbc:postgresql://127.0.0.1:5432/postgres")
  String postgres;

  @Option(
      names = "--db-user",
      description = "PostgreSQL user (default: ${DEFAULT-VALUE}).",
      defaultValue = "postgres")
  String dbUser;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Figures file, appended (default: ${DEFAULT-VALUE}).",
      defaultValue = "bench-pipeline.txt")
  Path out;

  @Option(
      names = "--conf",
      paramLabel = "DIR",
      description = "Configuration directory (default: $markwatch.home/conf or ./conf).")
  Path conf;

  @Option(
      names = "--input",
      paramLabel = "FILE",
      split = ",",
      description =
          "Listing JSON-lines files whose records are cycled (default: the real-world genuine and replica sets,"
              + " the development listings and the real product cards of the extraction set).")
  List<Path> inputs;

  private final StringBuilder report = new StringBuilder();

  @Override
  public Integer call() throws Exception {
    Path confDir = ConfLocation.confDir(conf);
    Path shared = SharedData.dir(confDir);
    Path repo = confDir.toAbsolutePath().normalize().getParent();
    DetectorConfig config = DetectorConfFiles.read(confDir);
    List<String> templates = templates(repo, shared);
    line("markwatch bench pipeline, %s", Instant.now());
    line(
        "machine: %d cpus, load average %s, java %s",
        Runtime.getRuntime().availableProcessors(), loadAverage(), Runtime.version());
    line(
        "input: %,d listings per job cycled from %,d real records (%s)",
        count, templates.size(), sourcesSaid);
    List<String> dbs = new ArrayList<>();
    try (LocalKafkaBroker kafka = LocalKafkaBroker.start()) {
      String topic = KafkaInput.DEFAULT_TOPIC;
      kafka.createTopic(topic, parallelism);
      long t0 = System.nanoTime();
      produce(kafka, topic, templates, count, "t", 0);
      line(
          "produced %,d messages to %s (%d partitions) in %.1f s",
          count, topic, parallelism, secondsSince(t0));

      JobReport pass = runBounded(kafka, topic, "bench-passthrough", true, config, dbs);
      say("pass-through", pass);
      JobReport full = runBounded(kafka, topic, "bench-pipeline", false, config, dbs);
      say("pipeline (every detector)", full);
      if (pass.stored() != count || full.stored() != count) {
        line(
            "WARNING: not every listing was stored (pass-through %d, pipeline %d of %d)",
            pass.stored(), full.stored(), count);
      }

      JobReport latency = latencyRun(kafka, templates, config, dbs);
      long p50 = latency.latencyPercentile(0.5);
      long p99 = latency.latencyPercentile(0.99);
      line(
          "latency at %,d listings/s offered for %d s (every detector, checkpoint every %d s): p50 %d ms, p90 %d ms,"
              + " p99 %d ms, max %d ms over %,d listings",
          rate,
          latencySeconds,
          ScoringJob.DEFAULT_CHECKPOINT_INTERVAL.toSeconds(),
          p50,
          latency.latencyPercentile(0.9),
          p99,
          latency.latencyMillis().isEmpty() ? -1 : latency.latencyMillis().lastKey(),
          latency.stored());

      double pipelinePerS = full.storedPerSecondWhileStoring();
      double passPerS = pass.storedPerSecondWhileStoring();
      long rss = peakRssMib();
      line(
          "end to end (cluster start and detector compilation included): pipeline %,.0f/s, pass-through %,.0f/s, ratio %.2f",
          full.stored() / secs(full.elapsed()),
          pass.stored() / secs(pass.elapsed()),
          (full.stored() / secs(full.elapsed())) / (pass.stored() / secs(pass.elapsed())));
      line(
          "(per_s below: stored listings over the window from the first to the last commit; rss: peak of this one JVM,"
              + " which also runs the broker)");
      line(
          "load average at the end: %s (2 cores: above 2 the jobs got a fraction of the machine)",
          loadAverage());
      line(
          "pipeline_per_s=%.0f passthrough_per_s=%.0f ratio=%.2f p50_ms=%d p99_ms=%d rss_mib=%d",
          pipelinePerS, passPerS, passPerS <= 0 ? 0 : pipelinePerS / passPerS, p50, p99, rss);
    } finally {
      for (String db : dbs) {
        dropDatabase(db);
      }
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(
        out,
        report.toString(),
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    System.err.println("figures appended to " + out.toAbsolutePath());
    return 0;
  }

  private JobReport runBounded(
      LocalKafkaBroker kafka,
      String topic,
      String group,
      boolean passThrough,
      DetectorConfig config,
      List<String> dbs)
      throws Exception {
    DatabaseSettings db = freshDatabase(dbs);
    System.err.printf(
        Locale.ROOT, "running the %s job ...%n", passThrough ? "pass-through" : "scoring");
    return ScoringJob.builder()
        .kafka(new KafkaInput(kafka.bootstrapServers(), topic, group, true))
        .deadLetterFile(Files.createTempFile("markwatch-bench-dead-", ".jsonl"))
        .database(db)
        .detectorConfig(config)
        .passThrough(passThrough)
        .parallelism(parallelism)
        .build()
        .run();
  }

  private JobReport latencyRun(
      LocalKafkaBroker kafka, List<String> templates, DetectorConfig config, List<String> dbs)
      throws Exception {
    String topic = "bench.latency";
    kafka.createTopic(topic, parallelism);
    DatabaseSettings db = freshDatabase(dbs);
    RunningScoringJob running =
        ScoringJob.builder()
            .kafka(new KafkaInput(kafka.bootstrapServers(), topic, "bench-latency", false))
            .deadLetterFile(Files.createTempFile("markwatch-bench-dead-", ".jsonl"))
            .database(db)
            .detectorConfig(config)
            .parallelism(parallelism)
            .build()
            .start();
    try {
      System.err.println("latency run: waiting for the streaming job to store a first listing ...");
      produce(kafka, topic, templates, parallelism, "warm", 0);
      awaitStored(running, parallelism, Duration.ofMinutes(3)); // detectors compile first
      int n = rate * latencySeconds;
      System.err.printf(
          Locale.ROOT, "latency run: offering %,d listings/s for %d s ...%n", rate, latencySeconds);
      produce(kafka, topic, templates, n, "lat", rate);
      awaitStored(running, parallelism + n, Duration.ofSeconds(60));
      return running.stop();
    } finally {
      running.stop(); // idempotent: returns the same report when already stopped
    }
  }

  /** Waits until {@code n} listings are stored; gives up when none was stored for {@code stall}. */
  private static void awaitStored(RunningScoringJob running, long n, Duration stall)
      throws InterruptedException {
    long last = -1;
    long progressAt = System.nanoTime();
    while (true) {
      long stored = running.counter("markwatch.stored");
      if (stored >= n) {
        return;
      }
      if (stored != last) {
        last = stored;
        progressAt = System.nanoTime();
      } else if (System.nanoTime() - progressAt > stall.toNanos()) {
        throw new IllegalStateException(
            "the streaming job stored "
                + stored
                + " of "
                + n
                + " listings and nothing more for "
                + stall.toSeconds()
                + " s");
      }
      Thread.sleep(250);
    }
  }

  /**
   * Sends {@code n} listings cycled from the templates, each with a fresh id, round-robin over the
   * partitions; at {@code perSecond} listings/s when it is positive, else as fast as possible.
   */
  private static void produce(
      LocalKafkaBroker kafka,
      String topic,
      List<String> templates,
      int n,
      String tag,
      int perSecond)
      throws Exception {
    try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
      int partitions = producer.partitionsFor(topic).size();
      long start = System.nanoTime();
      List<Future<?>> window = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (perSecond > 0) {
          long due = start + (long) (i * (1e9 / perSecond));
          long wait = due - System.nanoTime();
          if (wait > 0) {
            LockSupport.parkNanos(wait);
          }
        }
        String t = templates.get(i % templates.size());
        // the id is the only change: a fresh listing each time, with the template's real text
        String value = t.replaceFirst("\"id\":\"([^\"]*)\"", "\"id\":\"$1:" + tag + i + "\"");
        window.add(
            producer.send(
                new ProducerRecord<>(
                    topic, i % partitions, null, value.getBytes(StandardCharsets.UTF_8))));
        if (window.size() >= 10_000) {
          for (Future<?> f : window) {
            f.get(60, TimeUnit.SECONDS);
          }
          window.clear();
        }
      }
      for (Future<?> f : window) {
        f.get(60, TimeUnit.SECONDS);
      }
    }
  }

  private String sourcesSaid = "";

  /** Valid listing records (compact JSON, id first-level) from the real-world sets. */
  private List<String> templates(Path repo, Path shared) throws IOException {
    Map<String, Integer> bySource = new LinkedHashMap<>();
    List<String> out = new ArrayList<>();
    List<Path> files =
        inputs != null
            ? inputs
            : List.of(
                repo.resolve("detectors/src/test/resources/realworld/genuine.jsonl"),
                repo.resolve("detectors/src/test/resources/realworld/replica.jsonl"),
                shared.resolve("data/dev-listings.jsonl"));
    for (Path f : files) {
      int before = out.size();
      for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
        var d = JsonCodec.decodeListing(l);
        if (d.ok()) {
          out.add(JsonCodec.encode(d.value()));
        }
      }
      bySource.put(f.getFileName().toString(), out.size() - before);
    }
    if (inputs == null) {
      Path cards = shared.resolve("data/extraction-listings/ground-truth.json");
      if (Files.isRegularFile(cards)) {
        int before = out.size();
        out.addAll(productCards(cards));
        bySource.put("extraction-listings product cards", out.size() - before);
      }
    }
    if (out.isEmpty()) {
      throw new IOException("no valid listings in " + files);
    }
    StringBuilder said = new StringBuilder();
    bySource.forEach(
        (k, v) -> said.append(said.isEmpty() ? "" : ", ").append(v).append(' ').append(k));
    sourcesSaid = said.toString();
    return out;
  }

  /** Real product cards (title, url, price) of the extraction answer key, as listing records. */
  private static List<String> productCards(Path groundTruth) throws IOException {
    JsonNode root = JsonCodec.mapper().readTree(Files.readString(groundTruth));
    List<String> out = new ArrayList<>();
    int n = 0;
    for (var page : root.properties()) {
      for (JsonNode item : page.getValue().path("items")) {
        if (!item.hasNonNull("title") || !item.hasNonNull("url")) {
          continue;
        }
        ObjectNode l = JsonCodec.mapper().createObjectNode();
        l.put("schema", "markwatch.listing/1");
        l.put("id", "web:card:" + (n++));
        l.put("platform", "web");
        l.put("kind", "product");
        l.put("url", item.get("url").asString());
        l.put("observedAt", "2026-11-24T00:00:00Z");
        l.put("title", item.get("title").asString());
        if (item.hasNonNull("price") && item.hasNonNull("currency")) {
          ObjectNode price = l.putObject("price");
          price.put("amount", item.get("price").asDouble());
          price.put("currency", item.get("currency").asString());
        }
        var d = JsonCodec.decodeListing(JsonCodec.mapper().writeValueAsString(l));
        if (d.ok()) {
          out.add(JsonCodec.encode(d.value()));
        }
      }
    }
    return out;
  }

  private DatabaseSettings freshDatabase(List<String> dbs) throws Exception {
    String name =
        "markwatch_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(postgres, dbUser, "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    dbs.add(name);
    String url = postgres.substring(0, postgres.lastIndexOf('/') + 1) + name;
    return new DatabaseSettings(url, dbUser, "");
  }

  private void dropDatabase(String name) {
    try (Connection c = DriverManager.getConnection(postgres, dbUser, "");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (Exception e) {
      System.err.println("could not drop the bench database " + name + ": " + e.getMessage());
    }
  }

  private void say(String what, JobReport r) {
    line(
        "%s: %,d read, %,d stored, %,d flagged, %,d dead letters; %.1f s end to end; %,.0f listings/s from the"
            + " first to the last commit (%.1f s)",
        what,
        r.read(),
        r.stored(),
        r.flagged(),
        r.deadLetters(),
        secs(r.elapsed()),
        r.storedPerSecondWhileStoring(),
        secs(r.storing()));
  }

  private void line(String format, Object... args) {
    String s = String.format(Locale.ROOT, format, args);
    report.append(s).append('\n');
    System.out.println(s);
  }

  private static double secs(Duration d) {
    return Math.max(1e-9, d.toNanos() / 1e9);
  }

  private static double secondsSince(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  /** Peak resident set of this JVM (VmHWM), MiB; -1 where /proc is not there. */
  static long peakRssMib() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (l.startsWith("VmHWM:")) {
          return Long.parseLong(l.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux
    }
    return -1;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "unknown";
    }
  }
}
