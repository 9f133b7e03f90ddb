package org.markwatch.storage.feed;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;
import org.markwatch.storage.Transactions;
import org.markwatch.storage.cases.CaseRecord;
import org.markwatch.storage.cases.CaseStore;
import org.markwatch.storage.cases.Violator;
import org.markwatch.storage.jurisdiction.Jurisdiction;

/**
 * Incremental, keyset-paged reads for the agencies' API. Violators and cases are ordered by the
 * audit seq of their last change (so a client that keeps the cursor sees every later change once
 * more, never a row twice within one pass); listings by (observed_at, id), so a re-observed listing
 * comes round again. Cursors are opaque to clients (base64url of the key). Every read takes the
 * client's jurisdiction: a provincial client sees its province only.
 */
public final class ApiFeed {
  public static final int MAX_LIMIT = 500;

  private final DataSource dataSource;

  public ApiFeed(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public FeedPage<Violator> violators(Jurisdiction who, String cursor, int limit) {
    long after = seqCursor(cursor);
    int n = clamp(limit);
    Jurisdiction.Condition j = who.condition("province_code", "confirmed_by");
    return Transactions.run(
        dataSource,
        "read violators",
        c -> {
          List<Violator> out = new ArrayList<>();
          long last = after;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT seller_id, decision_ref, legal_basis, case_id, seller_name, province_code,"
                      + " confirmed_by, confirmed_at, published, published_at, appeal_filed_at,"
                      + " appeal_decided_at, removal_due_at, removed_at, origin, audit_seq FROM violators"
                      + " WHERE audit_seq > ? AND "
                      + j.sql()
                      + " ORDER BY audit_seq FETCH FIRST ? ROWS ONLY")) {
            int i = bind(ps, after, j);
            ps.setInt(i, n + 1);
            boolean more = false;
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                if (out.size() == n) {
                  more = true;
                  break;
                }
                out.add(CaseStore.violator(rs));
                last = rs.getLong(16);
              }
            }
            return new FeedPage<>(out, encode(Long.toString(last)), more);
          }
        });
  }

  public FeedPage<CaseRecord> cases(Jurisdiction who, String cursor, int limit) {
    long after = seqCursor(cursor);
    int n = clamp(limit);
    Jurisdiction.Condition j = who.condition("province_code", "created_by");
    return Transactions.run(
        dataSource,
        "read cases",
        c -> {
          List<String> ids = new ArrayList<>();
          long last = after;
          boolean more = false;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, audit_seq FROM cases WHERE audit_seq > ? AND "
                      + j.sql()
                      + " ORDER BY audit_seq FETCH FIRST ? ROWS ONLY")) {
            int i = bind(ps, after, j);
            ps.setInt(i, n + 1);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                if (ids.size() == n) {
                  more = true;
                  break;
                }
                ids.add(rs.getString(1));
                last = rs.getLong(2);
              }
            }
          }
          List<CaseRecord> out = new ArrayList<>();
          for (String id : ids) {
            CaseStore.read(c, id).ifPresent(out::add);
          }
          return new FeedPage<>(out, encode(Long.toString(last)), more);
        });
  }

  public FeedPage<ListingSummary> listings(Jurisdiction who, String cursor, int limit) {
    String[] key = listingCursor(cursor);
    int n = clamp(limit);
    // An API client is never an assignee, so only the province half of the condition applies.
    Jurisdiction.Condition j = who.condition("s.province_code", "CAST(NULL AS VARCHAR(100))");
    return Transactions.run(
        dataSource,
        "read listings",
        c -> {
          List<ListingSummary> out = new ArrayList<>();
          boolean more = false;
          String[] last = key;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT l.id, l.platform, l.url, l.title, l.price_amount, l.price_currency,"
                      + " l.seller_id, s.name, s.province_code, l.observed_at, v.score, v.flagged,"
                      + " v.violations, r.state FROM listings l"
                      + " LEFT JOIN sellers s ON s.id = l.seller_id"
                      + " LEFT JOIN verdicts v ON v.listing_id = l.id"
                      + " LEFT JOIN reviews r ON r.listing_id = l.id"
                      + " WHERE (l.observed_at > ? OR (l.observed_at = ? AND l.id > ?)) AND "
                      + j.sql()
                      + " ORDER BY l.observed_at, l.id FETCH FIRST ? ROWS ONLY")) {
            Instant at = Instant.parse(key[0]);
            ps.setObject(1, Transactions.at(at));
            ps.setObject(2, Transactions.at(at));
            ps.setString(3, key[1]);
            int i = 4;
            for (Object p : j.params()) {
              ps.setObject(i++, p);
            }
            ps.setInt(i, n + 1);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                if (out.size() == n) {
                  more = true;
                  break;
                }
                String violations = rs.getString(13);
                Instant observed = Transactions.instant(rs, 10);
                out.add(
                    new ListingSummary(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBigDecimal(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        observed,
                        rs.getObject(11) == null ? null : rs.getDouble(11),
                        rs.getObject(12) == null ? null : rs.getBoolean(12),
                        violations == null || violations.isBlank()
                            ? List.of()
                            : Arrays.asList(violations.split(",")),
                        rs.getString(14)));
                last = new String[] {observed.toString(), rs.getString(1)};
              }
            }
          }
          return new FeedPage<>(out, encode(last[0] + "|" + last[1]), more);
        });
  }

  private static int bind(PreparedStatement ps, long after, Jurisdiction.Condition j)
      throws SQLException {
    ps.setLong(1, after);
    int i = 2;
    for (Object p : j.params()) {
      ps.setObject(i++, p);
    }
    return i;
  }

  private static int clamp(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit: expected 1 to " + MAX_LIMIT + ", not " + limit);
    }
    return limit;
  }

  static long seqCursor(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return 0;
    }
    try {
      long v = Long.parseLong(decode(cursor));
      if (v < 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("since: not a cursor this API gave out");
    }
  }

  static String[] listingCursor(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return new String[] {Instant.EPOCH.toString(), ""};
    }
    String v = decode(cursor);
    int bar = v.indexOf('|');
    try {
      if (bar < 0) {
        throw new IllegalArgumentException();
      }
      Instant.parse(v.substring(0, bar));
      return new String[] {v.substring(0, bar), v.substring(bar + 1)};
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("since: not a cursor this API gave out");
    }
  }

  private static String encode(String key) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String cursor) {
    try {
      return new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("since: not a cursor this API gave out");
    }
  }
}
