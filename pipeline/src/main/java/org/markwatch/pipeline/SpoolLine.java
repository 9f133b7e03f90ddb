package org.markwatch.pipeline;

/**
 * One input record as read, before decoding: a line of a spool file or a Kafka message. Only
 * strings and primitives, so Flink serialises it as a POJO without Kryo.
 *
 * @param file the spool file's path, or {@code kafka:<topic>/<partition>}
 * @param line 1-based line number in that file, or the message's offset
 * @param text the line without its line break (for an unreadable line, what could be kept of it)
 * @param problem why the line cannot be decoded (too long, not UTF-8), or null when it is readable
 * @param sourceMillis when the record entered the system (a Kafka message's timestamp), in epoch
 *     ms, or 0 when unknown (spool files); the store measures latency from it
 */
public record SpoolLine(String file, long line, String text, String problem, long sourceMillis) {
  /** A spool-file line, whose time of arrival is not known. */
  public SpoolLine(String file, long line, String text, String problem) {
    this(file, line, text, problem, 0L);
  }
}
