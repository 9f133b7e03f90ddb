package org.markwatch.pipeline;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.markwatch.storage.DatabaseSettings;

/**
 * The entry point of the lean job jar ({@code pipeline/target/markwatch-pipeline-job.jar}) for
 * {@code flink run} on a session cluster ({@code scripts/flink-cluster submit}). Runs on the
 * client: reads and compiles the conf directory (a bad rule file fails here, before submission),
 * migrates the database, builds the same job graph as the embedded job and submits it. Detached
 * submissions ({@code flink run -d}) return at once.
 *
 * <pre>
 * --kafka HOST:PORT   brokers (required)          --topic T     (markwatch.listings)
 * --group G           (markwatch-scoring)         --conf DIR    (./conf)
 * --dead-letter-topic T (markwatch.dead-letters)  --parallelism N (2)
 * --checkpoint-ms N   (5000)                      --shop-evidence true|false (true)
 * database: MARKWATCH_DB_URL / MARKWATCH_DB_USER / MARKWATCH_DB_PASSWORD (required: a server)
 * </pre>
 */
public final class ScoringJobMain {
  private ScoringJobMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = parse(args);
    String url = System.getenv(DatabaseSettings.ENV_URL);
    if (url == null || url.isBlank()) {
      fail(
          "set "
              + DatabaseSettings.ENV_URL
              + " (e.g. jdbc:postgresql://127.0.0.1:5432/markwatch): the TaskManagers"
              + " write into that database");
    }
    if (!opts.containsKey("kafka")) {
      fail("--kafka HOST:PORT is required");
    }
    KafkaInput input =
        new KafkaInput(
            opts.get("kafka"),
            opts.getOrDefault("topic", KafkaInput.DEFAULT_TOPIC),
            opts.getOrDefault("group", KafkaInput.DEFAULT_GROUP),
            false);
    ScoringJob job =
        ScoringJob.builder()
            .kafka(input)
            .deadLetterTopic(opts.getOrDefault("dead-letter-topic", "markwatch.dead-letters"))
            .database(DatabaseSettings.fromEnvironment(System.getenv(), Path.of("unused")))
            .confDir(Path.of(opts.getOrDefault("conf", "conf")))
            .parallelism(Integer.parseInt(opts.getOrDefault("parallelism", "2")))
            .checkpointInterval(
                java.time.Duration.ofMillis(
                    Long.parseLong(opts.getOrDefault("checkpoint-ms", "5000"))))
            .shopEvidence(Boolean.parseBoolean(opts.getOrDefault("shop-evidence", "true")))
            .build();
    job.prepare();
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.getExecutionEnvironment(job.jobConfig());
    env.setParallelism(job.parallelism());
    job.build(env);
    env.executeAsync("markwatch scoring (kafka " + input.topic() + ")");
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        fail("expected --name value pairs, got '" + args[i] + "'");
      }
      out.put(args[i].substring(2), args[++i]);
    }
    return out;
  }

  private static void fail(String message) {
    System.err.println("markwatch scoring job: " + message);
    System.exit(2);
  }
}
