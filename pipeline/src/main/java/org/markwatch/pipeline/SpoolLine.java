package org.markwatch.pipeline;

/**
 * One line of a spool file as read, before decoding. Only strings and primitives, so Flink
 * serialises it as a POJO without Kryo.
 *
 * @param file the spool file's path
 * @param line 1-based line number in that file
 * @param text the line without its line break (for an unreadable line, what could be kept of it)
 * @param problem why the line cannot be decoded (too long, not UTF-8), or null when it is readable
 */
public record SpoolLine(String file, long line, String text, String problem) {}
