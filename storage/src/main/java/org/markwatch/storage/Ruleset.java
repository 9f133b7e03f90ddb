package org.markwatch.storage;

import java.time.Instant;

/**
 * A ruleset as registered: {@code version} is the content hash of the rule files. Only a published
 * ruleset gives current verdicts; {@code publishSeq} orders publications (highest = newest) and is
 * null for a draft.
 */
public record Ruleset(
    String version,
    String author,
    Instant createdAt,
    Status status,
    Instant publishedAt,
    Long publishSeq,
    String note) {

  public enum Status {
    DRAFT,
    PUBLISHED;

    public String sql() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Status of(String sql) {
      return valueOf(sql.toUpperCase(java.util.Locale.ROOT));
    }
  }
}
