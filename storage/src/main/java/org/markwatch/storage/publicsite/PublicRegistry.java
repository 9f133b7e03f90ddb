package org.markwatch.storage.publicsite;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.markwatch.model.validate.VnTaxCode;
import org.markwatch.storage.SearchFold;
import org.markwatch.storage.Transactions;

/**
 * What the public site may read: published violators (never an unpublished or removed one),
 * consumer warnings, and the trust check of a shop or link. Searches match a shop's name (accents
 * and case ignored), its phone (however written) or a URL (the listing's or the shop's).
 */
public final class PublicRegistry {
  private static final int MAX_QUERY = 300;
  private final DataSource dataSource;
  private final Clock clock;

  public PublicRegistry(DataSource dataSource) {
    this(dataSource, Clock.systemUTC());
  }

  public PublicRegistry(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /** Published violators matching the query (all of them, newest first, when it is blank). */
  public List<PublishedViolator> violators(String query, int limit) {
    return Transactions.run(
        dataSource,
        "search published violators",
        c -> {
          Set<String> sellers = query == null || query.isBlank() ? null : sellers(c, query);
          List<PublishedViolator> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + VIOLATOR_COLUMNS
                      + VIOLATOR_JOINS
                      + " WHERE v.published = TRUE AND v.removed_at IS NULL"
                      + " ORDER BY v.published_at DESC, v.seller_id")) {
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next() && out.size() < limit) {
                String seller = rs.getString(1);
                if (sellers != null
                    && !sellers.contains(seller)
                    && !matchesName(rs.getString(2), query)) {
                  continue;
                }
                out.add(violator(rs));
              }
            }
          }
          return out;
        });
  }

  /** The columns {@link #violator} reads, from {@code violators v} and {@link #VIOLATOR_JOINS}. */
  private static final String VIOLATOR_COLUMNS =
      "v.seller_id, COALESCE(s.name, v.seller_name), s.platform, s.url, p.name, v.decision_ref,"
          + " v.legal_basis, v.published_at";

  private static final String VIOLATOR_JOINS =
      " FROM violators v LEFT JOIN sellers s ON s.id = v.seller_id"
          + " LEFT JOIN provinces p ON p.code = v.province_code";

  private static PublishedViolator violator(ResultSet rs) throws SQLException {
    return new PublishedViolator(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        Transactions.instant(rs, 8));
  }

  /**
   * Warnings in force matching the query, newest first: by their text (title, body, product type,
   * brand, what to look for, keywords; accents ignored) or by a violator they name that the query
   * finds (its shop name, phone or link, as the violators' search).
   */
  public List<ConsumerWarning> warnings(String query, int limit) {
    String q = query == null ? "" : SearchFold.fold(cut(query)).strip();
    return Transactions.run(
        dataSource,
        "read consumer warnings",
        c -> {
          Set<Long> naming = q.isEmpty() ? Set.of() : warningsNaming(c, sellers(c, query));
          List<ConsumerWarning> found = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + WARNING_COLUMNS
                      + " FROM consumer_warnings WHERE withdrawn_at IS NULL AND published_at <= ?"
                      + " ORDER BY published_at DESC, id DESC")) {
            ps.setObject(1, Transactions.at(clock.instant()));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next() && found.size() < limit) {
                String all =
                    SearchFold.fold(
                        String.join(
                            " ",
                            nz(rs.getString(2)),
                            nz(rs.getString(3)),
                            nz(rs.getString(4)),
                            nz(rs.getString(5)),
                            nz(rs.getString(6)),
                            nz(rs.getString(8))));
                if (!q.isEmpty() && !all.contains(q) && !naming.contains(rs.getLong(1))) {
                  continue;
                }
                found.add(warning(rs, List.of()));
              }
            }
          }
          // the violators of the whole page in one query, not one per warning
          Map<Long, List<PublishedViolator>> named =
              namedViolators(c, found.stream().map(ConsumerWarning::id).toList());
          return found.stream()
              .map(
                  w ->
                      new ConsumerWarning(
                          w.id(),
                          w.title(),
                          w.body(),
                          w.productType(),
                          w.brand(),
                          w.lookFor(),
                          w.publishedAt(),
                          named.getOrDefault(w.id(), List.of())))
              .toList();
        });
  }

  /** One warning in force (published, not withdrawn), with the violators it names. */
  public java.util.Optional<ConsumerWarning> warning(long id) {
    return Transactions.run(
        dataSource,
        "read consumer warning " + id,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + WARNING_COLUMNS
                      + " FROM consumer_warnings WHERE id = ? AND withdrawn_at IS NULL"
                      + " AND published_at <= ?")) {
            ps.setLong(1, id);
            ps.setObject(2, Transactions.at(clock.instant()));
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return java.util.Optional.<ConsumerWarning>empty();
              }
              return java.util.Optional.of(
                  warning(rs, namedViolators(c, List.of(id)).getOrDefault(id, List.of())));
            }
          }
        });
  }

  private static final String WARNING_COLUMNS =
      "id, title, body, product_type, brand, look_for, published_at, keywords";

  private static ConsumerWarning warning(ResultSet rs, List<PublishedViolator> violators)
      throws SQLException {
    return new ConsumerWarning(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        Transactions.instant(rs, 7),
        violators);
  }

  /** The warnings naming any of these sellers (at most the 100 {@link #sellers} finds). */
  private static Set<Long> warningsNaming(Connection c, Set<String> sellers) throws SQLException {
    Set<Long> out = new java.util.HashSet<>();
    if (sellers.isEmpty()) {
      return out;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT warning_id FROM consumer_warning_sellers WHERE seller_id IN ("
                + placeholders(sellers.size())
                + ")")) {
      int i = 1;
      for (String seller : sellers) {
        ps.setString(i++, seller);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
      }
    }
    return out;
  }

  /**
   * The violators each of these warnings (at most a page) names whose publication is in force
   * (never an unpublished one), newest publication first.
   */
  private static Map<Long, List<PublishedViolator>> namedViolators(
      Connection c, List<Long> warningIds) throws SQLException {
    Map<Long, List<PublishedViolator>> out = new HashMap<>();
    if (warningIds.isEmpty()) {
      return out;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + VIOLATOR_COLUMNS
                + ", w.warning_id"
                + VIOLATOR_JOINS
                + " JOIN consumer_warning_sellers w ON w.seller_id = v.seller_id"
                + " WHERE w.warning_id IN ("
                + placeholders(warningIds.size())
                + ") AND v.published = TRUE AND v.removed_at IS NULL"
                + " ORDER BY v.published_at DESC, v.seller_id")) {
      int i = 1;
      for (long id : warningIds) {
        ps.setLong(i++, id);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getLong(9), k -> new ArrayList<>()).add(violator(rs));
        }
      }
    }
    return out;
  }

  private static String placeholders(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /**
   * Writes and publishes a consumer warning at once (tests and scripts; the portal writes a draft
   * and publishes it through {@link WarningStore}). Audited.
   */
  public long publishWarning(String title, String body, String keywords, String actor) {
    WarningStore store = new WarningStore(dataSource, clock);
    long id =
        store.save(null, new WarningDraft(title, body, null, null, null, keywords, null), actor);
    store.publish(id, actor);
    return id;
  }

  /** "Check a shop or link": what the authority knows about the shops the query names. */
  public TrustReport check(String query) {
    if (query == null || query.isBlank()) {
      throw new IllegalArgumentException("give a shop name, a phone number or a link");
    }
    String q = cut(query);
    return Transactions.run(
        dataSource,
        "check a shop",
        c -> {
          Set<String> sellers = sellers(c, q);
          String host = host(q);
          List<TrustReport.Reason> bad = new ArrayList<>();
          List<TrustReport.Reason> caution = new ArrayList<>();
          List<TrustReport.Reason> good = new ArrayList<>();
          List<String> names = new ArrayList<>();
          long confirmed = 0;
          long flagged = 0;
          boolean missingDisclosure = false;
          for (String seller : sellers) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT decision_ref FROM violators WHERE seller_id = ? AND published = TRUE"
                        + " AND removed_at IS NULL ORDER BY published_at DESC")) {
              ps.setString(1, seller);
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  bad.add(new TrustReport.Reason("published_violator", 0, rs.getString(1)));
                }
              }
            }
            confirmed +=
                count(
                    c,
                    "SELECT COUNT(*) FROM listings l JOIN reviews r ON r.listing_id = l.id"
                        + " WHERE l.seller_id = ? AND r.state IN ('confirmed', 'actioned')",
                    seller);
            flagged +=
                count(
                    c,
                    "SELECT COUNT(*) FROM listings l JOIN verdicts v ON v.listing_id = l.id"
                        + " LEFT JOIN reviews r ON r.listing_id = l.id WHERE l.seller_id = ?"
                        + " AND v.flagged = TRUE AND (r.state IS NULL OR r.state NOT IN ('confirmed', 'actioned', 'dismissed'))",
                    seller);
            try (PreparedStatement ps =
                c.prepareStatement("SELECT name, tax_code, address FROM sellers WHERE id = ?")) {
              ps.setString(1, seller);
              try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                  if (names.size() < 10) {
                    names.add(rs.getString(1) == null ? seller : rs.getString(1));
                  }
                  if (rs.getString(2) == null
                      || !VnTaxCode.validate(rs.getString(2)).valid()
                      || rs.getString(3) == null) {
                    missingDisclosure = true;
                  }
                }
              }
            }
            for (String brand : authorised(c, seller, null)) {
              good.add(new TrustReport.Reason("authorised_seller", 0, brand));
            }
          }
          if (host != null) {
            for (String brand : authorised(c, null, host)) {
              good.add(new TrustReport.Reason("authorised_seller", 0, brand));
            }
          }
          if (confirmed > 0) {
            bad.add(new TrustReport.Reason("confirmed_listings", confirmed, null));
          }
          if (flagged > 0) {
            caution.add(new TrustReport.Reason("flagged_listings", flagged, null));
          }
          long tips = tips(c, q, host);
          if (tips > 0) {
            caution.add(new TrustReport.Reason("tips", tips, null));
          }
          if (missingDisclosure) {
            caution.add(new TrustReport.Reason("missing_disclosure", 0, null));
          }
          List<TrustReport.Reason> reasons = new ArrayList<>();
          reasons.addAll(bad);
          reasons.addAll(caution);
          reasons.addAll(good);
          String rating;
          if (!bad.isEmpty()) {
            rating = "danger";
          } else if (!caution.isEmpty()) {
            rating = "caution";
          } else if (!good.isEmpty()) {
            rating = "trusted";
          } else {
            rating = "unknown";
            reasons.add(
                new TrustReport.Reason(
                    sellers.isEmpty() ? "not_seen" : "nothing_against", 0, null));
          }
          return new TrustReport(rating, reasons, names);
        });
  }

  /** Seller ids the query names: by listing or shop URL, by phone, or by (folded) name. */
  private Set<String> sellers(Connection c, String query) throws SQLException {
    String q = cut(query).strip();
    Set<String> out = new LinkedHashSet<>();
    String host = host(q);
    if (host != null) {
      String bare = stripUrl(q);
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT seller_id FROM listings WHERE url = ? OR url = ? OR url = ? FETCH FIRST 50 ROWS ONLY")) {
        ps.setString(1, q);
        ps.setString(2, "https://" + bare);
        ps.setString(3, "http://" + bare);
        collect(ps, out);
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT id FROM sellers WHERE url = ? OR url = ? OR url = ? OR url = ? OR url = ?"
                  + " FETCH FIRST 50 ROWS ONLY")) {
        ps.setString(1, q);
        ps.setString(2, "https://" + bare);
        ps.setString(3, "http://" + bare);
        ps.setString(4, "https://" + bare + "/");
        ps.setString(5, "http://" + bare + "/");
        collect(ps, out);
      }
      out.remove(null);
      return out;
    }
    String phone = SearchFold.phoneKey(q);
    boolean looksLikePhone = q.replaceAll("[\\d\\s+().-]", "").isEmpty();
    String pattern = looksLikePhone && !phone.isEmpty() ? phone : SearchFold.fold(q);
    if (pattern.length() < 3) {
      return out;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id FROM sellers WHERE search_folded LIKE ? ESCAPE '\\' FETCH FIRST 50 ROWS ONLY")) {
      ps.setString(1, "%" + escapeLike(pattern) + "%");
      collect(ps, out);
    }
    return out;
  }

  private static boolean matchesName(String name, String query) {
    return name != null
        && query != null
        && SearchFold.fold(query).length() >= 3
        && SearchFold.fold(name).contains(SearchFold.fold(query));
  }

  private List<String> authorised(Connection c, String sellerId, String host) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT DISTINCT brand_id FROM authorised_sellers WHERE (seller_id = ? OR shop_host = ?)"
                + " AND (valid_until IS NULL OR valid_until >= ?) ORDER BY brand_id")) {
      ps.setString(1, sellerId);
      ps.setString(2, host);
      ps.setObject(3, LocalDate.now(clock));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  private static long tips(Connection c, String q, String host) throws SQLException {
    if (host != null) {
      String bare = stripUrl(q);
      try (PreparedStatement ps =
          c.prepareStatement("SELECT COUNT(*) FROM tips WHERE url = ? OR url = ? OR url = ?")) {
        ps.setString(1, q);
        ps.setString(2, "https://" + bare);
        ps.setString(3, "http://" + bare);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    }
    String phone = SearchFold.phoneKey(q);
    if (!phone.isEmpty()) {
      return count(
          c,
          "SELECT COUNT(*) FROM tips WHERE REGEXP_REPLACE(COALESCE(phone, ''), '[^0-9]', '', 'g') LIKE ?",
          "%" + phone);
    }
    return 0;
  }

  private static long count(Connection c, String sql, String param) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, param);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void collect(PreparedStatement ps, Set<String> out) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
  }

  /** The host of an http(s) URL (lower case), or null when the text is not one. */
  static String host(String text) {
    String t = text.strip();
    if (!t.toLowerCase(Locale.ROOT).startsWith("http://")
        && !t.toLowerCase(Locale.ROOT).startsWith("https://")) {
      return null;
    }
    try {
      String h = URI.create(t).getHost();
      return h == null ? null : h.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String stripUrl(String url) {
    String u = url.strip().replaceFirst("(?i)^https?://", "");
    return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
  }

  private static String cut(String q) {
    return q.length() > MAX_QUERY ? q.substring(0, MAX_QUERY) : q;
  }

  private static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /** For tests: the clock's now. */
  Instant now() {
    return clock.instant();
  }
}
