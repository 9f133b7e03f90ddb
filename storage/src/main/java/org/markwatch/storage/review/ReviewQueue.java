package org.markwatch.storage.review;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.markwatch.storage.Transactions;
import org.markwatch.storage.jurisdiction.Jurisdiction;

/**
 * The review queue as a user may see it: listings with a review, filtered by the user's {@link
 * Jurisdiction} (always) and the {@link ReviewFilter}, one page at a time; and the supervisor's
 * view of who has what.
 */
public final class ReviewQueue {
  private static final String FROM =
      """
      FROM reviews r
      JOIN listings l ON l.id = r.listing_id
      LEFT JOIN verdicts v ON v.listing_id = r.listing_id
      LEFT JOIN sellers s ON s.id = l.seller_id
      """;

  /** How many rows past the page the total counts before it stops ({@link ReviewPage#exact}). */
  public static final int COUNT_BEYOND = 10_000;

  private final DataSource dataSource;

  public ReviewQueue(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public ReviewPage page(Jurisdiction who, ReviewFilter filter) {
    List<Object> params = new ArrayList<>();
    String where = where(who, filter, params);
    String select =
        """
        SELECT l.id, l.platform, l.title, l.url, l.price_amount, l.price_currency, l.seller_id, s.name,
               s.province_code, v.score, v.flagged, v.top_violation, v.violations, v.ruleset_version, l.observed_at,
               r.state, r.assignee, r.queued_at, r.due_at, r.row_version
        """
            + FROM
            + where
            + " ORDER BY "
            + filter.sort().orderBy
            + " LIMIT ? OFFSET ?";
    return Transactions.run(
        dataSource,
        "read the review queue",
        c -> {
          long total;
          long cap = (long) filter.offset() + filter.limit() + COUNT_BEYOND;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT COUNT(*) FROM (SELECT 1 " + FROM + where + " LIMIT ?) counted")) {
            ps.setLong(bind(ps, params), cap);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              total = rs.getLong(1);
            }
          }
          List<ReviewItem> items = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(select)) {
            int next = bind(ps, params);
            ps.setInt(next, filter.limit());
            ps.setInt(next + 1, filter.offset());
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                String violations = rs.getString(13);
                items.add(
                    new ReviewItem(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBigDecimal(5),
                        trimmed(rs.getString(6)),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getDouble(10),
                        rs.getBoolean(11),
                        rs.getString(12),
                        violations == null || violations.isEmpty()
                            ? List.of()
                            : Arrays.asList(violations.split(",")),
                        rs.getString(14),
                        Transactions.instant(rs, 15),
                        ReviewState.parse(rs.getString(16)),
                        rs.getString(17),
                        Transactions.instant(rs, 18),
                        Transactions.instant(rs, 19),
                        rs.getLong(20)));
              }
            }
          }
          return new ReviewPage(filter, total, total < cap, items);
        });
  }

  /**
   * Per assignee (null key: unassigned), how many of their listings are in each state the user may
   * see.
   */
  public Map<String, Map<ReviewState, Long>> workload(Jurisdiction who) {
    List<Object> params = new ArrayList<>();
    Jurisdiction.Condition j = who.condition("s.province_code", "r.assignee");
    params.addAll(j.params());
    String sql =
        "SELECT r.assignee, r.state, COUNT(*) "
            + FROM
            + " WHERE "
            + j.sql()
            + " GROUP BY r.assignee, r.state ORDER BY r.assignee, r.state";
    return Transactions.run(
        dataSource,
        "read the workload",
        c -> {
          Map<String, Map<ReviewState, Long>> out = new LinkedHashMap<>();
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                    .put(ReviewState.parse(rs.getString(2)), rs.getLong(3));
              }
            }
          }
          return out;
        });
  }

  /**
   * Per assignee (null: nobody), how many of their reviews are past their service-level due time
   * ({@link org.markwatch.storage.ServiceLevels}) at {@code now}.
   */
  public Map<String, Long> overdue(Jurisdiction who, java.time.Instant now) {
    List<Object> params = new ArrayList<>();
    Jurisdiction.Condition j = who.condition("s.province_code", "r.assignee");
    params.addAll(j.params());
    params.add(Transactions.at(now));
    String sql =
        "SELECT r.assignee, COUNT(*) "
            + FROM
            + " WHERE "
            + j.sql()
            + " AND r.due_at < ? AND r.state IN ('new', 'in_review', 'escalated', 'confirmed')"
            + " GROUP BY r.assignee";
    return Transactions.run(
        dataSource,
        "read the overdue reviews",
        c -> {
          Map<String, Long> out = new java.util.HashMap<>();
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
              }
            }
          }
          return out;
        });
  }

  private static String where(Jurisdiction who, ReviewFilter f, List<Object> params) {
    Jurisdiction.Condition j = who.condition("s.province_code", "r.assignee");
    StringBuilder w = new StringBuilder("WHERE ").append(j.sql());
    params.addAll(j.params());
    w.append(" AND r.state IN (");
    List<ReviewState> states = f.states().stream().sorted().toList();
    for (int i = 0; i < states.size(); i++) {
      w.append(i == 0 ? "?" : ", ?");
      params.add(states.get(i).sql());
    }
    w.append(")");
    if (f.flaggedOnly()) {
      w.append(" AND v.flagged");
    }
    if (f.assignee() != null) {
      if (ReviewFilter.UNASSIGNED.equals(f.assignee())) {
        w.append(" AND r.assignee IS NULL");
      } else {
        w.append(" AND r.assignee = ?");
        params.add(f.assignee());
      }
    }
    if (f.violation() != null) {
      w.append(
          " AND EXISTS (SELECT 1 FROM verdict_violations vv WHERE vv.listing_id = r.listing_id"
              + " AND vv.violation = ?)");
      params.add(f.violation());
    }
    if (f.platform() != null) {
      w.append(" AND l.platform = ?");
      params.add(f.platform());
    }
    if (f.provinceCode() != null) {
      w.append(" AND s.province_code = ?");
      params.add(f.provinceCode());
    }
    f.textPattern()
        .ifPresent(
            p -> {
              w.append(
                  " AND (LOWER(l.title) LIKE ? ESCAPE '\\' OR LOWER(l.id) LIKE ? ESCAPE '\\'"
                      + " OR LOWER(s.name) LIKE ? ESCAPE '\\' OR LOWER(s.id) LIKE ? ESCAPE '\\')");
              for (int i = 0; i < 4; i++) {
                params.add(p);
              }
            });
    return w.append('\n').toString();
  }

  private static int bind(PreparedStatement ps, List<Object> params) throws SQLException {
    int i = 1;
    for (Object p : params) {
      ps.setObject(i++, p);
    }
    return i;
  }

  private static String trimmed(String s) {
    return s == null ? null : s.strip();
  }
}
