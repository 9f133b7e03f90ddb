package org.markwatch.crawler.documents;

/**
 * What a document gave, or why it gave nothing.
 *
 * @param status {@link Status#OK}, or why there is no text
 * @param contentType the type Tika detected (e.g. {@code application/pdf}), null when unknown
 * @param text plain text (whitespace runs collapsed), at most {@link DocumentLimits#maxTextChars};
 *     null unless OK
 * @param language BCP 47 language of the text (e.g. {@code vi}), null when too short or uncertain
 * @param truncated whether text or embedded files were cut at a limit
 * @param embedded embedded files read (zip entries, attachments)
 * @param reason one line for anything but OK, else null
 */
public record ParsedDocument(
    Status status,
    String contentType,
    String text,
    String language,
    boolean truncated,
    int embedded,
    String reason) {

  /** The outcome of a parse. */
  public enum Status {
    OK,
    /** Refused by a limit: too large, a zip bomb, archives nested too deep. */
    REFUSED,
    /** Not finished within the time limit. */
    TIMEOUT,
    /** Tika could not read it (corrupt, encrypted, unknown type). */
    FAILED;

    /** Lower-case name, as written into the listing's evidence. */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  static ParsedDocument failed(Status status, String contentType, String reason) {
    return new ParsedDocument(status, contentType, null, null, false, 0, reason);
  }
}
