package org.markwatch.pipeline;

import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A dead letter as a Kafka message: the same JSON line as in the dead-letter file, keyed by its
 * origin ({@code file:line}) so a replayed letter lands next to its first copy.
 */
final class DeadLetterTopicSchema implements KafkaRecordSerializationSchema<DeadLetter> {
  private final String topic;

  DeadLetterTopicSchema(String topic) {
    this.topic = topic;
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(
      DeadLetter letter, KafkaSinkContext context, Long timestamp) {
    return new ProducerRecord<>(
        topic,
        (letter.file() + ":" + letter.line()).getBytes(StandardCharsets.UTF_8),
        letter.toJson().getBytes(StandardCharsets.UTF_8));
  }
}
