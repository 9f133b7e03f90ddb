package org.markwatch.storage.networks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.markwatch.storage.Transactions;

/**
 * Confirmed violators and what links other sellers to them, read from the database for the
 * pipeline's shop-level evidence ("shares phone 0912345678 with 3 confirmed violators"). A seller
 * is a confirmed violator when it is in {@code violators} (not removed) or when an analyst
 * confirmed a listing of it (its review is {@code confirmed} or {@code actioned}).
 */
public final class RepeatOffenders {
  /** SQL condition: the seller {@code {seller}} is a confirmed violator. */
  static final String IS_VIOLATOR =
      "EXISTS (SELECT 1 FROM violators x WHERE x.seller_id = {seller} AND x.removed_at IS NULL)"
          + " OR EXISTS (SELECT 1 FROM listings xl JOIN reviews xr ON xr.listing_id = xl.id"
          + " WHERE xl.seller_id = {seller} AND xr.state IN ('confirmed', 'actioned'))";

  private final DataSource dataSource;

  public RepeatOffenders(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * What the pipeline needs to raise a listing whose seller is linked to confirmed violators.
   *
   * @param violators every confirmed violator's seller id
   * @param networkViolators for each network holding a violator: its violators
   * @param memberNetworks the network of every member of those networks
   * @param contactViolators for each contact ({@code kind:value}) a violator shares with another
   *     seller: the violators showing it
   */
  public record Snapshot(
      Set<String> violators,
      Map<String, Set<String>> networkViolators,
      Map<String, String> memberNetworks,
      Map<String, Set<String>> contactViolators) {}

  public Snapshot load() {
    return Transactions.run(dataSource, "read confirmed violators", RepeatOffenders::load);
  }

  private static Snapshot load(Connection c) throws SQLException {
    Set<String> violators = new TreeSet<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT seller_id FROM violators WHERE removed_at IS NULL"
                    + " UNION SELECT l.seller_id FROM listings l JOIN reviews r ON r.listing_id = l.id"
                    + " WHERE r.state IN ('confirmed', 'actioned') AND l.seller_id IS NOT NULL");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        violators.add(rs.getString(1));
      }
    }
    Map<String, Set<String>> networkViolators = new TreeMap<>();
    Map<String, String> memberNetworks = new TreeMap<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT m.seller_id, m.network_id FROM seller_network_members m WHERE m.network_id IN"
                    + " (SELECT v.network_id FROM seller_network_members v WHERE "
                    + IS_VIOLATOR.replace("{seller}", "v.seller_id")
                    + ")");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String seller = rs.getString(1);
        String network = rs.getString(2);
        memberNetworks.put(seller, network);
        if (violators.contains(seller)) {
          networkViolators.computeIfAbsent(network, k -> new TreeSet<>()).add(seller);
        }
      }
    }
    Map<String, Set<String>> contactViolators = new TreeMap<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT seller_a, seller_b, contact_kind, contact_value FROM seller_links");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String key = rs.getString(3) + ":" + rs.getString(4);
        for (String seller : new String[] {rs.getString(1), rs.getString(2)}) {
          if (violators.contains(seller)) {
            contactViolators.computeIfAbsent(key, k -> new TreeSet<>()).add(seller);
          }
        }
      }
    }
    return new Snapshot(violators, networkViolators, memberNetworks, contactViolators);
  }
}
