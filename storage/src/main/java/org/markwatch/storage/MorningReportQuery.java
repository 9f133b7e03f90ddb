package org.markwatch.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The figures of a morning report for one crawl run: listings newly flagged in it (flagged current
 * verdict, observed in this run and in no other) by violation, platform and province, the sellers
 * with most of them, and how many listings the run's re-visits found removed. The run's own figures
 * (sources, pages/s) come from {@link CrawlRunStore} and {@link CrawlRunDetailsStore}.
 */
public final class MorningReportQuery {
  /** A seller with newly flagged listings. */
  public record SellerCount(String sellerId, String name, String platform, long flagged) {}

  /** The run's flagged figures; maps are ordered by count, largest first. */
  public record Figures(
      long newlyFlagged,
      Map<String, Long> byViolation,
      Map<String, Long> byPlatform,
      Map<String, Long> byProvince,
      List<SellerCount> topSellers,
      long removedListings) {}

  /** "Unknown province" in the figures, for sellers whose address named none. */
  public static final String NO_PROVINCE = "-";

  private static final String NEW_FLAGGED =
      """
      FROM listings l
      JOIN verdicts v ON v.listing_id = l.id AND v.flagged
      WHERE EXISTS (SELECT 1 FROM observations o WHERE o.listing_id = l.id AND o.crawl_run_id = ?)
        AND NOT EXISTS (SELECT 1 FROM observations o2
                        WHERE o2.listing_id = l.id AND o2.crawl_run_id IS NOT NULL AND o2.crawl_run_id <> ?)
      """;

  private final DataSource dataSource;

  public MorningReportQuery(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Figures figures(String runId, int topSellers) {
    return Transactions.run(
        dataSource,
        "read the figures of crawl run " + runId,
        c -> {
          long total =
              counts(c, "SELECT 'all', COUNT(*) " + NEW_FLAGGED, runId).getOrDefault("all", 0L);
          Map<String, Long> violations =
              counts(
                  c,
                  "SELECT vv.violation, COUNT(*) AS n "
                      + NEW_FLAGGED.replace(
                          "WHERE", "JOIN verdict_violations vv ON vv.listing_id = l.id WHERE")
                      + " GROUP BY vv.violation ORDER BY n DESC, vv.violation",
                  runId);
          Map<String, Long> platforms =
              counts(
                  c,
                  "SELECT l.platform, COUNT(*) AS n "
                      + NEW_FLAGGED
                      + " GROUP BY l.platform ORDER BY n DESC, l.platform",
                  runId);
          Map<String, Long> provinces =
              counts(
                  c,
                  "SELECT COALESCE(p.name, s.province, '"
                      + NO_PROVINCE
                      + "') AS province, COUNT(*) AS n "
                      + NEW_FLAGGED.replace(
                          "WHERE",
                          "LEFT JOIN sellers s ON s.id = l.seller_id LEFT JOIN provinces p ON p.code = s.province_code WHERE")
                      + " GROUP BY COALESCE(p.name, s.province, '"
                      + NO_PROVINCE
                      + "') ORDER BY n DESC, province",
                  runId);
          List<SellerCount> sellers = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT l.seller_id, MAX(s.name), MAX(l.platform), COUNT(*) AS n "
                      + NEW_FLAGGED.replace(
                          "WHERE",
                          "LEFT JOIN sellers s ON s.id = l.seller_id WHERE l.seller_id IS NOT NULL AND")
                      + " GROUP BY l.seller_id ORDER BY n DESC, l.seller_id LIMIT ?")) {
            ps.setString(1, runId);
            ps.setString(2, runId);
            ps.setInt(3, topSellers);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                sellers.add(
                    new SellerCount(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
              }
            }
          }
          long removed;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT COUNT(*) FROM frontier_listings WHERE removed_run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              removed = rs.getLong(1);
            }
          }
          return new Figures(total, violations, platforms, provinces, sellers, removed);
        });
  }

  private static Map<String, Long> counts(Connection c, String sql, String runId)
      throws SQLException {
    Map<String, Long> out = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, runId);
      ps.setString(2, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return out;
  }
}
