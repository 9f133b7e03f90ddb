package org.markwatch.storage.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.markwatch.storage.Transactions;
import org.markwatch.storage.audit.AuditAction;
import org.markwatch.storage.audit.AuditLog;

/**
 * API clients and their bearer tokens: 256 random bits, shown once at creation, stored as their
 * SHA-256 (a token that random needs no slow hash, and the lookup is by hash). A token of a revoked
 * or expired client authenticates nobody. Creation and revocation are audited.
 */
public final class ApiClientStore {
  private static final Pattern SCOPE = Pattern.compile("[a-z_]+:(read|write)");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final DataSource dataSource;
  private final Clock clock;
  private final AuditLog audit;

  public ApiClientStore(DataSource dataSource) {
    this(dataSource, Clock.systemUTC());
  }

  public ApiClientStore(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.audit = new AuditLog(clock);
  }

  /** A new client and its token (shown once; keep it secret). */
  public record Created(ApiClient client, String token) {}

  public Created create(
      String id,
      String name,
      String agencyCode,
      String provinceCode,
      Set<String> scopes,
      Instant expiresAt,
      String actor) {
    for (String s : scopes) {
      if (!SCOPE.matcher(s).matches()) {
        throw new IllegalArgumentException(
            "scope '" + s + "': expected area:read or area:write, e.g. violators:read");
      }
    }
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String token = "mw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    ApiClient c =
        Transactions.run(
            dataSource,
            "create API client " + id,
            conn -> {
              try (PreparedStatement ps =
                  conn.prepareStatement(
                      "INSERT INTO api_clients (id, name, agency_code, province_code,"
                          + " token_sha256, scopes, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, name);
                ps.setString(3, agencyCode);
                ps.setString(4, provinceCode);
                ps.setString(5, sha256(token));
                ps.setString(6, String.join(" ", new java.util.TreeSet<>(scopes)));
                ps.setObject(7, Transactions.at(clock.instant()));
                ps.setObject(8, expiresAt == null ? null : Transactions.at(expiresAt));
                ps.executeUpdate();
              }
              audit.append(conn, actor, AuditAction.API_CLIENT_CREATED, id, "scopes=" + scopes);
              return find(conn, "id = ?", id).orElseThrow();
            });
    return new Created(c, token);
  }

  /** The client a bearer token belongs to, if it is valid now; records its last use. */
  public Optional<ApiClient> authenticate(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    String hash = sha256(token.strip());
    return Transactions.run(
        dataSource,
        "check an API token",
        c -> {
          Optional<ApiClient> found = find(c, "token_sha256 = ?", hash);
          Instant now = clock.instant();
          if (found.isEmpty()
              || found.get().revokedAt() != null
              || (found.get().expiresAt() != null && !found.get().expiresAt().isAfter(now))) {
            return Optional.empty();
          }
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE api_clients SET last_used_at = ? WHERE id = ?")) {
            ps.setObject(1, Transactions.at(now));
            ps.setString(2, found.get().id());
            ps.executeUpdate();
          }
          return found;
        });
  }

  public void revoke(String id, String actor) {
    Transactions.run(
        dataSource,
        "revoke API client " + id,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE api_clients SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
            ps.setObject(1, Transactions.at(clock.instant()));
            ps.setString(2, id);
            if (ps.executeUpdate() == 0) {
              throw new IllegalArgumentException("no active API client '" + id + "'");
            }
          }
          audit.append(c, actor, AuditAction.API_CLIENT_REVOKED, id, null);
          return null;
        });
  }

  public List<ApiClient> list() {
    return Transactions.run(
        dataSource,
        "list API clients",
        c -> {
          List<ApiClient> out = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY id");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(read(rs));
            }
          }
          return out;
        });
  }

  private static final String SELECT =
      "SELECT id, name, agency_code, province_code, scopes, created_at, expires_at,"
          + " revoked_at, last_used_at FROM api_clients";

  private static Optional<ApiClient> find(Connection c, String where, String param)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE " + where)) {
      ps.setString(1, param);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  private static ApiClient read(ResultSet rs) throws SQLException {
    return new ApiClient(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        new LinkedHashSet<>(Arrays.asList(rs.getString(5).split(" "))),
        Transactions.instant(rs, 6),
        Transactions.instant(rs, 7),
        Transactions.instant(rs, 8),
        Transactions.instant(rs, 9));
  }

  static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
