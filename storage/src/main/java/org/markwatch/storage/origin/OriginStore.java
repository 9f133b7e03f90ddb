package org.markwatch.storage.origin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.markwatch.model.validate.Gtin;
import org.markwatch.model.validate.VnTaxCode;
import org.markwatch.storage.InvalidInputException;
import org.markwatch.storage.Transactions;
import org.markwatch.storage.audit.AuditAction;
import org.markwatch.storage.audit.AuditLog;

/**
 * Product origin (plan item 2.5): genuine products and their codes, authorised sellers, and
 * e-invoice evidence on cases. Every registration is audited.
 */
public final class OriginStore {
  /** A serial: a prefix (letters, digits and dashes, ending in a non-digit) then the number. */
  private static final Pattern SERIAL = Pattern.compile("([A-Z0-9-]*[A-Z-])(\\d{1,18})");

  /** Decree 123/2020 e-invoices: the number has at most 8 digits. */
  private static final Pattern INVOICE_NO = Pattern.compile("\\d{1,8}");

  /**
   * Template number (1-6) and the 6-character symbol: C (with tax authority code) or K (without),
   * 2-digit year, invoice type letter, 2 letters chosen by the seller. E.g. 1C25TAA.
   */
  private static final Pattern INVOICE_SYMBOL =
      Pattern.compile("[1-6]?[CK]\\d{2}[TDLMNBGHX][A-Z]{2}");

  private final DataSource dataSource;
  private final Clock clock;
  private final AuditLog audit;

  public OriginStore(DataSource dataSource) {
    this(dataSource, Clock.systemUTC());
  }

  public OriginStore(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.audit = new AuditLog(clock);
  }

  /** Registers a genuine product for any brand (the command line). */
  public void registerProduct(String id, String brandId, String name, String owner, String actor) {
    registerProduct(BrandScope.ALL, id, brandId, name, owner, actor);
  }

  /**
   * Registers a genuine product of a brand within {@code scope}.
   *
   * @throws InvalidInputException a missing or malformed field, a brand outside the scope, an id
   *     already taken
   */
  public void registerProduct(
      BrandScope scope, String id, String brandId, String name, String owner, String actor) {
    List<InvalidInputException.Problem> problems = new ArrayList<>();
    String pid = format(problems, "id", id, PRODUCT_ID, "product id", 64);
    String brand = brand(problems, scope, brandId);
    text(problems, "name", name, "product name", 500);
    text(problems, "owner", owner, "brand owner", 300);
    refuse(problems);
    Transactions.run(
        dataSource,
        "register product " + pid,
        c -> {
          if (productBrand(c, pid).isPresent()) {
            throw new InvalidInputException(
                "product id '" + pid + "': already registered", "id", "taken", pid);
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO genuine_products (id, brand_id, name, owner_name, registered_by,"
                      + " registered_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, pid);
            ps.setString(2, brand);
            ps.setString(3, name.strip());
            ps.setString(4, owner.strip());
            ps.setString(5, actor);
            ps.setObject(6, Transactions.at(clock.instant()));
            ps.executeUpdate();
          }
          audit.append(c, actor, AuditAction.ORIGIN_REGISTERED, pid, "product " + name.strip());
          return null;
        });
  }

  /** Adds a GTIN to a product; the check digit must be right. */
  public void addGtin(String productId, String gtin, String actor) {
    addGtin(BrandScope.ALL, productId, gtin, actor);
  }

  /**
   * Adds a GTIN to a product of a brand within {@code scope}: 8, 12, 13 or 14 digits whose check
   * digit is right, not already registered (to any product).
   */
  public void addGtin(BrandScope scope, String productId, String gtin, String actor) {
    String g = gtin == null ? "" : gtin.strip().replace(" ", "");
    if (!g.matches("\\d{8}|\\d{12,14}")) {
      throw new InvalidInputException(
          "GTIN '" + gtin + "': expected 8, 12, 13 or 14 digits with a valid check digit",
          "gtin",
          "format",
          gtin);
    }
    if (!Gtin.validate(g).valid()) {
      String expected = Integer.toString(Gtin.checkDigit(g.substring(0, g.length() - 1)));
      throw new InvalidInputException(
          "GTIN '" + gtin + "': wrong check digit (expected " + expected + " at the end)",
          "gtin",
          "check_digit",
          expected);
    }
    String normal = Gtin.gtin14(g);
    addCode(
        scope,
        productId,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT product_id FROM product_codes WHERE kind = 'gtin' AND gtin = ?")) {
            ps.setString(1, normal);
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                throw new InvalidInputException(
                    "GTIN " + g + ": already registered to product " + rs.getString(1),
                    "gtin",
                    "taken",
                    g);
              }
            }
          }
        },
        "gtin",
        normal,
        null,
        null,
        null,
        actor,
        "gtin " + g);
  }

  /** Adds a serial range ({@code prefix} + numbers {@code from}..{@code to}) to a product. */
  public void addSerialRange(String productId, String prefix, long from, long to, String actor) {
    addSerialRange(BrandScope.ALL, productId, prefix, from, to, actor);
  }

  /**
   * Adds a serial range to a product of a brand within {@code scope}; a range overlapping another
   * of the same prefix (any product's) is refused, so a serial names one product.
   */
  public void addSerialRange(
      BrandScope scope, String productId, String prefix, long from, long to, String actor) {
    String p = prefix == null ? "" : prefix.strip().toUpperCase(Locale.ROOT);
    if (!p.matches("[A-Z0-9-]*[A-Z-]") || p.length() > 64) {
      throw new InvalidInputException(
          "serial prefix '" + prefix + "': letters, digits and dashes, ending in a letter or dash",
          "prefix",
          "format",
          prefix);
    }
    if (from < 0 || from > to) {
      throw new InvalidInputException(
          "serial range: expected 0 <= from <= to", "to", "order", null);
    }
    if (to > MAX_SERIAL) {
      throw new InvalidInputException(
          "serial range: numbers have at most 18 digits", "to", "too_large", null);
    }
    addCode(
        scope,
        productId,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT serial_from, serial_to FROM product_codes WHERE kind = 'serial_range'"
                      + " AND serial_prefix = ? AND serial_from <= ? AND serial_to >= ?")) {
            ps.setString(1, p);
            ps.setLong(2, to);
            ps.setLong(3, from);
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                String other = p + rs.getLong(1) + ".." + p + rs.getLong(2);
                throw new InvalidInputException(
                    "serial range " + p + from + ".." + p + to + " overlaps " + other,
                    "from",
                    "overlap",
                    other);
              }
            }
          }
        },
        "serial_range",
        null,
        p,
        from,
        to,
        actor,
        "serials " + p + from + ".." + to);
  }

  /** A check run in the code's transaction before it is inserted. */
  private interface CodeCheckInTx {
    void run(Connection c) throws SQLException;
  }

  private void addCode(
      BrandScope scope,
      String productId,
      CodeCheckInTx check,
      String kind,
      String gtin,
      String prefix,
      Long from,
      Long to,
      String actor,
      String detail) {
    String pid = productId == null ? "" : productId.strip();
    Transactions.run(
        dataSource,
        "add a code to product " + pid,
        c -> {
          Optional<String> brand = productBrand(c, pid);
          // another brand's product is not found, for a brand owner, whether or not it exists
          if (brand.isEmpty() || !scope.allows(brand.get())) {
            throw new InvalidInputException(
                "no product '" + productId + "'", "product", "not_found", productId);
          }
          check.run(c);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO product_codes (product_id, kind, gtin, serial_prefix, serial_from,"
                      + " serial_to, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, pid);
            ps.setString(2, kind);
            ps.setString(3, gtin);
            ps.setString(4, prefix);
            ps.setObject(5, from);
            ps.setObject(6, to);
            ps.setObject(7, Transactions.at(clock.instant()));
            ps.executeUpdate();
          }
          audit.append(c, actor, AuditAction.ORIGIN_REGISTERED, pid, detail);
          return null;
        });
  }

  /** Authorises a seller (by the crawler's seller id, the shop's host, or both) for a brand. */
  public void authoriseSeller(
      String brandId,
      String sellerId,
      String shopHost,
      String name,
      LocalDate validUntil,
      String actor) {
    authoriseSeller(BrandScope.ALL, brandId, sellerId, shopHost, name, validUntil, actor);
  }

  /**
   * Authorises a seller for a brand within {@code scope}. The host may be given as a link (its host
   * is kept); the last day, when given, must not be past.
   */
  public void authoriseSeller(
      BrandScope scope,
      String brandId,
      String sellerId,
      String shopHost,
      String name,
      LocalDate validUntil,
      String actor) {
    List<InvalidInputException.Problem> problems = new ArrayList<>();
    String brand = brand(problems, scope, brandId);
    text(problems, "name", name, "seller name", 300);
    String host = host(shopHost);
    String seller = sellerId == null || sellerId.isBlank() ? null : sellerId.strip();
    if (host == null && seller == null) {
      problems.add(new InvalidInputException.Problem("sellerId", "seller_key", null));
    }
    if (host != null && (host.length() > 300 || !HOST.matcher(host).matches())) {
      problems.add(new InvalidInputException.Problem("shopHost", "format", shopHost));
    }
    if (seller != null && seller.length() > 512) {
      problems.add(new InvalidInputException.Problem("sellerId", "too_long", "512"));
    }
    if (validUntil != null && validUntil.isBefore(LocalDate.now(clock))) {
      problems.add(new InvalidInputException.Problem("validUntil", "past", validUntil.toString()));
    }
    refuse(problems);
    Transactions.run(
        dataSource,
        "authorise seller " + name,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO authorised_sellers (brand_id, seller_id, shop_host, name,"
                      + " valid_until, registered_by, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, brand);
            ps.setString(2, seller);
            ps.setString(3, host);
            ps.setString(4, name.strip());
            ps.setObject(5, validUntil);
            ps.setString(6, actor);
            ps.setObject(7, Transactions.at(clock.instant()));
            ps.executeUpdate();
          }
          audit.append(
              c,
              actor,
              AuditAction.ORIGIN_REGISTERED,
              seller != null ? seller : host,
              "authorised seller of " + brand);
          return null;
        });
  }

  /** Genuine products of the brands in {@code scope}, by brand then id. */
  public List<GenuineProduct> products(BrandScope scope, int limit) {
    return Transactions.run(
        dataSource,
        "list genuine products",
        c -> {
          List<GenuineProduct> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  PRODUCT_SELECT
                      + " WHERE "
                      + inScope(scope, "p.brand_id")
                      + " ORDER BY p.brand_id, p.id FETCH FIRST ? ROWS ONLY")) {
            int next = bindScope(ps, 1, scope);
            ps.setInt(next, limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(product(rs));
              }
            }
          }
          return out;
        });
  }

  /** One product, if it exists and its brand is in {@code scope}. */
  public Optional<GenuineProduct> product(BrandScope scope, String id) {
    return Transactions.run(
        dataSource,
        "read product " + id,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(PRODUCT_SELECT + " WHERE p.id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() && scope.allows(rs.getString(2))
                  ? Optional.of(product(rs))
                  : Optional.<GenuineProduct>empty();
            }
          }
        });
  }

  /** The columns {@link #product(ResultSet)} reads. */
  private static final String PRODUCT_SELECT =
      "SELECT p.id, p.brand_id, p.name, p.owner_name, p.registered_by, p.registered_at,"
          + " (SELECT COUNT(*) FROM product_codes k WHERE k.product_id = p.id)"
          + " FROM genuine_products p";

  /**
   * The SQL condition "{@code column} is one of the scope's brands" ({@code TRUE} for every brand),
   * so a brand owner's list reads its own rows, not every brand's; bind with {@link #bindScope}.
   */
  private static String inScope(BrandScope scope, String column) {
    if (scope.all()) {
      return "TRUE";
    }
    if (scope.brands().isEmpty()) {
      return "FALSE";
    }
    return column
        + " IN ("
        + String.join(", ", Collections.nCopies(scope.brands().size(), "?"))
        + ")";
  }

  /** Binds the brands of {@link #inScope} from parameter {@code first}; returns the next one. */
  private static int bindScope(PreparedStatement ps, int first, BrandScope scope)
      throws SQLException {
    int i = first;
    if (!scope.all()) {
      for (String brand : new TreeSet<>(scope.brands())) {
        ps.setString(i++, brand);
      }
    }
    return i;
  }

  private static GenuineProduct product(ResultSet rs) throws SQLException {
    return new GenuineProduct(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        Transactions.instant(rs, 6),
        rs.getInt(7));
  }

  /** The codes of a product, in the order they were registered. */
  public List<ProductCode> codes(String productId) {
    return Transactions.run(
        dataSource,
        "read the codes of " + productId,
        c -> {
          List<ProductCode> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, product_id, kind, gtin, serial_prefix, serial_from, serial_to,"
                      + " registered_at FROM product_codes WHERE product_id = ? ORDER BY id")) {
            ps.setString(1, productId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new ProductCode(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6) == null ? null : rs.getLong(6),
                        rs.getObject(7) == null ? null : rs.getLong(7),
                        Transactions.instant(rs, 8)));
              }
            }
          }
          return out;
        });
  }

  /** Authorised sellers of the brands in {@code scope}, including lapsed ones, by brand. */
  public List<AuthorisedSeller> authorisedSellers(BrandScope scope, int limit) {
    return Transactions.run(
        dataSource,
        "list authorised sellers",
        c -> {
          List<AuthorisedSeller> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, brand_id, seller_id, shop_host, name, valid_until, registered_by,"
                      + " registered_at FROM authorised_sellers WHERE "
                      + inScope(scope, "brand_id")
                      + " ORDER BY brand_id, name, id FETCH FIRST ? ROWS ONLY")) {
            int next = bindScope(ps, 1, scope);
            ps.setInt(next, limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new AuthorisedSeller(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, LocalDate.class),
                        rs.getString(7),
                        Transactions.instant(rs, 8)));
              }
            }
          }
          return out;
        });
  }

  /** The brands a brand owner's user acts for (V72 {@code user_brands}). */
  public Set<String> ownerBrands(String username) {
    return Transactions.run(
        dataSource,
        "read the brands of " + username,
        c -> {
          Set<String> out = new TreeSet<>();
          try (PreparedStatement ps =
              c.prepareStatement("SELECT brand_id FROM user_brands WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(rs.getString(1));
              }
            }
          }
          return out;
        });
  }

  /** Every brand owner's user with the brands it acts for. */
  public Map<String, Set<String>> owners() {
    return Transactions.run(
        dataSource,
        "read brand owners",
        c -> {
          Map<String, Set<String>> out = new TreeMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT r.username, b.brand_id FROM user_roles r"
                      + " LEFT JOIN user_brands b ON b.username = r.username"
                      + " WHERE r.role = 'brand_owner' ORDER BY r.username, b.brand_id")) {
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                Set<String> brands = out.computeIfAbsent(rs.getString(1), k -> new TreeSet<>());
                if (rs.getString(2) != null) {
                  brands.add(rs.getString(2));
                }
              }
            }
          }
          return out;
        });
  }

  /**
   * Lets a user with the brand_owner role act for a brand (by an admin; audited). Granting a brand
   * it already has changes nothing.
   */
  public void grantBrand(String username, String brandId, String actor) {
    List<InvalidInputException.Problem> problems = new ArrayList<>();
    String brand = brand(problems, BrandScope.ALL, brandId);
    refuse(problems);
    Transactions.run(
        dataSource,
        "grant brand " + brand + " to " + username,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT 1 FROM user_roles WHERE username = ? AND role = 'brand_owner'")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw new InvalidInputException(
                    "user '" + username + "' has no brand_owner role",
                    "username",
                    "not_owner",
                    username);
              }
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement("SELECT 1 FROM user_brands WHERE username = ? AND brand_id = ?")) {
            ps.setString(1, username);
            ps.setString(2, brand);
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                return null;
              }
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO user_brands (username, brand_id, granted_by, granted_at)"
                      + " VALUES (?, ?, ?, ?)")) {
            ps.setString(1, username);
            ps.setString(2, brand);
            ps.setString(3, actor);
            ps.setObject(4, Transactions.at(clock.instant()));
            ps.executeUpdate();
          }
          audit.append(c, actor, AuditAction.BRAND_OWNER_GRANTED, username, brand);
          return null;
        });
  }

  /** Takes a brand from a brand owner's user (audited when it had it). */
  public void revokeBrand(String username, String brandId, String actor) {
    Transactions.run(
        dataSource,
        "revoke brand " + brandId + " from " + username,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM user_brands WHERE username = ? AND brand_id = ?")) {
            ps.setString(1, username);
            ps.setString(2, brandId);
            if (ps.executeUpdate() > 0) {
              audit.append(c, actor, AuditAction.BRAND_OWNER_REVOKED, username, brandId);
            }
          }
          return null;
        });
  }

  private static final Pattern PRODUCT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern BRAND_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern HOST =
      Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
  private static final long MAX_SERIAL = 999_999_999_999_999_999L;

  private static String format(
      List<InvalidInputException.Problem> problems,
      String field,
      String value,
      Pattern pattern,
      String what,
      int max) {
    if (value == null || value.isBlank()) {
      problems.add(new InvalidInputException.Problem(field, "missing", null));
      return null;
    }
    String v = value.strip();
    if (v.length() > max || !pattern.matcher(v).matches()) {
      problems.add(new InvalidInputException.Problem(field, "format", v));
      return null;
    }
    return v;
  }

  private static String brand(
      List<InvalidInputException.Problem> problems, BrandScope scope, String brandId) {
    String b =
        format(
            problems,
            "brand",
            brandId == null ? null : brandId.strip().toLowerCase(Locale.ROOT),
            BRAND_ID,
            "brand",
            200);
    if (b != null && !scope.allows(b)) {
      problems.add(new InvalidInputException.Problem("brand", "not_yours", b));
      return null;
    }
    return b;
  }

  private static void text(
      List<InvalidInputException.Problem> problems,
      String field,
      String value,
      String what,
      int max) {
    if (value == null || value.isBlank()) {
      problems.add(new InvalidInputException.Problem(field, "missing", null));
    } else if (value.strip().length() > max) {
      problems.add(new InvalidInputException.Problem(field, "too_long", Integer.toString(max)));
    }
  }

  /**
   * Throws the problems found, with an English line for the command line, e.g. {@code product id
   * 'bad id!': letters, digits, '.', '-' or '_', at most 64; product name: missing}.
   */
  private static void refuse(List<InvalidInputException.Problem> problems) {
    if (problems.isEmpty()) {
      return;
    }
    StringBuilder b = new StringBuilder();
    for (InvalidInputException.Problem p : problems) {
      if (b.length() > 0) {
        b.append("; ");
      }
      b.append(LABELS.getOrDefault(p.field(), p.field()));
      switch (p.code()) {
        case "missing" -> b.append(": missing");
        case "too_long" -> b.append(": at most ").append(p.value()).append(" characters");
        case "format" ->
            b.append(" '")
                .append(p.value())
                .append("': ")
                .append(FORMATS.getOrDefault(p.field(), "not in the expected form"));
        case "not_yours" -> b.append(" '").append(p.value()).append("': not one of your brands");
        case "seller_key" -> b.append(": give the seller id or the shop host");
        case "past" -> b.append(' ').append(p.value()).append(": already past");
        default -> b.append(": ").append(p.code().replace('_', ' '));
      }
    }
    throw new InvalidInputException(b.toString(), problems);
  }

  private static final Map<String, String> LABELS =
      Map.of(
          "id", "product id",
          "brand", "brand",
          "name", "name",
          "owner", "brand owner",
          "sellerId", "seller id",
          "shopHost", "shop host",
          "validUntil", "last day");

  private static final Map<String, String> FORMATS =
      Map.of(
          "id", "letters, digits, '.', '-' or '_', at most 64",
          "brand", "the catalog's brand id: lower-case letters and digits joined by '-'",
          "shopHost", "a host name such as store.example.vn");

  /**
   * A shop host from a host or a link; lower case; null when blank. "www." stays: the public check
   * compares the host of the link it is given as it is.
   */
  static String host(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip().toLowerCase(Locale.ROOT);
    t = t.replaceFirst("^https?://", "");
    int cut = t.indexOf('/');
    if (cut >= 0) {
      t = t.substring(0, cut);
    }
    return t;
  }

  private static Optional<String> productBrand(Connection c, String productId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT brand_id FROM genuine_products WHERE id = ?")) {
      ps.setString(1, productId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  /** The brands a seller (by id or shop host) is authorised for today. */
  public List<String> authorisedBrands(String sellerId, String shopHost) {
    return Transactions.run(
        dataSource,
        "read authorised sellers",
        c -> {
          List<String> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT DISTINCT brand_id FROM authorised_sellers WHERE (seller_id = ? OR shop_host = ?)"
                      + " AND (valid_until IS NULL OR valid_until >= ?) ORDER BY brand_id")) {
            ps.setString(1, sellerId);
            ps.setString(2, shopHost == null ? null : shopHost.toLowerCase(Locale.ROOT));
            ps.setObject(3, LocalDate.now(clock));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(rs.getString(1));
              }
            }
          }
          return out;
        });
  }

  /**
   * A seller authorised for a brand, as the scoring job reads them.
   *
   * @param sellerId the crawler's seller id, or null
   * @param shopHost the shop's host name (lower case), or null
   */
  public record Authorisation(String brandId, String sellerId, String shopHost, String name) {}

  /**
   * Every authorisation valid today (no end date, or one not passed), by brand: what a running
   * scoring job treats as the brands' official stores.
   */
  public List<Authorisation> activeAuthorisations() {
    return Transactions.run(
        dataSource,
        "read authorised sellers",
        c -> {
          List<Authorisation> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT brand_id, seller_id, shop_host, name FROM authorised_sellers"
                      + " WHERE valid_until IS NULL OR valid_until >= ?"
                      + " ORDER BY brand_id, seller_id, shop_host, id")) {
            ps.setObject(1, LocalDate.now(clock));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new Authorisation(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
              }
            }
          }
          return out;
        });
  }

  /** Checks a code a buyer reads off a product: a GTIN, or a serial of a registered range. */
  public CodeCheck verify(String code) {
    String c0 = code == null ? "" : code.strip().replace(" ", "").toUpperCase(Locale.ROOT);
    if (c0.isEmpty() || c0.length() > 64) {
      return CodeCheck.invalid(c0);
    }
    if (c0.matches("\\d+")) {
      if (!Gtin.validate(c0).valid()) {
        return CodeCheck.invalid(c0);
      }
      return Transactions.run(
          dataSource,
          "verify a GTIN",
          c ->
              product(
                      c,
                      "SELECT p.name, p.brand_id, p.owner_name FROM product_codes k JOIN genuine_products p"
                          + " ON p.id = k.product_id WHERE k.kind = 'gtin' AND k.gtin = ?",
                      Gtin.gtin14(c0),
                      null,
                      c0)
                  .orElse(CodeCheck.unknown(c0)));
    }
    Matcher m = SERIAL.matcher(c0);
    if (!m.matches()) {
      return CodeCheck.invalid(c0);
    }
    long number = Long.parseLong(m.group(2));
    return Transactions.run(
        dataSource,
        "verify a serial",
        c ->
            product(
                    c,
                    "SELECT p.name, p.brand_id, p.owner_name FROM product_codes k JOIN genuine_products p"
                        + " ON p.id = k.product_id WHERE k.kind = 'serial_range' AND k.serial_prefix = ?"
                        + " AND k.serial_from <= ? AND k.serial_to >= ?",
                    m.group(1),
                    number,
                    c0)
                .orElse(CodeCheck.unknown(c0)));
  }

  private static Optional<CodeCheck> product(
      Connection c, String sql, String key, Long number, String code) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, key);
      if (number != null) {
        ps.setLong(2, number);
        ps.setLong(3, number);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(
                new CodeCheck(code, "genuine", rs.getString(1), rs.getString(2), rs.getString(3)))
            : Optional.empty();
      }
    }
  }

  /**
   * Attaches e-invoice evidence to a case after checking the invoice number, symbol and the
   * seller's tax code (check digit).
   */
  public CaseInvoice addInvoice(
      String caseId,
      String invoiceNo,
      String invoiceSymbol,
      String sellerTaxCode,
      LocalDate issuedOn,
      String note,
      String actor) {
    String no = invoiceNo == null ? "" : invoiceNo.strip();
    if (!INVOICE_NO.matcher(no).matches()) {
      throw new IllegalArgumentException("invoice number '" + invoiceNo + "': 1 to 8 digits");
    }
    String symbol =
        invoiceSymbol == null || invoiceSymbol.isBlank()
            ? null
            : invoiceSymbol.strip().toUpperCase(Locale.ROOT);
    if (symbol != null && !INVOICE_SYMBOL.matcher(symbol).matches()) {
      throw new IllegalArgumentException(
          "invoice symbol '"
              + invoiceSymbol
              + "': expected e.g. 1C25TAA (template, C/K, year, type, 2 letters)");
    }
    String tax = VnTaxCode.check(sellerTaxCode, "seller tax code");
    if (issuedOn == null) {
      throw new IllegalArgumentException("invoice date: missing");
    }
    if (issuedOn.isAfter(LocalDate.now(clock).plusDays(1))) {
      throw new IllegalArgumentException("invoice date " + issuedOn + ": in the future");
    }
    if (symbol != null) {
      int year =
          2000 + Integer.parseInt(symbol.substring(symbol.length() - 5, symbol.length() - 3));
      if (year != issuedOn.getYear()) {
        throw new IllegalArgumentException(
            "invoice symbol "
                + symbol
                + " is of "
                + year
                + " but the invoice is dated "
                + issuedOn);
      }
    }
    return Transactions.run(
        dataSource,
        "add an invoice to case " + caseId,
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM cases WHERE id = ?")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw new IllegalArgumentException("no case '" + caseId + "'");
              }
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO case_invoices (case_id, invoice_no, invoice_symbol, seller_tax_code,"
                      + " issued_on, note, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, caseId);
            ps.setString(2, no);
            ps.setString(3, symbol);
            ps.setString(4, tax);
            ps.setObject(5, issuedOn);
            ps.setString(6, note);
            ps.setString(7, actor);
            ps.setObject(8, Transactions.at(clock.instant()));
            ps.executeUpdate();
          }
          audit.append(
              c,
              actor,
              AuditAction.CASE_INVOICE,
              caseId,
              "invoice "
                  + (symbol == null ? "" : symbol + " ")
                  + no
                  + " seller "
                  + tax
                  + " "
                  + issuedOn);
          return invoices(c, caseId).getLast();
        });
  }

  public List<CaseInvoice> invoices(String caseId) {
    return Transactions.run(dataSource, "read invoices of " + caseId, c -> invoices(c, caseId));
  }

  private static List<CaseInvoice> invoices(Connection c, String caseId) throws SQLException {
    List<CaseInvoice> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, case_id, invoice_no, invoice_symbol, seller_tax_code, issued_on, note,"
                + " added_by, added_at FROM case_invoices WHERE case_id = ? ORDER BY id")) {
      ps.setString(1, caseId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new CaseInvoice(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getObject(6, LocalDate.class),
                  rs.getString(7),
                  rs.getString(8),
                  Transactions.instant(rs, 9)));
        }
      }
    }
    return out;
  }
}
