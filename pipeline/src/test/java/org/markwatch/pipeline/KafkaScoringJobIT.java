package org.markwatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.markwatch.model.JsonCodec;
import org.markwatch.pipeline.localkafka.LocalKafkaBroker;
import org.markwatch.storage.Database;
import org.markwatch.storage.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The job reading a real Kafka broker (in this JVM, on 127.0.0.1) into the real PostgreSQL server:
 * every valid message is stored, the broken ones become dead letters (file and topic) naming
 * partition and offset, the consumer group's offsets are committed, and a second run resumes where
 * the first stopped.
 */
class KafkaScoringJobIT {
  static final String TOPIC = "markwatch.listings";
  static final String DEAD_TOPIC = "markwatch.dead-letters";
  static LocalKafkaBroker kafka;

  @TempDir Path dir;

  @BeforeAll
  static void startBroker() throws Exception {
    kafka = LocalKafkaBroker.start();
    kafka.createTopic(TOPIC, 2);
    kafka.createTopic(DEAD_TOPIC, 1);
  }

  @AfterAll
  static void stopBroker() {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  @Timeout(240)
  void storesEveryValidMessageDeadLettersTheRestCommitsOffsetsAndResumes() throws Exception {
    List<String> dev =
        Files.readAllLines(ScoringJobTest.DEV_LISTINGS).stream().filter(l -> !l.isBlank()).toList();
    kafka.send(TOPIC, dev);
    kafka.sendBytes(
        TOPIC,
        List.of(
            "{\"schema\": \"markwatch.listing/1\", \"id\": ".getBytes(StandardCharsets.UTF_8),
            new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}));

    try (TestDatabase db = TestDatabase.create(TestDatabase.Backend.POSTGRES)) {
      KafkaInput input = new KafkaInput(kafka.bootstrapServers(), TOPIC, "it-group", true);
      ScoringJob job =
          ScoringJob.builder()
              .kafka(input)
              .deadLetterFile(dir.resolve("dead.jsonl"))
              .deadLetterTopic(DEAD_TOPIC)
              .database(db.settings())
              .detectorConfig(ScoringJobTest.detectorConfig())
              .checkpointInterval(java.time.Duration.ofMillis(500))
              .build();

      JobReport first = job.run();
      assertThat(first.read()).isEqualTo(dev.size() + 2);
      assertThat(first.valid()).isEqualTo(dev.size());
      assertThat(first.invalid()).isEqualTo(2);
      assertThat(first.stored()).isEqualTo(dev.size());
      assertThat(first.flagged()).isBetween(1L, dev.size() - 1L);
      assertThat(first.latencyMillis()).isNotEmpty();
      assertThat(first.latencyPercentile(0.5)).isGreaterThanOrEqualTo(0);
      assertThat(count(db, "SELECT COUNT(*) FROM listings")).isEqualTo(dev.size());
      assertThat(count(db, "SELECT COUNT(*) FROM verdicts")).isEqualTo(dev.size());

      List<JsonNode> letters =
          Files.readAllLines(job.deadLetterFile()).stream()
              .map(l -> JsonCodec.mapper().readTree(l))
              .toList();
      assertThat(letters).hasSize(2);
      assertThat(letters)
          .allSatisfy(l -> assertThat(l.get("file").asString()).startsWith("kafka:" + TOPIC + "/"));
      assertThat(letters)
          .extracting(l -> l.get("stage").asString())
          .containsExactlyInAnyOrder("validate", "read");
      assertThat(letters)
          .filteredOn(l -> l.get("stage").asString().equals("read"))
          .extracting(l -> l.get("reason").asString())
          .containsExactly("not valid UTF-8");
      // the offset is where the message is: the 166th and 167th messages, round-robin over 2
      // partitions
      assertThat(letters)
          .extracting(l -> l.get("line").asLong())
          .containsExactlyInAnyOrder((long) dev.size() / 2 + dev.size() % 2, (long) dev.size() / 2);
      assertThat(kafka.readAll(DEAD_TOPIC))
          .hasSize(2)
          .allSatisfy(
              m ->
                  assertThat(JsonCodec.mapper().readTree(m).get("file").asString())
                      .startsWith("kafka:"));

      assertThat(kafka.committedOffsets("it-group", TOPIC)).isEqualTo(kafka.endOffsets(TOPIC, 2));

      // a second run reads only what came after the committed offsets
      List<String> more = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        ObjectNode l = (ObjectNode) JsonCodec.mapper().readTree(dev.get(i));
        l.put("id", l.get("id").asString() + ":again");
        more.add(JsonCodec.mapper().writeValueAsString(l));
      }
      kafka.send(TOPIC, more);
      JobReport second = job.run();
      assertThat(second.read()).isEqualTo(4);
      assertThat(second.stored()).isEqualTo(4);
      assertThat(count(db, "SELECT COUNT(*) FROM listings")).isEqualTo(dev.size() + 4);
      assertThat(Files.readAllLines(job.deadLetterFile())).isEmpty();
    }
  }

  static long count(TestDatabase db, String sql) throws Exception {
    try (Database d = Database.openWithoutMigrating(db.settings());
        Connection c = d.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
