package org.markwatch.crawler.sink;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Listing;

/**
 * Listings to a Kafka topic ({@value #DEFAULT_TOPIC} by default), keyed by listing id so every
 * observation of a listing lands in one partition, in order. The producer is idempotent with {@code
 * acks=all}: a retried send never duplicates and a record counts as written only when all in-sync
 * replicas have it.
 *
 * <p>When Kafka is down, records wait in the producer's bounded buffer ({@code bufferBytes}) and
 * are retried until {@code deliveryTimeout}; a full buffer blocks the crawl for up to {@code
 * blockTimeout}. A record that still cannot be delivered is never dropped: it goes to the {@code
 * fallback} sink (a spool directory) and the run fails loudly: {@link #write} throws from the first
 * failure on, and {@link #close} throws after flushing, naming how many records went to the
 * fallback and where.
 */
public final class KafkaSink implements Sink {
  public static final String DEFAULT_TOPIC = "markwatch.listings";

  /**
   * Connection and limits.
   *
   * @param bootstrapServers {@code host:port[,host:port]}
   * @param bufferBytes records waiting for the broker, bytes (the bounded buffer)
   * @param deliveryTimeout how long one record is retried before it counts as failed
   * @param blockTimeout how long {@link #write} waits for room in a full buffer or for metadata
   */
  public record Settings(
      String bootstrapServers,
      String topic,
      long bufferBytes,
      Duration deliveryTimeout,
      Duration blockTimeout) {
    public static Settings of(String bootstrapServers) {
      return new Settings(
          bootstrapServers, DEFAULT_TOPIC, 32L << 20, Duration.ofMinutes(2), Duration.ofMinutes(1));
    }

    Properties producerProperties() {
      Properties p = new Properties();
      p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
      p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      p.put(ProducerConfig.ACKS_CONFIG, "all");
      p.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE); // bounded by the delivery timeout
      p.put(
          ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
          5); // the idempotent maximum keeps order
      p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, bufferBytes);
      p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.toMillis());
      p.put(
          ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
          (int) Math.min(30_000, deliveryTimeout.toMillis() / 2));
      p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
      p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, blockTimeout.toMillis());
      p.put(ProducerConfig.CLIENT_ID_CONFIG, "markwatch-crawler");
      return p;
    }
  }

  private final Producer<String, byte[]> producer;
  private final String topic;
  private final Sink fallback;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicReference<Exception> firstError = new AtomicReference<>();

  /**
   * @param fallback where records Kafka did not take go (a {@link SpoolSink}); closed with this
   *     sink
   */
  public KafkaSink(Settings settings, Sink fallback) {
    this(
        new KafkaProducer<>(
            settings.producerProperties(), new StringSerializer(), new ByteArraySerializer()),
        settings.topic(),
        fallback);
  }

  KafkaSink(Producer<String, byte[]> producer, String topic, Sink fallback) {
    this.producer = producer;
    this.topic = topic;
    this.fallback = fallback;
  }

  @Override
  public void write(Listing listing) {
    failIfBroken();
    byte[] value = JsonCodec.encode(listing).getBytes(StandardCharsets.UTF_8);
    try {
      producer.send(
          new ProducerRecord<>(topic, listing.id(), value),
          (metadata, error) -> {
            if (error == null) {
              acknowledged.incrementAndGet();
            } else {
              failed.incrementAndGet();
              firstError.compareAndSet(null, error);
              fallback.write(listing);
            }
          });
      sent.incrementAndGet();
    } catch (KafkaException e) { // buffer full beyond blockTimeout, no metadata, closed producer
      failed.incrementAndGet();
      firstError.compareAndSet(null, e);
      fallback.write(listing);
      failIfBroken();
    }
  }

  private void failIfBroken() {
    Exception e = firstError.get();
    if (e != null) {
      throw new SinkException(
          "Kafka did not take "
              + failed.get()
              + " listing(s) (first: "
              + e
              + "); they are in the fallback spool, the run stops",
          e);
    }
  }

  /** Listings Kafka acknowledged (all in-sync replicas). */
  @Override
  public long written() {
    return acknowledged.get();
  }

  /** Listings sent to the fallback because Kafka did not take them. */
  public long failed() {
    return failed.get();
  }

  /**
   * Flushes (waiting for every acknowledgement or failure), closes, then throws if any record
   * failed.
   */
  @Override
  public void close() {
    try {
      producer.flush();
    } catch (KafkaException e) {
      firstError.compareAndSet(null, e);
    } finally {
      producer.close(Duration.ofSeconds(30));
      fallback.close();
    }
    // close() fails the batches it could not finish, so every sent record was acknowledged or
    // handed to the fallback by now
    failIfBroken();
  }

  /** Producer settings for logs and tests (no secrets are in them). */
  public static Map<String, Object> describe(Settings settings) {
    Map<String, Object> out = new java.util.TreeMap<>();
    settings.producerProperties().forEach((k, v) -> out.put(k.toString(), v));
    return out;
  }

  /** The run's listings could not all be delivered. */
  public static final class SinkException extends RuntimeException {
    public SinkException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
