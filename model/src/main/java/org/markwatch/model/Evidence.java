package org.markwatch.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What the crawler kept of the page: status, fetch mode and the SHA-256 of stored blobs; where the
 * page and screenshot records lie in the run's WARC files; and the documents the listing links to
 * (text and language read by Tika). The last three are optional extensions of {@code
 * markwatch.listing/1} (its {@code evidence} object allows extra fields).
 *
 * @param warc the page's WARC record (a response, or a resource for a rendered page), or null
 * @param screenshotWarc the screenshot's WARC resource record (the post's own crop for a feed
 *     post), or null
 * @param documents documents linked from the listing, or null when none were read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evidence(
    Integer httpStatus,
    String fetchMode,
    String htmlSha256,
    String screenshotSha256,
    WarcRef warc,
    WarcRef screenshotWarc,
    List<Document> documents) {

  public Evidence(
      Integer httpStatus, String fetchMode, String htmlSha256, String screenshotSha256) {
    this(httpStatus, fetchMode, htmlSha256, screenshotSha256, null, null, null);
  }

  public Evidence {
    documents = documents == null ? null : List.copyOf(documents);
  }

  /** The same evidence with WARC references. */
  public Evidence withWarc(WarcRef page, WarcRef screenshot) {
    return new Evidence(
        httpStatus, fetchMode, htmlSha256, screenshotSha256, page, screenshot, documents);
  }

  /**
   * The same evidence without where it lies in the WARC files (page, screenshot, documents): what a
   * second crawl of an unchanged page writes elsewhere, so not part of what was observed.
   */
  public Evidence withoutWarcRefs() {
    List<Document> docs =
        documents == null
            ? null
            : documents.stream()
                .map(
                    d ->
                        new Document(
                            d.url(),
                            d.sha256(),
                            d.contentType(),
                            d.status(),
                            d.language(),
                            d.text(),
                            d.truncated(),
                            d.reason(),
                            null))
                .toList();
    return new Evidence(httpStatus, fetchMode, htmlSha256, screenshotSha256, null, null, docs);
  }

  /** The same evidence with the linked documents. */
  public Evidence withDocuments(List<Document> docs) {
    return new Evidence(
        httpStatus,
        fetchMode,
        htmlSha256,
        screenshotSha256,
        warc,
        screenshotWarc,
        docs == null || docs.isEmpty() ? null : docs);
  }

  /**
   * Where a record lies: the WARC file's name (in the run's {@code evidence/warc} folder), the byte
   * offset of its gzip member, and its {@code WARC-Block-Digest} ({@code sha256:<hex>}).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record WarcRef(String file, long offset, String digest) {}

  /**
   * A document linked from the listing.
   *
   * @param url where it was fetched
   * @param sha256 SHA-256 of the bytes fetched, null when nothing was fetched
   * @param contentType as Tika detected it
   * @param status {@code ok}, {@code refused} (a limit: too large, zip bomb, nesting), {@code
   *     timeout}, {@code failed} (unreadable), or {@code unfetched}
   * @param language BCP 47 tag of its text, when certain enough
   * @param text plain text, cut at the parser's limit
   * @param truncated whether the text (or the download) was cut
   * @param reason one line for anything but ok
   * @param warc the document's WARC response record
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Document(
      String url,
      String sha256,
      String contentType,
      String status,
      String language,
      String text,
      Boolean truncated,
      String reason,
      WarcRef warc) {}
}
