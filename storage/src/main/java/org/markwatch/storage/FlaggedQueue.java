package org.markwatch.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The analysts' queue: flagged listings, highest score first (ties by listing id), filtered by
 * violation, platform and text, one page at a time.
 */
public final class FlaggedQueue {
  private static final String FROM =
      """
      FROM verdicts v
      JOIN listings l ON l.id = v.listing_id
      LEFT JOIN sellers s ON s.id = l.seller_id
      WHERE v.flagged
      """;

  private final DataSource dataSource;

  public FlaggedQueue(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public QueuePage page(QueueFilter filter) {
    StringBuilder where = new StringBuilder();
    List<Object> params = new ArrayList<>();
    if (filter.violation() != null) {
      where.append(
          " AND EXISTS (SELECT 1 FROM verdict_violations vv WHERE vv.listing_id = v.listing_id"
              + " AND vv.violation = ?)");
      params.add(filter.violation());
    }
    if (filter.platform() != null) {
      where.append(" AND l.platform = ?");
      params.add(filter.platform());
    }
    filter
        .textPattern()
        .ifPresent(
            p -> {
              where.append(
                  " AND (LOWER(l.title) LIKE ? ESCAPE '\\' OR LOWER(l.id) LIKE ? ESCAPE '\\'"
                      + " OR LOWER(s.name) LIKE ? ESCAPE '\\')");
              params.add(p);
              params.add(p);
              params.add(p);
            });
    String select =
        """
        SELECT l.id, l.platform, l.title, l.url, l.price_amount, l.price_currency, l.seller_id, s.name,
               v.score, v.top_violation, v.violations, v.brands, l.observed_at
        """
            + FROM
            + where
            + " ORDER BY v.score DESC, l.id LIMIT ? OFFSET ?";
    try (Connection c = dataSource.getConnection()) {
      long total;
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) " + FROM + where)) {
        bind(ps, params);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          total = rs.getLong(1);
        }
      }
      List<QueueItem> items = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(select)) {
        int next = bind(ps, params);
        ps.setInt(next, filter.limit());
        ps.setInt(next + 1, filter.offset());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            items.add(
                new QueueItem(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getBigDecimal(5),
                    Rows.trimmed(rs.getString(6)),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getDouble(9),
                    rs.getString(10),
                    Rows.split(rs.getString(11)),
                    Rows.split(rs.getString(12)),
                    rs.getObject(13, OffsetDateTime.class).toInstant()));
          }
        }
      }
      return new QueuePage(filter, total, items);
    } catch (SQLException e) {
      throw new StorageException("cannot read the flagged queue: " + ListingStore.describe(e), e);
    }
  }

  private static int bind(PreparedStatement ps, List<Object> params) throws SQLException {
    int i = 1;
    for (Object p : params) {
      ps.setObject(i++, p);
    }
    return i;
  }
}
