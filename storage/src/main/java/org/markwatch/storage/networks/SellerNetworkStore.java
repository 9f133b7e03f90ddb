package org.markwatch.storage.networks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.markwatch.storage.Transactions;

/**
 * Seller networks (migration V40): the pipeline writes links and memberships as it finds them and
 * then {@link #refresh refreshes} the networks they touch (counts and risk score); the portal reads
 * them with {@link #highestRisk}, {@link #find}, {@link #members} and {@link #links}. Every write
 * is a MERGE by natural key, so a replay after a restart writes the same rows.
 */
public final class SellerNetworkStore {
  private final DataSource dataSource;
  private final Clock clock;

  public SellerNetworkStore(DataSource dataSource) {
    this(dataSource, Clock.systemUTC());
  }

  public SellerNetworkStore(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /**
   * Where a network's risk comes from, combined by noisy-OR like the detectors' signals: each
   * confirmed violator among its members 0.6 (one is already a strong sign, the portal shows the
   * network as risky), the share of its listings the detectors flag times 0.5, and 0.1 for a
   * network spread over several platforms with at least 3 sellers (the usual shape of a replica
   * trade that moves when one shop is taken down). Rounded to 4 decimals.
   */
  public static double risk(int violators, int listings, int flagged, int sellers, int platforms) {
    double miss = Math.pow(1 - 0.6, Math.min(violators, 10));
    if (listings > 0) {
      miss *= 1 - 0.5 * Math.min(1.0, (double) flagged / listings);
    }
    if (sellers >= 3 && platforms >= 2) {
      miss *= 1 - 0.1;
    }
    return Math.round((1 - miss) * 10_000) / 10_000.0;
  }

  /**
   * Stores links and memberships in one transaction, then refreshes every network they touch and
   * removes networks left without members (absorbed by a merge).
   */
  public void save(List<SellerLink> links, List<NetworkMembership> memberships) {
    if (links.isEmpty() && memberships.isEmpty()) {
      return;
    }
    TreeSet<String> touched = new TreeSet<>();
    Transactions.run(
        dataSource,
        "store seller networks",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  """
                  MERGE INTO seller_links t
                  USING (VALUES (CAST(? AS VARCHAR(512)), CAST(? AS VARCHAR(512)), CAST(? AS VARCHAR(16)),
                                 CAST(? AS VARCHAR(512)), CAST(? AS TIMESTAMP WITH TIME ZONE)))
                    AS s(seller_a, seller_b, contact_kind, contact_value, first_seen)
                  ON t.seller_a = s.seller_a AND t.seller_b = s.seller_b
                     AND t.contact_kind = s.contact_kind AND t.contact_value = s.contact_value
                  WHEN MATCHED AND s.first_seen < t.first_seen THEN UPDATE SET first_seen = s.first_seen
                  WHEN NOT MATCHED THEN INSERT (seller_a, seller_b, contact_kind, contact_value, first_seen)
                    VALUES (s.seller_a, s.seller_b, s.contact_kind, s.contact_value, s.first_seen)
                  """)) {
            for (SellerLink l : sorted(links)) {
              ps.setString(1, l.sellerA());
              ps.setString(2, l.sellerB());
              ps.setString(3, l.kind());
              ps.setString(4, l.value());
              ps.setObject(5, Transactions.at(l.firstSeen()));
              ps.addBatch();
            }
            ps.executeBatch();
          }
          try (PreparedStatement old =
                  c.prepareStatement(
                      "SELECT network_id FROM seller_network_members WHERE seller_id = ?");
              PreparedStatement ps =
                  c.prepareStatement(
                      """
                      MERGE INTO seller_network_members t
                      USING (VALUES (CAST(? AS VARCHAR(512)), CAST(? AS VARCHAR(64)),
                                     CAST(? AS TIMESTAMP WITH TIME ZONE)))
                        AS s(seller_id, network_id, joined_at)
                      ON t.seller_id = s.seller_id
                      WHEN MATCHED THEN UPDATE SET network_id = s.network_id
                      WHEN NOT MATCHED THEN INSERT (seller_id, network_id, joined_at)
                        VALUES (s.seller_id, s.network_id, s.joined_at)
                      """)) {
            List<NetworkMembership> ordered = new ArrayList<>(memberships);
            ordered.sort(Comparator.comparing(NetworkMembership::sellerId));
            for (NetworkMembership m : ordered) {
              old.setString(1, m.sellerId());
              try (ResultSet rs = old.executeQuery()) {
                if (rs.next()) {
                  touched.add(rs.getString(1));
                }
              }
              touched.add(m.networkId());
              ps.setString(1, m.sellerId());
              ps.setString(2, m.networkId());
              ps.setObject(3, Transactions.at(m.joinedAt()));
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
    refresh(touched);
  }

  /** Recounts the given networks and their risk; a network without members is removed. */
  public void refresh(Collection<String> networkIds) {
    if (networkIds.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    Transactions.run(
        dataSource,
        "refresh seller networks",
        c -> {
          for (String id : new TreeSet<>(networkIds)) {
            refreshOne(c, id, now);
          }
          return null;
        });
  }

  private static void refreshOne(Connection c, String id, Instant now) throws SQLException {
    int sellers;
    int platforms;
    Instant firstSeen;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT COUNT(*), COUNT(DISTINCT s.platform), MIN(m.joined_at)"
                + " FROM seller_network_members m LEFT JOIN sellers s ON s.id = m.seller_id"
                + " WHERE m.network_id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        sellers = rs.getInt(1);
        platforms = rs.getInt(2);
        firstSeen = Transactions.instant(rs, 3);
      }
    }
    if (sellers == 0) {
      try (PreparedStatement del = c.prepareStatement("DELETE FROM seller_networks WHERE id = ?")) {
        del.setString(1, id);
        del.executeUpdate();
      }
      return;
    }
    int violators =
        count(
            c,
            "SELECT COUNT(*) FROM seller_network_members m WHERE m.network_id = ? AND ("
                + RepeatOffenders.IS_VIOLATOR.replace("{seller}", "m.seller_id")
                + ")",
            id);
    int listings;
    int flagged;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT COUNT(*), COALESCE(SUM(CASE WHEN v.flagged THEN 1 ELSE 0 END), 0)"
                + " FROM seller_network_members m JOIN listings l ON l.seller_id = m.seller_id"
                + " LEFT JOIN verdicts v ON v.listing_id = l.id WHERE m.network_id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        listings = rs.getInt(1);
        flagged = rs.getInt(2);
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            """
            MERGE INTO seller_networks t
            USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS INTEGER),
                           CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS DOUBLE PRECISION),
                           CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE)))
              AS s(id, sellers, platforms, violators, listings, flagged_listings, risk_score, first_seen, updated_at)
            ON t.id = s.id
            WHEN MATCHED THEN UPDATE SET sellers = s.sellers, platforms = s.platforms, violators = s.violators,
              listings = s.listings, flagged_listings = s.flagged_listings, risk_score = s.risk_score,
              first_seen = s.first_seen, updated_at = s.updated_at
            WHEN NOT MATCHED THEN INSERT (id, sellers, platforms, violators, listings, flagged_listings,
              risk_score, first_seen, updated_at)
              VALUES (s.id, s.sellers, s.platforms, s.violators, s.listings, s.flagged_listings, s.risk_score,
                      s.first_seen, s.updated_at)
            """)) {
      ps.setString(1, id);
      ps.setInt(2, sellers);
      ps.setInt(3, platforms);
      ps.setInt(4, violators);
      ps.setInt(5, listings);
      ps.setInt(6, flagged);
      ps.setDouble(7, risk(violators, listings, flagged, sellers, platforms));
      ps.setObject(8, Transactions.at(firstSeen == null ? now : firstSeen));
      ps.setObject(9, Transactions.at(now));
      ps.executeUpdate();
    }
  }

  /** Recounts every stored network: after decisions or violators changed (e.g. periodically). */
  public void refreshAll() {
    List<String> ids =
        Transactions.run(
            dataSource,
            "list seller networks",
            c -> {
              List<String> out = new ArrayList<>();
              try (PreparedStatement ps =
                      c.prepareStatement("SELECT DISTINCT network_id FROM seller_network_members");
                  ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  out.add(rs.getString(1));
                }
              }
              return out;
            });
    refresh(ids);
  }

  /** The riskiest networks first (ties: more sellers, then id). */
  public List<SellerNetwork> highestRisk(int limit) {
    return Transactions.run(
        dataSource,
        "list seller networks",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  SELECT + " ORDER BY risk_score DESC, sellers DESC, id FETCH FIRST ? ROWS ONLY")) {
            ps.setInt(1, limit);
            return read(ps);
          }
        });
  }

  public Optional<SellerNetwork> find(String id) {
    return Transactions.run(
        dataSource,
        "read seller network " + id,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE id = ?")) {
            ps.setString(1, id);
            return read(ps).stream().findFirst();
          }
        });
  }

  /** The network a seller is in, if any. */
  public Optional<String> networkOf(String sellerId) {
    return Transactions.run(
        dataSource,
        "read the network of seller " + sellerId,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT network_id FROM seller_network_members WHERE seller_id = ?")) {
            ps.setString(1, sellerId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
          }
        });
  }

  /** The members of a network, by seller id. */
  public List<NetworkMembership> members(String networkId) {
    return Transactions.run(
        dataSource,
        "read the members of seller network " + networkId,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT seller_id, network_id, joined_at FROM seller_network_members"
                      + " WHERE network_id = ? ORDER BY seller_id")) {
            ps.setString(1, networkId);
            List<NetworkMembership> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new NetworkMembership(
                        rs.getString(1), rs.getString(2), Transactions.instant(rs, 3)));
              }
            }
            return out;
          }
        });
  }

  /** The links between the members of a network: what shows why they are one network. */
  public List<SellerLink> links(String networkId) {
    return Transactions.run(
        dataSource,
        "read the links of seller network " + networkId,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT l.seller_a, l.seller_b, l.contact_kind, l.contact_value, l.first_seen"
                      + " FROM seller_links l JOIN seller_network_members m ON m.seller_id = l.seller_a"
                      + " WHERE m.network_id = ? ORDER BY l.first_seen, l.seller_a, l.seller_b")) {
            ps.setString(1, networkId);
            List<SellerLink> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new SellerLink(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        Transactions.instant(rs, 5)));
              }
            }
            return out;
          }
        });
  }

  private static final String SELECT =
      "SELECT id, sellers, platforms, violators, listings, flagged_listings, risk_score, first_seen,"
          + " updated_at FROM seller_networks";

  private static List<SellerNetwork> read(PreparedStatement ps) throws SQLException {
    List<SellerNetwork> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new SellerNetwork(
                rs.getString(1),
                rs.getInt(2),
                rs.getInt(3),
                rs.getInt(4),
                rs.getInt(5),
                rs.getInt(6),
                rs.getDouble(7),
                Transactions.instant(rs, 8),
                Transactions.instant(rs, 9)));
      }
    }
    return out;
  }

  private static int count(Connection c, String sql, String param) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, param);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private static List<SellerLink> sorted(List<SellerLink> links) {
    List<SellerLink> out = new ArrayList<>(links);
    out.sort(
        Comparator.comparing(SellerLink::sellerA)
            .thenComparing(SellerLink::sellerB)
            .thenComparing(SellerLink::kind)
            .thenComparing(SellerLink::value));
    return out;
  }
}
