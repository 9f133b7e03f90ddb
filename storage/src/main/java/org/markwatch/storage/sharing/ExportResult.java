package org.markwatch.storage.sharing;

/**
 * What an export wrote.
 *
 * @param cursor give it as {@code --since} next time to get only what changed after this export
 * @param sha256 SHA-256 of the bytes written (recorded in the audit row)
 */
public record ExportResult(
    long since, long cursor, int violators, int cases, int decisions, String sha256) {
  public int records() {
    return violators + cases + decisions;
  }
}
