package org.markwatch.pipeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a bounded Kafka run (read what is there, then stop) stops, and its commit at the end.
 *
 * <p>The Kafka source commits offsets only when a checkpoint completes; a partition whose last
 * record is read after the last checkpoint of a short run is never committed, and the next run
 * would read it again. So a bounded run fixes its stopping offsets before it starts and, once the
 * job has finished successfully (everything up to them stored), commits exactly those offsets.
 */
final class BoundedKafkaOffsets {
  private static final long TIMEOUT_SECONDS = 30;

  private BoundedKafkaOffsets() {}

  /** The end offset of every partition of the input's topic, now. */
  static Map<TopicPartition, Long> endOffsets(KafkaInput input) {
    try (Admin admin = admin(input)) {
      List<TopicPartition> partitions =
          admin
              .describeTopics(List.of(input.topic()))
              .allTopicNames()
              .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
              .get(input.topic())
              .partitions()
              .stream()
              .map(p -> new TopicPartition(input.topic(), p.partition()))
              .toList();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
      Map<TopicPartition, Long> ends = new HashMap<>();
      admin
          .listOffsets(latest)
          .all()
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
          .forEach((p, info) -> ends.put(p, info.offset()));
      return ends;
    } catch (ExecutionException | TimeoutException e) {
      throw new JobFailedException(
          "cannot read the end offsets of Kafka topic "
              + input.topic()
              + " at "
              + input.bootstrapServers()
              + ": "
              + e.getMessage()
              + "; check that the broker is up",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JobFailedException(
          "interrupted while reading the end offsets of " + input.topic(), e);
    }
  }

  /** Commits {@code offsets} for the input's consumer group (the job has read up to them). */
  static void commit(KafkaInput input, Map<TopicPartition, Long> offsets) {
    Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
    offsets.forEach((p, o) -> commits.put(p, new OffsetAndMetadata(o)));
    try (Admin admin = admin(input)) {
      admin
          .alterConsumerGroupOffsets(input.groupId(), commits)
          .all()
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new JobFailedException(
          "the run stored everything, but committing the offsets of group "
              + input.groupId()
              + " failed ("
              + e.getMessage()
              + "); the next run will read some messages again,"
              + " which is harmless",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JobFailedException(
          "interrupted while committing the offsets of " + input.groupId(), e);
    }
  }

  private static Admin admin(KafkaInput input) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, input.bootstrapServers());
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, "markwatch-" + input.groupId() + "-offsets");
    p.put(
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
        (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
    return Admin.create(p);
  }
}
