package org.markwatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class KafkaLineDeserializerTest {
  private final KafkaLineDeserializer deserializer = new KafkaLineDeserializer(1024);

  private List<SpoolLine> read(byte[] value) {
    ConsumerRecord<byte[], byte[]> r =
        new ConsumerRecord<>("markwatch.listings", 1, 42L, null, value);
    List<SpoolLine> out = new ArrayList<>();
    deserializer.deserialize(
        r,
        new Collector<>() {
          @Override
          public void collect(SpoolLine record) {
            out.add(record);
          }

          @Override
          public void close() {}
        });
    return out;
  }

  @Test
  void aMessageBecomesALineNamedByTopicPartitionAndOffset() {
    List<SpoolLine> lines = read("\uFEFF{\"id\": \"x\"}\n".getBytes(StandardCharsets.UTF_8));
    assertThat(lines)
        .containsExactly(
            new SpoolLine(
                "kafka:markwatch.listings/1",
                42,
                "{\"id\": \"x\"}",
                null,
                lines.get(0).sourceMillis()));
  }

  @Test
  void unreadableMessagesKeepAPrefixAndTheirProblem() {
    assertThat(read(new byte[] {'{', (byte) 0xC3, (byte) 0x28}))
        .singleElement()
        .satisfies(l -> assertThat(l.problem()).isEqualTo("not valid UTF-8"));
    byte[] big = "x".repeat(5000).getBytes(StandardCharsets.UTF_8);
    assertThat(read(big))
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.problem()).isEqualTo("message longer than 1024 bytes (5000)");
              assertThat(l.text()).hasSize(DeadLetter.MAX_RAW_CHARS);
            });
  }

  @Test
  void tombstonesAndBlankMessagesAreSkipped() {
    assertThat(read(null)).isEmpty();
    assertThat(read(new byte[0])).isEmpty();
    assertThat(read("  \n".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void kafkaInputNamesTheBadValue() {
    assertThatThrownBy(() -> KafkaInput.streaming("localhost"))
        .hasMessageContaining("host:port")
        .hasMessageContaining("'localhost'");
    assertThatThrownBy(() -> new KafkaInput("127.0.0.1:9092", " ", "g", false))
        .hasMessageContaining("topic");
  }
}
