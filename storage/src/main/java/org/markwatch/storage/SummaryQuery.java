package org.markwatch.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Computes a {@link Summary} in one read-only pass of five aggregate queries. */
public final class SummaryQuery {
  /** Default number of sellers in {@link Summary#topFlaggedSellers()}. */
  public static final int DEFAULT_TOP_SELLERS = 10;

  private final DataSource dataSource;

  public SummaryQuery(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Summary summary() {
    return summary(DEFAULT_TOP_SELLERS);
  }

  /**
   * @param topSellers how many sellers to list, at least 0
   */
  public Summary summary(int topSellers) {
    if (topSellers < 0) {
      throw new IllegalArgumentException("topSellers must be >= 0, got " + topSellers);
    }
    try (Connection c = dataSource.getConnection()) {
      long listings = count(c, "SELECT COUNT(*) FROM listings");
      long flagged = count(c, "SELECT COUNT(*) FROM verdicts WHERE flagged");
      List<Summary.KeyCount> byViolation = new ArrayList<>();
      try (PreparedStatement ps =
              c.prepareStatement(
                  """
              SELECT vv.violation, COUNT(*) AS n
              FROM verdict_violations vv JOIN verdicts v ON v.listing_id = vv.listing_id
              WHERE v.flagged
              GROUP BY vv.violation ORDER BY n DESC, vv.violation""");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byViolation.add(new Summary.KeyCount(rs.getString(1), rs.getLong(2)));
        }
      }
      List<Summary.SellerCount> sellers = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              """
              SELECT l.seller_id, s.name, s.platform,
                     SUM(CASE WHEN v.flagged THEN 1 ELSE 0 END) AS flagged, COUNT(*) AS listings
              FROM listings l
              LEFT JOIN verdicts v ON v.listing_id = l.id
              LEFT JOIN sellers s ON s.id = l.seller_id
              WHERE l.seller_id IS NOT NULL
              GROUP BY l.seller_id, s.name, s.platform
              HAVING SUM(CASE WHEN v.flagged THEN 1 ELSE 0 END) > 0
              ORDER BY flagged DESC, l.seller_id
              LIMIT ?""")) {
        ps.setInt(1, topSellers);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            sellers.add(
                new Summary.SellerCount(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getLong(4),
                    rs.getLong(5)));
          }
        }
      }
      List<Summary.PlatformCount> platforms = new ArrayList<>();
      try (PreparedStatement ps =
              c.prepareStatement(
                  """
              SELECT l.platform, COUNT(*) AS listings, SUM(CASE WHEN v.flagged THEN 1 ELSE 0 END) AS flagged
              FROM listings l LEFT JOIN verdicts v ON v.listing_id = l.id
              GROUP BY l.platform ORDER BY listings DESC, l.platform""");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          platforms.add(new Summary.PlatformCount(rs.getString(1), rs.getLong(2), rs.getLong(3)));
        }
      }
      return new Summary(listings, flagged, byViolation, sellers, platforms);
    } catch (SQLException e) {
      throw new StorageException("cannot compute the summary: " + ListingStore.describe(e), e);
    }
  }

  /**
   * What the analysts' queue shows beside its pages: flagged listings per violation and the
   * platforms, most listings first.
   */
  public record QueueFacets(List<Summary.KeyCount> flaggedByViolation, List<String> platforms) {
    public QueueFacets {
      flaggedByViolation = List.copyOf(flaggedByViolation);
      platforms = List.copyOf(platforms);
    }
  }

  /**
   * The queue's facets without {@link #summary}'s joins of listings and verdicts: the violations
   * are counted over V74's flagged copies (an index-only count on PostgreSQL) and the platforms
   * over {@code listings_platform}, so refreshing them at a million listings costs a fraction of a
   * second instead of seconds of CPU every minute.
   */
  public QueueFacets queueFacets() {
    try (Connection c = dataSource.getConnection()) {
      List<Summary.KeyCount> byViolation = new ArrayList<>();
      try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT violation, COUNT(*) AS n FROM verdict_violations WHERE flagged"
                      + " GROUP BY violation ORDER BY n DESC, violation");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byViolation.add(new Summary.KeyCount(rs.getString(1), rs.getLong(2)));
        }
      }
      List<String> platforms = new ArrayList<>();
      try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT platform, COUNT(*) AS n FROM listings GROUP BY platform"
                      + " ORDER BY n DESC, platform");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          platforms.add(rs.getString(1));
        }
      }
      return new QueueFacets(byViolation, platforms);
    } catch (SQLException e) {
      throw new StorageException("cannot count the queue: " + ListingStore.describe(e), e);
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
