package org.markwatch.storage.sharing;

/**
 * The sharing format between agencies, {@code markwatch.share/1}: JSON lines, one record per line
 * (type violator, case or decision), closed by an {@code end} line carrying the cursor and the
 * record count, so a truncated file is refused. JSON Schema:
 * storage/src/main/resources/schema/share.schema.json .
 */
public final class ShareFormat {
  public static final String SCHEMA = "markwatch.share/1";
  public static final String VIOLATOR = "violator";
  public static final String CASE = "case";
  public static final String DECISION = "decision";
  public static final String END = "end";

  private ShareFormat() {}

  public enum Format {
    JSONL,
    CSV
  }
}
