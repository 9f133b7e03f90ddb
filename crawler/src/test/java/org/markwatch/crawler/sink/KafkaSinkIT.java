package org.markwatch.crawler.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.markwatch.crawler.testing.LocalKafka;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Listing;

/**
 * {@link KafkaSink} against a real broker in this JVM on 127.0.0.1. One broker for the class (it
 * takes seconds to start); the outage test stops it, so it runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaSinkIT {
  private static LocalKafka kafka;
  @TempDir Path dir;

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = LocalKafka.start();
  }

  @AfterAll
  static void stopKafka() throws Exception {
    if (kafka != null) {
      kafka.close();
    }
  }

  private static Listing listing(int i) {
    return Listing.builder(
            "chosi:" + i, "chosi", "http://127.0.0.1/p/" + i + "/x", "2026-11-24T00:00:00Z")
        .title("Sản phẩm " + i)
        .crawlRunId("run-1")
        .build();
  }

  @Test
  @Order(1)
  void everyListingArrivesOnceKeyedByItsIdAndSameKeysShareAPartition() throws Exception {
    String topic = "listings-ok";
    KafkaSink.Settings settings =
        new KafkaSink.Settings(
            kafka.bootstrapServers(),
            topic,
            1 << 20,
            Duration.ofSeconds(30),
            Duration.ofSeconds(30));
    assertThat(KafkaSink.describe(settings))
        .containsEntry("acks", "all")
        .containsEntry("enable.idempotence", true);
    try (KafkaSink sink = new KafkaSink(settings, new SpoolSink(dir, "run-1", 100))) {
      for (int i = 0; i < 40; i++) {
        sink.write(listing(i));
      }
      sink.write(listing(7)); // a second observation of listing 7
    }
    List<ConsumerRecord<String, byte[]>> records = consume(topic, 41);
    assertThat(records).hasSize(41);
    Map<String, Integer> partitionOf = new HashMap<>();
    for (ConsumerRecord<String, byte[]> r : records) {
      Listing l = JsonCodec.decodeListing(new String(r.value(), StandardCharsets.UTF_8)).value();
      assertThat(r.key()).isEqualTo(l.id());
      Integer before = partitionOf.putIfAbsent(r.key(), r.partition());
      assertThat(before == null || before == r.partition()).isTrue();
    }
    assertThat(records.stream().map(ConsumerRecord::key).distinct()).hasSize(40);
    assertThat(spooled()).isEmpty(); // nothing needed the fallback
  }

  @Test
  @Order(2)
  void whenKafkaGoesDownTheRunFailsLoudlyAndNoListingIsLost() throws Exception {
    LocalKafka doomed = kafka;
    KafkaSink.Settings settings =
        new KafkaSink.Settings(
            doomed.bootstrapServers(),
            "listings-outage",
            1 << 20,
            Duration.ofSeconds(3),
            Duration.ofSeconds(2));
    KafkaSink sink = new KafkaSink(settings, new SpoolSink(dir, "run-2", 100));
    try {
      for (int i = 0; i < 5; i++) {
        sink.write(listing(i));
      }
      sink.close(); // all five acknowledged
      assertThat(sink.written()).isEqualTo(5);

      KafkaSink second = new KafkaSink(settings, new SpoolSink(dir, "run-3", 100));
      second.write(listing(100));
      Thread.sleep(500);
      doomed.stop();
      int[] written = {1};
      assertThatThrownBy(
              () -> {
                try {
                  for (int i = 101; i < 110; i++) {
                    second.write(listing(i));
                    written[0]++;
                  }
                } finally {
                  second.close();
                }
              })
          .isInstanceOf(KafkaSink.SinkException.class)
          .hasMessageContaining("fallback spool");
      // acknowledged + fallback = everything written before the failure surfaced
      List<String> fallback = spooled();
      long acked = second.written();
      assertThat(acked + fallback.size())
          .as("acked %d, failed %d, written %d", acked, second.failed(), written[0])
          .isEqualTo(written[0]);
      assertThat(fallback).isNotEmpty().allMatch(l -> l.contains("\"crawlRunId\":\"run-1\""));
      assertThat(second.failed()).isEqualTo(fallback.size());
    } finally {
      doomed.stop();
    }
  }

  private List<String> spooled() throws Exception {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).toList()) {
        lines.addAll(Files.readAllLines(p));
      }
    }
    return lines;
  }

  private static List<ConsumerRecord<String, byte[]>> consume(String topic, int expected) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
      // assigned, not subscribed: no consumer group to wait for
      List<org.apache.kafka.common.TopicPartition> parts =
          consumer.partitionsFor(topic).stream()
              .map(i -> new org.apache.kafka.common.TopicPartition(topic, i.partition()))
              .toList();
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (out.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
      // a short extra poll: more than expected would be duplicates
      consumer.poll(Duration.ofMillis(500)).forEach(out::add);
    }
    return out;
  }
}
