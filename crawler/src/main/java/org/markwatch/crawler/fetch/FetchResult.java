package org.markwatch.crawler.fetch;

import java.util.List;
import java.util.Map;
import org.markwatch.crawler.source.FetchMode;

/**
 * The result of a fetch, failed or not: a fetch never throws for anything the network or the site
 * does.
 *
 * @param url the URL requested
 * @param finalUrl the URL of the body (differs from {@code url} after followed redirects)
 * @param mode which fetcher produced it
 * @param outcome classification; {@link FetchOutcome#OK} only for 2xx
 * @param status HTTP status, 0 when no response was received
 * @param headers response headers (lower-case names), empty when none
 * @param body the bytes as served (decompressed), at most the byte cap; null when none
 * @param truncated whether the body was cut at the byte cap
 * @param renderedHtml the DOM after JavaScript and scrolling (browser only), else null
 * @param screenshot full-page PNG (browser only), else null
 * @param redirectTo absolute redirect target for {@link FetchOutcome#REDIRECT}, else null
 * @param error human-readable reason for failures, else null
 * @param elapsedMs wall time of the fetch, milliseconds
 * @param itemShots one PNG per feed item (browser fetch with an item selector), in document order;
 *     null otherwise
 */
public record FetchResult(
    String url,
    String finalUrl,
    FetchMode mode,
    FetchOutcome outcome,
    int status,
    Map<String, List<String>> headers,
    byte[] body,
    boolean truncated,
    String renderedHtml,
    byte[] screenshot,
    String redirectTo,
    String error,
    long elapsedMs,
    List<ItemShot> itemShots) {

  /**
   * The screenshot of one item of a feed: its element crop.
   *
   * @param index the item's position among the elements the selector matched; the rendered HTML
   *     carries it as {@code data-markwatch-item="index"} on that element
   */
  public record ItemShot(int index, byte[] png) {}

  /** A result without item screenshots. */
  public FetchResult(
      String url,
      String finalUrl,
      FetchMode mode,
      FetchOutcome outcome,
      int status,
      Map<String, List<String>> headers,
      byte[] body,
      boolean truncated,
      String renderedHtml,
      byte[] screenshot,
      String redirectTo,
      String error,
      long elapsedMs) {
    this(
        url,
        finalUrl,
        mode,
        outcome,
        status,
        headers,
        body,
        truncated,
        renderedHtml,
        screenshot,
        redirectTo,
        error,
        elapsedMs,
        null);
  }

  /** A failure without a response. */
  public static FetchResult failed(
      String url, FetchMode mode, FetchOutcome outcome, String error, long elapsedMs) {
    return new FetchResult(
        url, url, mode, outcome, 0, Map.of(), null, false, null, null, null, error, elapsedMs);
  }

  public boolean ok() {
    return outcome == FetchOutcome.OK;
  }

  /** First value of a header (name in any case), or null. */
  public String header(String name) {
    List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /** 429 and 5xx are retried after a backoff; other failures are final for this run. */
  public boolean retryable() {
    return status == 429 || status >= 500;
  }

  /**
   * The page HTML as text: the rendered DOM for browser fetches, else the body decoded with the
   * Content-Type charset (UTF-8 when absent or unknown); null when there is no body.
   */
  public String html() {
    if (renderedHtml != null) return renderedHtml;
    return body == null ? null : new String(body, charset());
  }

  private java.nio.charset.Charset charset() {
    String type = header("content-type");
    if (type != null) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("(?i)charset=\"?([\\w.:-]+)").matcher(type);
      if (m.find()) {
        try {
          return java.nio.charset.Charset.forName(m.group(1));
        } catch (IllegalArgumentException e) {
          // unknown charset name: fall back to UTF-8
        }
      }
    }
    return java.nio.charset.StandardCharsets.UTF_8;
  }
}
