package org.markwatch.storage.report;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.markwatch.storage.Transactions;

/**
 * Builds a {@link Report} in one pass over the listings of the period (streamed in chunks, so a
 * year of a million listings is never in memory at once) plus two small grouped queries for
 * decisions and actions. Grouping by month, province name, brand and category happens in Java: the
 * same code on H2 and PostgreSQL, no time-zone arithmetic in SQL.
 */
public final class ReportQuery {
  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  static final int TOP = 20;
  private static final Pattern CATEGORY =
      Pattern.compile("\"category\"\\s*:\\s*\\[\\s*\"((?:[^\"\\\\]|\\\\.){1,200})\"");

  private final DataSource dataSource;

  public ReportQuery(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Rows counted so far are reported to {@code progress} every 10,000 listings. */
  public Report report(LocalDate from, LocalDate to, LongConsumer progress) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException(
          "the period ends (" + to + ") before it starts (" + from + ")");
    }
    Instant start = from.atStartOfDay(ZONE).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(ZONE).toInstant();
    return Transactions.run(
        dataSource,
        "build the report " + from + " to " + to,
        c -> {
          Map<String, String> provinceNames = provinceNames(c);
          Tally platform = new Tally();
          Tally category = new Tally();
          Tally province = new Tally();
          Tally violation = new Tally();
          Tally brand = new Tally();
          Map<YearMonth, long[]> months = new TreeMap<>();
          Map<String, SellerTally> sellers = new HashMap<>();
          long listings = 0;
          long flagged = 0;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT l.observed_at, l.platform, v.flagged, v.violations, v.brands,"
                      + " s.province_code, l.seller_id, s.name,"
                      + " CASE WHEN v.flagged = TRUE THEN l.listing_json END"
                      + " FROM listings l LEFT JOIN verdicts v ON v.listing_id = l.id"
                      + " LEFT JOIN sellers s ON s.id = l.seller_id"
                      + " WHERE l.observed_at >= ? AND l.observed_at < ?")) {
            ps.setFetchSize(2000);
            ps.setObject(1, Transactions.at(start));
            ps.setObject(2, Transactions.at(end));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                listings++;
                boolean f = rs.getBoolean(3);
                if (f) {
                  flagged++;
                }
                Instant at = Transactions.instant(rs, 1);
                long[] m =
                    months.computeIfAbsent(YearMonth.from(at.atZone(ZONE)), k -> new long[2]);
                m[0]++;
                m[1] += f ? 1 : 0;
                String plat = rs.getString(2);
                platform.add(plat, plat, f);
                String prov = rs.getString(6);
                province.add(
                    prov == null ? "" : prov,
                    prov == null ? "" : provinceNames.getOrDefault(prov, prov),
                    f);
                String sellerId = rs.getString(7);
                if (sellerId != null) {
                  SellerTally s =
                      sellers.computeIfAbsent(
                          sellerId, k -> new SellerTally(plat, prov == null ? "" : prov));
                  s.name = rs.getString(8);
                  s.listings++;
                  s.flagged += f ? 1 : 0;
                }
                if (f) {
                  for (String v : split(rs.getString(4))) {
                    violation.add(v, v, true);
                  }
                  for (String b : split(rs.getString(5))) {
                    brand.add(b, b, true);
                  }
                  String json = rs.getString(9);
                  Matcher cm = json == null ? null : CATEGORY.matcher(json);
                  String cat = cm != null && cm.find() ? cm.group(1) : "";
                  category.add(cat, cat, true);
                }
                if (listings % 10_000 == 0) {
                  progress.accept(10_000);
                }
              }
            }
          }
          progress.accept(listings % 10_000);
          List<Report.Month> trend = new ArrayList<>();
          for (YearMonth ym = YearMonth.from(from);
              !ym.isAfter(YearMonth.from(to));
              ym = ym.plusMonths(1)) {
            long[] m = months.getOrDefault(ym, new long[2]);
            trend.add(new Report.Month(ym, m[0], m[1]));
          }
          List<Report.SellerRow> top =
              sellers.entrySet().stream()
                  .filter(e -> e.getValue().flagged > 0)
                  .sorted(
                      Comparator.comparingLong(
                              (Map.Entry<String, SellerTally> e) -> -e.getValue().flagged)
                          .thenComparing(Map.Entry::getKey))
                  .limit(TOP)
                  .map(
                      e ->
                          new Report.SellerRow(
                              e.getKey(),
                              e.getValue().name,
                              e.getValue().platform,
                              provinceNames.getOrDefault(
                                  e.getValue().province, e.getValue().province),
                              e.getValue().listings,
                              e.getValue().flagged))
                  .toList();
          return new Report(
              from,
              to,
              listings,
              flagged,
              platform.rows(Integer.MAX_VALUE),
              category.rows(TOP),
              province.rows(Integer.MAX_VALUE),
              violation.rows(Integer.MAX_VALUE),
              brand.rows(TOP),
              trend,
              top,
              decisions(c, start, end),
              actions(c, start, end));
        });
  }

  private static Map<String, String> provinceNames(Connection c) throws SQLException {
    Map<String, String> out = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT code, name FROM provinces");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    }
    return out;
  }

  private static List<Report.Count> decisions(Connection c, Instant start, Instant end)
      throws SQLException {
    List<Report.Count> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT to_state, COUNT(*) FROM decisions WHERE decided_at >= ? AND decided_at < ?"
                + " GROUP BY to_state ORDER BY to_state")) {
      ps.setObject(1, Transactions.at(start));
      ps.setObject(2, Transactions.at(end));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Report.Count(rs.getString(1), rs.getString(1), rs.getLong(2), rs.getLong(2)));
        }
      }
    }
    return out;
  }

  private static List<Report.ActionRow> actions(Connection c, Instant start, Instant end)
      throws SQLException {
    List<Report.ActionRow> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT kind, status, COUNT(*), SUM(amount_vnd) FROM case_actions"
                + " WHERE created_at >= ? AND created_at < ? GROUP BY kind, status ORDER BY kind, status")) {
      ps.setObject(1, Transactions.at(start));
      ps.setObject(2, Transactions.at(end));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          BigDecimal sum = rs.getBigDecimal(4);
          out.add(new Report.ActionRow(rs.getString(1), rs.getString(2), rs.getLong(3), sum));
        }
      }
    }
    return out;
  }

  static List<String> split(String s) {
    if (s == null || s.isBlank()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String p : s.split(",")) {
      if (!p.isBlank()) {
        out.add(p.strip());
      }
    }
    return out;
  }

  private static final class SellerTally {
    final String platform;
    final String province;
    String name;
    long listings;
    long flagged;

    SellerTally(String platform, String province) {
      this.platform = platform;
      this.province = province;
    }
  }

  /** Counts by key, most flagged first. */
  private static final class Tally {
    private final Map<String, long[]> counts = new HashMap<>();
    private final Map<String, String> labels = new HashMap<>();

    void add(String key, String label, boolean flagged) {
      long[] n = counts.computeIfAbsent(key, k -> new long[2]);
      n[0]++;
      n[1] += flagged ? 1 : 0;
      labels.putIfAbsent(key, label);
    }

    List<Report.Count> rows(int limit) {
      return counts.entrySet().stream()
          .sorted(
              Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[1])
                  .thenComparingLong(e -> -e.getValue()[0])
                  .thenComparing(Map.Entry::getKey))
          .limit(limit)
          .map(
              e ->
                  new Report.Count(
                      e.getKey(), labels.get(e.getKey()), e.getValue()[0], e.getValue()[1]))
          .toList();
    }
  }
}
