package org.markwatch.crawler.politeness;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Exponential backoff after 429 and 5xx answers. Pure: the caller supplies attempt and clock. A
 * {@code Retry-After} header (seconds or an HTTP date) wins over the computed wait when longer;
 * both are capped.
 */
public final class Backoff {
  private Backoff() {}

  /**
   * Milliseconds to wait before retry number {@code attempt} (1 = first retry): {@code baseMs *
   * 2^(attempt-1)}, at least {@code Retry-After}, at most {@code maxMs}.
   *
   * @param retryAfter the header value or null
   * @param nowMillis epoch millis, to turn an HTTP-date Retry-After into a wait
   */
  public static long waitMillis(
      int attempt, long baseMs, long maxMs, String retryAfter, long nowMillis) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt starts at 1: " + attempt);
    }
    long exp = baseMs << Math.min(attempt - 1, 30);
    if (exp < 0 || exp > maxMs) {
      exp = maxMs;
    }
    long hinted = retryAfterMillis(retryAfter, nowMillis);
    return Math.min(maxMs, Math.max(exp, hinted));
  }

  /** Retry-After in milliseconds from now, 0 when absent or unreadable. */
  static long retryAfterMillis(String value, long nowMillis) {
    if (value == null || value.isBlank()) {
      return 0;
    }
    String v = value.trim();
    if (v.matches("\\d{1,9}")) {
      return Long.parseLong(v) * 1000;
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Math.max(0, at.toEpochMilli() - nowMillis);
    } catch (DateTimeParseException e) {
      return 0;
    }
  }
}
