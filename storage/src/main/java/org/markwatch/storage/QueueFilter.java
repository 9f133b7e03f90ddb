package org.markwatch.storage;

import java.util.Optional;

/**
 * Which page of the flagged-listing queue to read. Null filters match everything.
 *
 * @param violation a violation id ({@code counterfeit}); matches a listing with it among its
 *     violations
 * @param platform a platform id ({@code shopee})
 * @param text case-insensitive substring of the title, the listing id or the seller name
 * @param offset rows to skip, at least 0
 * @param limit rows to return, 1 to {@value #MAX_LIMIT} (default {@value #DEFAULT_LIMIT})
 */
public record QueueFilter(String violation, String platform, String text, int offset, int limit) {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;

  public QueueFilter {
    violation = blankToNull(violation);
    platform = blankToNull(platform);
    text = blankToNull(text);
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0, got " + offset);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
    }
  }

  /** The first page of the whole queue. */
  public static QueueFilter all() {
    return new QueueFilter(null, null, null, 0, DEFAULT_LIMIT);
  }

  public QueueFilter withViolation(String v) {
    return new QueueFilter(v, platform, text, 0, limit);
  }

  public QueueFilter withPlatform(String p) {
    return new QueueFilter(violation, p, text, 0, limit);
  }

  public QueueFilter withText(String t) {
    return new QueueFilter(violation, platform, t, 0, limit);
  }

  public QueueFilter page(int newOffset, int newLimit) {
    return new QueueFilter(violation, platform, text, newOffset, newLimit);
  }

  Optional<String> textPattern() {
    if (text == null) {
      return Optional.empty();
    }
    String escaped =
        text.toLowerCase(java.util.Locale.ROOT)
            .replace("\\", "\\\\")
            .replace("%", "\\%")
            .replace("_", "\\_");
    return Optional.of("%" + escaped + "%");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
