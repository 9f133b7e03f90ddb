package org.markwatch.portal.listing;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/** A listing's observations, oldest first: what its price and title were, and when. */
@Component
class ObservationHistory {
  /** One observation of a listing. */
  record Observation(
      Instant observedAt, String title, BigDecimal priceAmount, String priceCurrency) {}

  private final DataSource dataSource;

  ObservationHistory(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  List<Observation> of(String listingId) {
    // every distinct observation (storage keeps one row per content hash), oldest first; capped so
    // a listing crawled every hour for years still draws quickly
    String sql =
        "SELECT observed_at, title, price_amount, price_currency FROM observations WHERE listing_id = ?"
            + " ORDER BY observed_at DESC, id LIMIT 1000";
    List<Observation> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, listingId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String cur = rs.getString(4);
          out.add(
              new Observation(
                  rs.getObject(1, OffsetDateTime.class).toInstant(),
                  rs.getString(2),
                  rs.getBigDecimal(3),
                  cur == null ? null : cur.strip()));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot read the history of " + listingId + ": " + e.getMessage(), e);
    }
    java.util.Collections.reverse(out);
    return out;
  }
}
