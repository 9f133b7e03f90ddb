package org.markwatch.portal.queue;

import java.util.Locale;
import java.util.Map;
import org.markwatch.model.Violation;
import org.markwatch.storage.SearchFold;

/**
 * The queue filter as the analyst's query string gives it; blank means any. Values are checked here
 * so that a crafted query string gets a clear 400 rather than an empty page. The same filter drives
 * the page and the CSV/XLSX export.
 *
 * @param q free text, matched accent-insensitively against title, listing id, seller name, seller
 *     id and (when it looks like one) seller phone
 * @param sort {@code score} (highest first), {@code date} (newest first), {@code price} (cheapest
 *     first) or {@code price_desc}
 * @param state review state: {@code open} (new, in review or escalated, the default: a decided
 *     listing leaves the queue), {@code all}, or one state ({@code confirmed}, {@code escalated},
 *     ...)
 * @param mine only listings assigned to the viewer
 */
public record QueueFilter(
    String violation,
    String platform,
    String q,
    String sort,
    String state,
    boolean mine,
    int page) {
  static final int PAGE_SIZE = 50;
  static final Map<String, String> ORDER_BY =
      Map.of(
          // ties broken by the verdict's listing id (the same value as l.id): the index on
          // verdicts (flagged, score) then yields the order with at most an incremental sort
          "score", "v.score DESC, v.listing_id",
          "date", "l.observed_at DESC, l.id",
          "price", "l.price_amount ASC NULLS LAST, l.id",
          "price_desc", "l.price_amount DESC NULLS LAST, l.id");

  public QueueFilter {
    violation = violation == null ? "" : violation.trim();
    if (!violation.isEmpty() && Violation.fromId(violation).isEmpty()) {
      throw new IllegalArgumentException("unknown violation type '" + violation + "'");
    }
    platform = platform == null ? "" : platform.trim().toLowerCase(Locale.ROOT);
    if (!platform.isEmpty() && !platform.matches("[a-z0-9][a-z0-9_.-]{0,63}")) {
      throw new IllegalArgumentException("unknown platform '" + platform + "'");
    }
    q = q == null ? "" : q.trim();
    if (q.length() > 200) {
      q = q.substring(0, 200);
    }
    sort = sort == null || sort.isBlank() ? "score" : sort.trim();
    if (!ORDER_BY.containsKey(sort)) {
      throw new IllegalArgumentException(
          "unknown sort '" + sort + "' (score, date, price, price_desc)");
    }
    state = state == null || state.isBlank() ? "open" : state.trim();
    if (!STATES.contains(state)) {
      throw new IllegalArgumentException(
          "unknown review state '" + state + "' (" + String.join(", ", STATES) + ")");
    }
    page = Math.max(page, 0);
  }

  static final java.util.List<String> STATES =
      java.util.List.of(
          "open",
          "overdue",
          "all",
          "new",
          "in_review",
          "confirmed",
          "dismissed",
          "escalated",
          "actioned");

  static QueueFilter of(
      String violation,
      String platform,
      String q,
      String sort,
      String state,
      boolean mine,
      Integer page) {
    return new QueueFilter(violation, platform, q, sort, state, mine, page == null ? 0 : page);
  }

  /** The search text folded as the search columns are, as a LIKE pattern; null for no text. */
  String foldedPattern() {
    String folded = SearchFold.fold(q);
    return folded == null || folded.isEmpty() ? null : "%" + escapeLike(folded) + "%";
  }

  /** The phone-number key of the search text when it is one, as a LIKE pattern; else null. */
  String phonePattern() {
    if (!q.matches("[+0-9 ().-]{9,}")) {
      return null;
    }
    String key = SearchFold.phoneKey(q);
    return key.isEmpty() ? null : "%" + key + "%";
  }

  String orderBy() {
    return ORDER_BY.get(sort);
  }

  /** The same order over the column names of the queue query's result (for its UNION form). */
  String outerOrderBy() {
    return ORDER_BY
        .get(sort)
        .replace("v.listing_id", "id")
        .replace("l.id", "id")
        .replace("v.", "")
        .replace("l.", "");
  }

  QueueFilter withPage(int p) {
    return new QueueFilter(violation, platform, q, sort, state, mine, p);
  }

  private static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
