package org.markwatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.executiongraph.AccessExecutionJobVertex;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.markwatch.model.JsonCodec;
import org.markwatch.pipeline.localkafka.LocalKafkaBroker;
import org.markwatch.storage.Database;
import org.markwatch.storage.TestDatabase;
import tools.jackson.databind.node.ObjectNode;

/**
 * Exactly once into the database across a TaskManager failure: the Kafka job runs on a MiniCluster
 * of two TaskManagers of one slot each (so each runs a scoring subtask), one TaskManager is
 * terminated while listings are being stored and a replacement started, the job restarts from its
 * last checkpoint, and afterwards every listing and its verdict is in PostgreSQL exactly once, none
 * missing.
 */
class FailoverIT {
  static final String TOPIC = "markwatch.listings";

  @TempDir Path dir;

  @Test
  @Timeout(300)
  void aTaskManagerLostMidStreamLosesAndDoublesNothing() throws Exception {
    List<String> dev =
        Files.readAllLines(ScoringJobTest.DEV_LISTINGS).stream().filter(l -> !l.isBlank()).toList();
    int n = 3000;
    List<String> messages = new ArrayList<>(n);
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < n; i++) {
      ObjectNode l = (ObjectNode) JsonCodec.mapper().readTree(dev.get(i % dev.size()));
      String id = l.get("id").asString() + ":f" + i;
      l.put("id", id);
      ids.add(id);
      messages.add(JsonCodec.mapper().writeValueAsString(l));
    }
    try (LocalKafkaBroker kafka = LocalKafkaBroker.start();
        TestDatabase db = TestDatabase.create(TestDatabase.Backend.POSTGRES)) {
      kafka.createTopic(TOPIC, 2);
      kafka.send(TOPIC, messages);
      ScoringJob job =
          ScoringJob.builder()
              .kafka(new KafkaInput(kafka.bootstrapServers(), TOPIC, "failover", true))
              .deadLetterFile(dir.resolve("dead.jsonl"))
              .database(db.settings())
              .detectorConfig(ScoringJobTest.detectorConfig())
              .parallelism(2)
              .batchSize(50)
              .checkpointInterval(Duration.ofMillis(500))
              .build();
      job.prepare();
      Configuration conf = job.flinkConfig();
      conf.setString("restart-strategy.fixed-delay.delay", "200 ms");
      conf.setString("heartbeat.timeout", "5000");
      MiniClusterConfiguration mc =
          new MiniClusterConfiguration.Builder()
              .setConfiguration(conf)
              .setNumTaskManagers(2)
              .setNumSlotsPerTaskManager(1)
              .build(); // one slot each: both TaskManagers run a subtask
      try (MiniCluster cluster = new MiniCluster(mc)) {
        cluster.start();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        job.build(env);
        JobID id = cluster.submitJob(env.getStreamGraph()).get(60, TimeUnit.SECONDS).getJobID();

        long storedAtKill = awaitRows(db, n / 5, Duration.ofMinutes(3));
        cluster.terminateTaskManager(0).get(60, TimeUnit.SECONDS);
        // Replacements, as an operator (or scripts/flink-cluster) would start them: two, because
        // Flink may take the surviving TaskManager down too while its task fails over ("FATAL -
        // exception in exception handler of task store", seen once in seven CI runs); the job then
        // still finds its two slots. A spare TaskManager changes nothing else.
        cluster.startTaskManager();
        cluster.startTaskManager();
        assertThat(storedAtKill).as("the TaskManager is lost mid-stream").isLessThan(n);

        JobResult result = cluster.requestJobResult(id).get(240, TimeUnit.SECONDS);
        assertThat(result.isSuccess())
            .as("job result %s", result.getSerializedThrowable())
            .isTrue();
        int maxAttempt = 0;
        for (AccessExecutionJobVertex v :
            cluster
                .getArchivedExecutionGraph(id)
                .get(30, TimeUnit.SECONDS)
                .getAllVertices()
                .values()) {
          for (AccessExecutionVertex t : v.getTaskVertices()) {
            maxAttempt = Math.max(maxAttempt, t.getCurrentExecutionAttempt().getAttemptNumber());
          }
        }
        assertThat(maxAttempt).as("the job was restarted after the loss").isGreaterThan(0);
      }
      assertThat(ids(db, "SELECT id FROM listings")).isEqualTo(ids);
      assertThat(count(db, "SELECT COUNT(*) FROM listings")).isEqualTo(n);
      assertThat(ids(db, "SELECT listing_id FROM verdicts")).isEqualTo(ids);
      assertThat(count(db, "SELECT COUNT(*) FROM verdicts")).isEqualTo(n);
      assertThat(Files.readAllLines(dir.resolve("dead.jsonl"))).isEmpty();
      // not asserted: the group's committed offsets. In a bounded run a split that finishes after
      // the
      // restart may leave its partition's commit behind (seen: 962 of 1500); the next run re-reads
      // from there and the idempotent upserts change nothing. KafkaScoringJobIT checks the commits.
    }
  }

  private static long awaitRows(TestDatabase db, long atLeast, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long rows = count(db, "SELECT COUNT(*) FROM listings");
      if (rows >= atLeast || System.nanoTime() > deadline) {
        return rows;
      }
      Thread.sleep(100);
    }
  }

  private static long count(TestDatabase db, String sql) throws Exception {
    return KafkaScoringJobIT.count(db, sql);
  }

  private static Set<String> ids(TestDatabase db, String sql) throws Exception {
    Set<String> out = new HashSet<>();
    try (Database d = Database.openWithoutMigrating(db.settings());
        Connection c = d.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
