package org.markwatch.portal.seller;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.markwatch.model.Contact;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Listing;
import org.markwatch.portal.access.Jurisdiction;
import org.markwatch.portal.security.Viewer;
import org.markwatch.storage.SearchFold;
import org.springframework.stereotype.Component;

/**
 * The seller page's data: the seller, its listings with their verdicts, the contacts its listings
 * give, and other sellers (within the viewer's jurisdiction) that share a phone number, a Zalo
 * number, a bank account or an e-mail with it: the usual sign of one operator behind several shops.
 */
@Component
class SellerQuery {
  static final int MAX_LISTINGS = 500;

  private final DataSource dataSource;

  SellerQuery(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  record SellerInfo(
      String id,
      String platform,
      String name,
      String url,
      String province,
      String address,
      String phones,
      String taxCode,
      String businessRegistration,
      Boolean verified,
      Instant firstSeen,
      Instant lastSeen) {}

  record SellerListing(
      String id,
      String title,
      BigDecimal priceAmount,
      String priceCurrency,
      Double score,
      Boolean flagged,
      String violations,
      Instant observedAt) {}

  record Shared(String sellerId, String sellerName, String platform, String via) {}

  record Page(
      SellerInfo seller,
      List<SellerListing> listings,
      List<Contact> contacts,
      List<Shared> shared) {}

  Optional<Page> page(Viewer viewer, String sellerId) {
    try (Connection c = dataSource.getConnection()) {
      SellerInfo seller = seller(c, sellerId);
      if (seller == null) {
        return Optional.empty();
      }
      List<SellerListing> listings = new ArrayList<>();
      Set<Contact> contacts = new LinkedHashSet<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              """
          SELECT l.id, l.title, l.price_amount, l.price_currency, v.score, v.flagged, v.violations, l.observed_at,
                 l.listing_json
          FROM listings l LEFT JOIN verdicts v ON v.listing_id = l.id
          WHERE l.seller_id = ? ORDER BY v.score DESC NULLS LAST, l.id LIMIT ?""")) {
        ps.setString(1, sellerId);
        ps.setInt(2, MAX_LISTINGS);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            double score = rs.getDouble(5);
            boolean scored = !rs.wasNull();
            String cur = rs.getString(4);
            listings.add(
                new SellerListing(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getBigDecimal(3),
                    cur == null ? null : cur.strip(),
                    scored ? score : null,
                    scored ? rs.getBoolean(6) : null,
                    rs.getString(7),
                    rs.getObject(8, OffsetDateTime.class).toInstant()));
            Listing l = JsonCodec.mapper().readValue(rs.getString(9), Listing.class);
            if (l.contacts() != null) {
              contacts.addAll(l.contacts());
            }
          }
        }
      }
      return Optional.of(
          new Page(seller, listings, List.copyOf(contacts), shared(c, viewer, seller, contacts)));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read seller " + sellerId + ": " + e.getMessage(), e);
    }
  }

  /**
   * Other sellers sharing a phone or Zalo number, a bank account or an e-mail with this one: by the
   * contact points stored with every listing (seller_contacts, migration V21), then, for sellers
   * stored before V21, whose phones hold one of this seller's numbers.
   */
  private List<Shared> shared(Connection c, Viewer viewer, SellerInfo seller, Set<Contact> contacts)
      throws SQLException {
    Map<String, Shared> found = new LinkedHashMap<>();
    StringBuilder byContact =
        new StringBuilder(
            "SELECT o.seller_id, s.name, s.platform, c.kind, c.shown FROM seller_contacts c"
                + " JOIN seller_contacts o ON o.match_kind = c.match_kind AND o.value_key = c.value_key"
                + " AND o.seller_id <> c.seller_id"
                + " JOIN sellers s ON s.id = o.seller_id WHERE c.seller_id = ?");
    List<Object> byContactParams = new ArrayList<>(List.of(seller.id()));
    Jurisdiction.restrictSellers(viewer, byContact, byContactParams);
    byContact.append(" ORDER BY o.seller_id, c.kind, c.shown LIMIT 200");
    try (PreparedStatement ps = c.prepareStatement(byContact.toString())) {
      for (int i = 0; i < byContactParams.size(); i++) {
        ps.setObject(i + 1, byContactParams.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.putIfAbsent(
              rs.getString(1),
              new Shared(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4) + " " + rs.getString(5)));
        }
      }
    }
    Map<String, String> keys = new LinkedHashMap<>(); // phone key -> how it was found
    if (seller.phones() != null) {
      for (String phone : seller.phones().split(",")) {
        putKey(keys, phone, "phone " + phone.strip());
      }
    }
    for (Contact contact : contacts) {
      if (contact.value() != null
          && ("phone".equals(contact.type())
              || "zalo".equals(contact.type())
              || "bank_account".equals(contact.type()))) {
        putKey(keys, contact.value(), contact.type() + " " + contact.value());
      }
    }
    for (Map.Entry<String, String> key : keys.entrySet()) {
      StringBuilder sql =
          new StringBuilder(
              "SELECT s.id, s.name, s.platform FROM sellers s"
                  + " WHERE s.search_folded LIKE ? AND s.id <> ?");
      List<Object> params = new ArrayList<>(List.of("%" + key.getKey() + "%", seller.id()));
      Jurisdiction.restrictSellers(viewer, sql, params);
      sql.append(" ORDER BY s.id LIMIT 50");
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        for (int i = 0; i < params.size(); i++) {
          ps.setObject(i + 1, params.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            found.putIfAbsent(
                rs.getString(1),
                new Shared(rs.getString(1), rs.getString(2), rs.getString(3), key.getValue()));
          }
        }
      }
    }
    return List.copyOf(found.values());
  }

  private static void putKey(Map<String, String> keys, String value, String via) {
    String key = SearchFold.phoneKey(value);
    if (!key.isEmpty()) {
      keys.putIfAbsent(key, via);
    }
  }

  private static SellerInfo seller(Connection c, String id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            """
        SELECT id, platform, name, url, province, address, phones, tax_code, business_registration, verified,
               first_seen, last_seen FROM sellers WHERE id = ?""")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        boolean verified = rs.getBoolean(10);
        Boolean v = rs.wasNull() ? null : verified;
        return new SellerInfo(
            rs.getString(1),
            rs.getString(2),
            rs.getString(3),
            rs.getString(4),
            rs.getString(5),
            rs.getString(6),
            rs.getString(7),
            rs.getString(8),
            rs.getString(9),
            v,
            rs.getObject(11, OffsetDateTime.class).toInstant(),
            rs.getObject(12, OffsetDateTime.class).toInstant());
      }
    }
  }
}
