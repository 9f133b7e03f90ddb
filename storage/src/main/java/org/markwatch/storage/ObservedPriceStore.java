package org.markwatch.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Observed market prices kept in the database (table {@code observed_prices}, migration V77): what
 * {@code markwatch prices observe --store} computed last, read by a running scoring job at each
 * database refresh. One computation replaces the whole table in one transaction, so a reader sees
 * either the old figures or the new ones.
 */
public final class ObservedPriceStore {
  private final DataSource dataSource;

  public ObservedPriceStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * One stored figure.
   *
   * @param line a product line's name, empty for every line of the brand
   */
  public record Price(
      String brand,
      String line,
      String type,
      long median,
      long mad,
      int samples,
      Instant computedAt) {
    public Price {
      Objects.requireNonNull(brand, "brand");
      Objects.requireNonNull(type, "type");
      line = line == null ? "" : line;
    }
  }

  /** Replaces every stored figure with these (computed at {@code computedAt}). */
  public void replaceAll(List<ObservedPriceQuery.Group> groups, Instant computedAt) {
    List<Price> prices = new ArrayList<>();
    for (ObservedPriceQuery.Group g : groups) {
      prices.add(
          new Price(g.brand(), g.line(), g.type(), g.median(), g.mad(), g.samples(), computedAt));
    }
    replace(prices);
  }

  /** Replaces every stored figure with {@code prices}. */
  public void replace(List<Price> prices) {
    Transactions.run(
        dataSource,
        "store observed prices",
        c -> {
          try (PreparedStatement del = c.prepareStatement("DELETE FROM observed_prices")) {
            del.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO observed_prices (brand_id, product_line, product_type, median_vnd,"
                      + " mad_vnd, samples, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Price p : prices) {
              ps.setString(1, p.brand());
              ps.setString(2, p.line());
              ps.setString(3, p.type());
              ps.setLong(4, p.median());
              ps.setLong(5, p.mad());
              ps.setInt(6, p.samples());
              ps.setObject(7, Transactions.at(p.computedAt()));
              ps.addBatch();
            }
            if (!prices.isEmpty()) {
              ps.executeBatch();
            }
          }
          return null;
        });
  }

  /** Every stored figure, by brand, line and type. */
  public List<Price> all() {
    return Transactions.run(
        dataSource,
        "read observed prices",
        c -> {
          List<Price> out = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT brand_id, product_line, product_type, median_vnd, mad_vnd, samples,"
                          + " computed_at FROM observed_prices"
                          + " ORDER BY brand_id, product_line, product_type");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(
                  new Price(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getLong(4),
                      rs.getLong(5),
                      rs.getInt(6),
                      rs.getObject(7, OffsetDateTime.class).toInstant()));
            }
          }
          return out;
        });
  }
}
