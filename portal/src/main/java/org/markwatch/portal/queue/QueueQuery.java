package org.markwatch.portal.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.markwatch.portal.access.Jurisdiction;
import org.markwatch.portal.security.Viewer;
import org.springframework.stereotype.Component;

/**
 * Reads the flagged queue for one viewer: only what their jurisdiction allows, filtered, sorted,
 * one page at a time (or streamed whole for an export). The same SQL runs on H2 and PostgreSQL; the
 * search compares the folded search columns of migration V16, which PostgreSQL serves from trigram
 * indexes. No total is counted: over a million rows a count costs more than the page, so the page
 * reads one row more than it shows to know whether there is a next one. Pages follow each other by
 * keyset ({@link QueueCursor}): a page starts at the last row of the one before, so page 200 costs
 * what page 1 costs.
 */
@Component
public class QueueQuery {
  private final DataSource dataSource;

  QueueQuery(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * A page of the queue: whether another follows or precedes it, and the cursors of its last and
   * first rows for the links to them (null when the page is empty).
   */
  public record Page(
      List<QueueRow> rows,
      boolean hasNext,
      boolean hasPrevious,
      QueueCursor next,
      QueueCursor previous) {
    /** The URL token of the next page's cursor. */
    public String nextToken() {
      return next == null ? null : next.token();
    }

    /** The URL token of the previous page's cursor. */
    public String previousToken() {
      return previous == null ? null : previous.token();
    }
  }

  /**
   * One page: after (or before) the filter's cursor, by keyset; without a cursor, the first page or
   * the filter's page number by offset. Reads one row more than it shows to know whether there is a
   * next (or, backwards, a previous) page.
   */
  public Page page(Viewer viewer, QueueFilter filter) {
    QueueCursor cursor = filter.after() != null ? filter.after() : filter.before();
    boolean backwards = filter.before() != null;
    List<Read> rows = new ArrayList<>();
    read(
        viewer,
        filter,
        cursor,
        backwards,
        cursor == null ? filter.page() * QueueFilter.PAGE_SIZE : 0,
        QueueFilter.PAGE_SIZE + 1,
        rows::add);
    boolean more = rows.size() > QueueFilter.PAGE_SIZE;
    List<Read> shown = new ArrayList<>(more ? rows.subList(0, QueueFilter.PAGE_SIZE) : rows);
    if (backwards) {
      java.util.Collections.reverse(shown);
    }
    return new Page(
        shown.stream().map(Read::row).toList(),
        backwards || more,
        backwards ? more : cursor != null || filter.page() > 0,
        shown.isEmpty() ? null : shown.getLast().cursor(),
        shown.isEmpty() ? null : shown.getFirst().cursor());
  }

  /** Every row the filter matches for this viewer, at most {@code limit}, in the filter's order. */
  public int stream(Viewer viewer, QueueFilter filter, int limit, Consumer<QueueRow> sink) {
    return read(viewer, filter, null, false, 0, limit, r -> sink.accept(r.row()));
  }

  /** A row and where it stands in the order. */
  private record Read(QueueRow row, QueueCursor cursor) {}

  private static final String COLUMNS =
      """
      SELECT l.id AS id, l.platform AS platform, l.title AS title, l.price_amount AS price_amount,
             l.price_currency AS price_currency, l.seller_id AS seller_id, s.name AS seller_name,
             s.province AS province, v.score AS score, v.violations AS violations, v.brands AS brands,
             l.observed_at AS observed_at, r.state AS state, r.assignee AS assignee, r.due_at AS due_at,
             %s AS sort_key
      """;

  private static final String JOINS =
      """
      JOIN listings l ON l.id = v.listing_id
      LEFT JOIN sellers s ON s.id = l.seller_id
      LEFT JOIN reviews r ON r.listing_id = l.id
      """;

  /**
   * Where a half of the query starts its walk, and the columns that hold the sort's key and listing
   * id there (equal in value to the sort's own, so a cursor of one source is a cursor of another).
   *
   * <ul>
   *   <li>the flagged verdicts, in the sort's order (V73's indexes);
   *   <li>one violation's rows in {@code verdict_violations} (V74 keeps the sort keys beside each),
   *       for a page filtered by violation: an index walk of that violation in the sort's order,
   *       instead of walking every listing and probing each for the violation;
   *   <li>{@code queue_search} (V75, the flagged listings' folded titles and scores, narrow rows),
   *       for the title half of a search in score order: a common word is found walking it in score
   *       order (V78: from the index alone, {@code search_head}), a rare one through its trigram
   *       index, neither reading wide listing rows.
   * </ul>
   */
  private record Source(String from, String key, String id, List<Object> params) {
    static Source flagged(QueueFilter.Sort sort) {
      return new Source(
          "FROM verdicts v\n" + JOINS + "WHERE v.flagged", sort.key, sort.id, List.of());
    }

    static Source violation(QueueFilter.Sort sort, String violation) {
      return new Source(
          "FROM verdict_violations vv\nJOIN verdicts v ON v.listing_id = vv.listing_id\n"
              + JOINS
              + "WHERE vv.violation = ? AND vv.flagged AND v.flagged",
          sort.violationKey,
          "vv.listing_id",
          List.of(violation));
    }

    static Source search() {
      return new Source(
          "FROM queue_search q\nJOIN verdicts v ON v.listing_id = q.listing_id\n"
              + JOINS
              + "WHERE v.flagged",
          "q.score",
          "q.listing_id",
          List.of());
    }
  }

  /** One alternative of a half's condition: a fragment starting with AND, and its parameters. */
  private record Part(String sql, List<Object> params) {}

  private int read(
      Viewer viewer,
      QueueFilter filter,
      QueueCursor cursor,
      boolean backwards,
      int offset,
      int limit,
      Consumer<Read> sink) {
    QueueFilter.Sort sort = filter.order();
    StringBuilder where = new StringBuilder();
    List<Object> whereParams = new ArrayList<>();
    switch (filter.state()) {
      case "all" -> {}
      // a flagged listing without a review row yet is new
      case "open" ->
          where.append(" AND (r.state IS NULL OR r.state IN ('new', 'in_review', 'escalated'))");
      case "new" -> where.append(" AND (r.state IS NULL OR r.state = 'new')");
      // past its service-level due time (ServiceLevels), in a state whose clock runs
      case "overdue" -> {
        where.append(
            " AND r.due_at < ? AND r.state IN ('new', 'in_review', 'escalated', 'confirmed')");
        whereParams.add(OffsetDateTime.now(java.time.ZoneOffset.UTC));
      }
      default -> {
        where.append(" AND r.state = ?");
        whereParams.add(filter.state());
      }
    }
    if (filter.mine()) {
      where.append(" AND r.assignee = ?");
      whereParams.add(viewer.username());
    }
    if (!filter.platform().isEmpty()) {
      where.append(" AND l.platform = ?");
      whereParams.add(filter.platform());
    }
    Source main =
        filter.violation().isEmpty()
            ? Source.flagged(sort)
            : Source.violation(sort, filter.violation());
    // The halves of the query, each ordered and cut to the rows a page can need, joined by UNION:
    // a single OR across joined tables would leave PostgreSQL only a scan or a long walk, where
    // each half has an index of its own. A search is two halves (listings whose title or id
    // matches, listings whose seller's name, id or phone matches); a provincial viewer's rows are
    // two halves too (sellers of the province, by sellers_province_code; listings assigned to
    // them, by reviews_assignee): a small province is then a few index probes, not a walk of the
    // whole queue looking for its sellers.
    record Half(Source source, Part text, Part who) {}
    List<Part> who = new ArrayList<>();
    for (org.markwatch.storage.jurisdiction.Jurisdiction.Condition c :
        Jurisdiction.alternatives(viewer)) {
      who.add(new Part(c.sql().isEmpty() ? "" : " AND " + c.sql(), c.params()));
    }
    List<Half> halves = new ArrayList<>();
    String text = filter.foldedPattern();
    for (Part w : who) {
      if (text == null) {
        halves.add(new Half(main, new Part("", List.of()), w));
        continue;
      }
      if (main.from().startsWith("FROM verdicts") && sort == QueueFilter.Sort.SCORE) {
        // storage's V78: the walk reads search_head from its index alone; a row whose text was
        // too long for an index entry has none and is matched on the listing's own full text
        halves.add(
            new Half(
                Source.search(),
                new Part(
                    " AND (q.search_head LIKE ? ESCAPE '\\' OR q.search_head IS NULL)"
                        + " AND (q.search_head IS NOT NULL OR l.search_folded LIKE ? ESCAPE '\\')",
                    List.of(text, text)),
                w));
      } else {
        halves.add(
            new Half(main, new Part(" AND l.search_folded LIKE ? ESCAPE '\\'", List.of(text)), w));
      }
      String phone = filter.phonePattern();
      List<Object> sellerParams = new ArrayList<>();
      sellerParams.add(text);
      if (phone != null) {
        sellerParams.add(phone);
      }
      halves.add(
          new Half(
              main,
              new Part(
                  " AND (s.search_folded LIKE ? ESCAPE '\\'"
                      + (phone == null ? "" : " OR s.search_folded LIKE ?")
                      + ")",
                  sellerParams),
              w));
    }
    StringBuilder sql = new StringBuilder();
    List<Object> params = new ArrayList<>();
    if (halves.size() > 1) {
      sql.append("SELECT * FROM (");
    }
    for (int i = 0; i < halves.size(); i++) {
      Half h = halves.get(i);
      Source src = h.source();
      if (halves.size() > 1) {
        sql.append(i == 0 ? "(" : " UNION (");
      }
      sql.append(COLUMNS.formatted(src.key()))
          .append(src.from())
          .append(where)
          .append(h.who().sql())
          .append(h.text().sql());
      params.addAll(src.params());
      params.addAll(whereParams);
      params.addAll(h.who().params());
      params.addAll(h.text().params());
      if (cursor != null) {
        sql.append(" AND ").append(sort.keyset(src.key(), src.id(), backwards));
        params.add(cursor.key());
        params.add(cursor.id());
      }
      sql.append(" ORDER BY ").append(sort.orderBy(src.key(), src.id(), backwards));
      if (halves.size() > 1) {
        sql.append(" LIMIT ").append((long) offset + limit).append(")");
      }
    }
    if (halves.size() > 1) {
      sql.append(") u ORDER BY ").append(sort.outerOrderBy(backwards));
    }
    // literals, not parameters: a plan made without the values (below) then knows it needs 51 rows
    sql.append(" LIMIT ").append(limit).append(" OFFSET ").append(offset);
    // A page with no selective value (no search word, no platform, assignee or rare state, one
    // half) is the walk of one index from its boundary whatever the values: its plan is made once
    // per connection and kept (generic), where the connections' custom plans (app's PortalServer)
    // planned it on every request, about 1 ms of PostgreSQL's CPU per queue page on the
    // million-listing bench, as much as running it. The others stay custom: the best plan for a
    // rare platform, state or assignee is not the walk.
    boolean generic =
        text == null
            && halves.size() == 1
            && !filter.mine()
            && filter.platform().isEmpty()
            && WALKED_STATES.contains(filter.state());
    int n = 0;
    try (Connection c = dataSource.getConnection()) {
      boolean keepPlan = generic && postgres(c);
      if (keepPlan) {
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
          st.execute("SET LOCAL plan_cache_mode = force_generic_plan");
        }
      }
      n = read(c, sql.toString(), params, sort, sink);
      if (keepPlan) {
        c.commit();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the flagged queue: " + e.getMessage(), e);
    }
    return n;
  }

  /** States whose condition is SQL text, not a value: the plan is the same walk for each. */
  private static final java.util.Set<String> WALKED_STATES = java.util.Set.of("all", "open", "new");

  private volatile Boolean postgres;

  private boolean postgres(Connection c) throws SQLException {
    Boolean p = postgres;
    if (p == null) {
      p =
          c.getMetaData()
              .getDatabaseProductName()
              .toLowerCase(java.util.Locale.ROOT)
              .contains("postgres");
      postgres = p;
    }
    return p;
  }

  private static int read(
      Connection c, String sql, List<Object> params, QueueFilter.Sort sort, Consumer<Read> sink)
      throws SQLException {
    int n = 0;
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
      ps.setFetchSize(500);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          QueueRow row =
              new QueueRow(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getBigDecimal(4),
                  trimmed(rs.getString(5)),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8),
                  rs.getDouble(9),
                  split(rs.getString(10)),
                  split(rs.getString(11)),
                  rs.getObject(12, OffsetDateTime.class).toInstant(),
                  rs.getString(13) == null ? "new" : rs.getString(13),
                  rs.getString(14),
                  rs.getObject(15, OffsetDateTime.class) == null
                      ? null
                      : rs.getObject(15, OffsetDateTime.class).toInstant());
          Object key =
              switch (sort.kind) {
                case DOUBLE -> rs.getDouble(16);
                case DECIMAL -> rs.getBigDecimal(16);
                case TIME -> rs.getObject(16, OffsetDateTime.class);
              };
          sink.accept(new Read(row, new QueueCursor(sort.id(), key, row.listingId())));
          n++;
        }
      }
    }
    return n;
  }

  private static String trimmed(String s) {
    return s == null ? null : s.strip();
  }

  private static List<String> split(String csv) {
    return csv == null || csv.isBlank() ? List.of() : Arrays.asList(csv.split(","));
  }
}
