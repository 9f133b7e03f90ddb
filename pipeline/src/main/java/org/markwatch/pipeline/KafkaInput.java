package org.markwatch.pipeline;

import java.io.Serializable;
import java.util.Objects;

/**
 * Where the job reads listings from Kafka: one {@code markwatch.listing/1} JSON record per message
 * value.
 *
 * @param bootstrapServers {@code host:port[,host:port...]} of the brokers
 * @param topic the topic to read, {@value #DEFAULT_TOPIC} by default
 * @param groupId consumer group whose committed offsets say where to resume (committed when a
 *     checkpoint completes); with no committed offset the job starts at the earliest message
 * @param bounded when true the job stops at the offsets that were the latest when it started (a
 *     bounded run, as over spool files); when false it runs until stopped
 */
public record KafkaInput(String bootstrapServers, String topic, String groupId, boolean bounded)
    implements Serializable {
  public static final String DEFAULT_TOPIC = "markwatch.listings";
  public static final String DEFAULT_GROUP = "markwatch-scoring";

  public KafkaInput {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers is required");
    if (bootstrapServers.isBlank() || !bootstrapServers.contains(":")) {
      throw new IllegalArgumentException(
          "Kafka bootstrap servers must be host:port[,host:port...], got '"
              + bootstrapServers
              + "'");
    }
    if (topic == null || topic.isBlank()) {
      throw new IllegalArgumentException("Kafka topic must not be blank");
    }
    if (groupId == null || groupId.isBlank()) {
      throw new IllegalArgumentException("Kafka consumer group must not be blank");
    }
  }

  /** The default topic and consumer group, running until stopped. */
  public static KafkaInput streaming(String bootstrapServers) {
    return new KafkaInput(bootstrapServers, DEFAULT_TOPIC, DEFAULT_GROUP, false);
  }

  public KafkaInput withTopic(String t) {
    return new KafkaInput(bootstrapServers, t, groupId, bounded);
  }

  public KafkaInput withGroupId(String g) {
    return new KafkaInput(bootstrapServers, topic, g, bounded);
  }

  public KafkaInput withBounded(boolean b) {
    return new KafkaInput(bootstrapServers, topic, groupId, b);
  }

  /**
   * How a record's origin is named in dead letters: {@code kafka:<topic>/<partition>}, line =
   * offset.
   */
  static String origin(String topic, int partition) {
    return "kafka:" + topic + "/" + partition;
  }
}
