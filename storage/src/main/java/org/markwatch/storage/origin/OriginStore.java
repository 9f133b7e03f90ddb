package org.markwatch.storage.origin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
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

  public void registerProduct(String id, String brandId, String name, String owner, String actor) {
    require(id, "product id");
    require(brandId, "brand");
    require(name, "product name");
    require(owner, "brand owner");
    Transactions.run(
        dataSource,
        "register product " + id,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO genuine_products (id, brand_id, name, owner_name, registered_by,"
                      + " registered_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, id.strip());
            ps.setString(2, brandId.strip());
            ps.setString(3, name.strip());
            ps.setString(4, owner.strip());
            ps.setString(5, actor);
            ps.setObject(6, Transactions.at(clock.instant()));
            ps.executeUpdate();
          }
          audit.append(c, actor, AuditAction.ORIGIN_REGISTERED, id, "product " + name);
          return null;
        });
  }

  /** Adds a GTIN to a product; the check digit must be right. */
  public void addGtin(String productId, String gtin, String actor) {
    String g = gtin == null ? "" : gtin.strip();
    if (!Gtin.isValid(g)) {
      throw new IllegalArgumentException(
          "GTIN '" + gtin + "': expected 8, 12, 13 or 14 digits with a valid check digit");
    }
    addCode(productId, "gtin", Gtin.normalise(g), null, null, null, actor, "gtin " + g);
  }

  /** Adds a serial range ({@code prefix} + numbers {@code from}..{@code to}) to a product. */
  public void addSerialRange(String productId, String prefix, long from, long to, String actor) {
    String p = prefix == null ? "" : prefix.strip().toUpperCase(Locale.ROOT);
    if (!p.matches("[A-Z0-9-]*[A-Z-]")) {
      throw new IllegalArgumentException(
          "serial prefix '" + prefix + "': letters, digits and dashes, ending in a letter or dash");
    }
    if (from < 0 || from > to) {
      throw new IllegalArgumentException("serial range: expected 0 <= from <= to");
    }
    addCode(productId, "serial_range", null, p, from, to, actor, "serials " + p + from + ".." + to);
  }

  private void addCode(
      String productId,
      String kind,
      String gtin,
      String prefix,
      Long from,
      Long to,
      String actor,
      String detail) {
    Transactions.run(
        dataSource,
        "add a code to product " + productId,
        c -> {
          if (!exists(c, productId)) {
            throw new IllegalArgumentException("no product '" + productId + "'");
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO product_codes (product_id, kind, gtin, serial_prefix, serial_from,"
                      + " serial_to, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, productId);
            ps.setString(2, kind);
            ps.setString(3, gtin);
            ps.setString(4, prefix);
            ps.setObject(5, from);
            ps.setObject(6, to);
            ps.setObject(7, Transactions.at(clock.instant()));
            ps.executeUpdate();
          }
          audit.append(c, actor, AuditAction.ORIGIN_REGISTERED, productId, detail);
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
    require(brandId, "brand");
    require(name, "seller name");
    String host =
        shopHost == null || shopHost.isBlank() ? null : shopHost.strip().toLowerCase(Locale.ROOT);
    String seller = sellerId == null || sellerId.isBlank() ? null : sellerId.strip();
    if (host == null && seller == null) {
      throw new IllegalArgumentException("authorised seller: give its seller id or shop host");
    }
    Transactions.run(
        dataSource,
        "authorise seller " + name,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO authorised_sellers (brand_id, seller_id, shop_host, name,"
                      + " valid_until, registered_by, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, brandId.strip());
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
              "authorised seller of " + brandId);
          return null;
        });
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
      if (!Gtin.isValid(c0)) {
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
                      Gtin.normalise(c0),
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
    String tax = TaxCode.check(sellerTaxCode);
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

  private static boolean exists(Connection c, String productId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM genuine_products WHERE id = ?")) {
      ps.setString(1, productId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static void require(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + ": missing");
    }
  }
}
