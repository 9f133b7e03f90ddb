package org.markwatch.portal.queue;

import java.util.Locale;
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
 * @param page the page's number, for its "51–100" line; without a cursor, the page read by offset
 *     (a link from before keyset paging)
 * @param after the cursor of the last row of the previous page ({@link QueueCursor}): this page
 *     starts after it
 * @param before the cursor of the first row of the next page: this page ends before it (the
 *     "previous" link)
 */
public record QueueFilter(
    String violation,
    String platform,
    String q,
    String sort,
    String state,
    boolean mine,
    int page,
    QueueCursor after,
    QueueCursor before) {
  static final int PAGE_SIZE = 50;

  /**
   * How each sort orders the queue: a key and the listing id as tie-breaker, both in the same
   * direction, so a page boundary is one row-value comparison ({@code (key, id) < (?, ?)}) that
   * PostgreSQL answers from an index walk starting at the boundary (keyset paging, migration V73's
   * indexes) instead of reading and dropping every row before it (OFFSET). The price keys put
   * listings without a price last, as a value beyond every price a listing can hold ({@link
   * org.markwatch.storage.ListingStore} refuses |price| &gt;= 1e18).
   */
  enum Sort {
    SCORE("v.score", "v.listing_id", "vv.score", true, QueueCursor.Kind.DOUBLE),
    DATE("l.observed_at", "l.id", "vv.observed_at", true, QueueCursor.Kind.TIME),
    PRICE(
        "COALESCE(l.price_amount, 1e18)",
        "l.id",
        "COALESCE(vv.price_amount, 1e18)",
        false,
        QueueCursor.Kind.DECIMAL),
    PRICE_DESC(
        "COALESCE(l.price_amount, -1e18)",
        "l.id",
        "COALESCE(vv.price_amount, -1e18)",
        true,
        QueueCursor.Kind.DECIMAL);

    final String key;
    final String id;

    /**
     * The same key on {@code verdict_violations vv} (V74's copies, equal to the key above), which a
     * page filtered by violation walks in this order.
     */
    final String violationKey;

    final boolean descending;
    final QueueCursor.Kind kind;

    Sort(String key, String id, String violationKey, boolean descending, QueueCursor.Kind kind) {
      this.key = key;
      this.id = id;
      this.violationKey = violationKey;
      this.descending = descending;
      this.kind = kind;
    }

    String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Sort of(String name) {
      for (Sort s : values()) {
        if (s.id().equals(name)) {
          return s;
        }
      }
      return null;
    }

    /** ORDER BY over the query's tables; reversed for a page read backwards from a cursor. */
    String orderBy(boolean reversed) {
      return orderBy(key, id, reversed);
    }

    /** ORDER BY over a given key and id column that hold this sort's values. */
    String orderBy(String keyColumn, String idColumn, boolean reversed) {
      String dir = descending != reversed ? " DESC" : " ASC";
      return keyColumn + dir + ", " + idColumn + dir;
    }

    /** The same order over the result's columns (the search's UNION of two halves). */
    String outerOrderBy(boolean reversed) {
      return orderBy("sort_key", "id", reversed);
    }

    /** Rows after the cursor in this order (reversed: before it). */
    String keyset(boolean reversed) {
      return keyset(key, id, reversed);
    }

    /** Rows after the cursor in this order, over a given key and id column. */
    String keyset(String keyColumn, String idColumn, boolean reversed) {
      return "("
          + keyColumn
          + ", "
          + idColumn
          + ")"
          + (descending != reversed ? " < " : " > ")
          + "(?, ?)";
    }
  }

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
    if (Sort.of(sort) == null) {
      throw new IllegalArgumentException(
          "unknown sort '" + sort + "' (score, date, price, price_desc)");
    }
    state = state == null || state.isBlank() ? "open" : state.trim();
    if (!STATES.contains(state)) {
      throw new IllegalArgumentException(
          "unknown review state '" + state + "' (" + String.join(", ", STATES) + ")");
    }
    page = Math.max(page, 0);
    if (after != null && before != null) {
      throw new IllegalArgumentException("a page is read after a cursor or before one, not both");
    }
    for (QueueCursor c : new QueueCursor[] {after, before}) {
      if (c != null && !c.sort().equals(sort)) {
        throw new IllegalArgumentException(
            "the page cursor is of the sort '" + c.sort() + "', not '" + sort + "'");
      }
    }
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
      Integer page,
      String after,
      String before) {
    return new QueueFilter(
        violation,
        platform,
        q,
        sort,
        state,
        mine,
        page == null ? 0 : page,
        QueueCursor.parse(after),
        QueueCursor.parse(before));
  }

  /** The first page of a filter (the export's: it streams from the top). */
  static QueueFilter of(
      String violation, String platform, String q, String sort, String state, boolean mine) {
    return new QueueFilter(violation, platform, q, sort, state, mine, 0, null, null);
  }

  Sort order() {
    return Sort.of(sort);
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

  private static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
