package org.markwatch.pipeline;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns a Kafka message into the same {@link SpoolLine} a spool file's line becomes, so both
 * sources feed one job graph: {@code file} is {@code kafka:<topic>/<partition>}, {@code line} the
 * offset, {@code sourceMillis} the message's timestamp. A value that is too long or not UTF-8 keeps
 * its prefix and a problem, and becomes a dead letter downstream; an empty one (a tombstone) is
 * skipped, as a blank spool line is.
 */
final class KafkaLineDeserializer implements KafkaRecordDeserializationSchema<SpoolLine> {
  private final int maxBytes;

  KafkaLineDeserializer(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<SpoolLine> out) {
    byte[] value = record.value();
    if (value == null || value.length == 0) {
      return;
    }
    String origin = KafkaInput.origin(record.topic(), record.partition());
    long millis = Math.max(0, record.timestamp());
    if (value.length > maxBytes) {
      out.collect(
          new SpoolLine(
              origin,
              record.offset(),
              prefix(value),
              "message longer than " + maxBytes + " bytes (" + value.length + ")",
              millis));
      return;
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(value))
              .toString();
    } catch (CharacterCodingException e) {
      out.collect(new SpoolLine(origin, record.offset(), prefix(value), "not valid UTF-8", millis));
      return;
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (!text.isBlank()) {
      out.collect(new SpoolLine(origin, record.offset(), text.strip(), null, millis));
    }
  }

  private static String prefix(byte[] bytes) {
    int n = Math.min(bytes.length, DeadLetter.MAX_RAW_CHARS);
    return new String(bytes, 0, n, StandardCharsets.UTF_8);
  }

  @Override
  public TypeInformation<SpoolLine> getProducedType() {
    return TypeInformation.of(SpoolLine.class);
  }
}
