package org.markwatch.storage.users;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.markwatch.storage.Transactions;
import org.markwatch.storage.audit.AuditAction;
import org.markwatch.storage.audit.AuditLog;

/**
 * Users, their roles and their logins. Passwords are Argon2id hashes; failed logins are counted in
 * the database (every portal node sees them) and lock the account as {@link LoginPolicy} says.
 * Every change and every login, failed or not, is written to the audit log in the same transaction.
 */
public final class UserStore {
  private final DataSource dataSource;
  private final PasswordHasher hasher;
  private final LoginPolicy policy;
  private final AuditLog audit;
  private final Clock clock;

  /** Verified against when the user does not exist, so the answer takes as long either way. */
  private final String decoyHash;

  public UserStore(DataSource dataSource) {
    this(dataSource, new PasswordHasher(), LoginPolicy.standard(), Clock.systemUTC());
  }

  public UserStore(DataSource dataSource, PasswordHasher hasher, LoginPolicy policy, Clock clock) {
    this.dataSource = dataSource;
    this.hasher = hasher;
    this.policy = policy;
    this.clock = clock;
    this.audit = new AuditLog(clock);
    this.decoyHash = hasher.hash("decoy password that no user has");
  }

  /**
   * Adds a user with a password (checked for strength), audited as done by {@code actor}.
   *
   * @throws IllegalArgumentException when the user exists, a role/agency/province is unknown or the
   *     password is weak
   */
  public User add(NewUser u, CharSequence password, boolean mustChangePassword, String actor) {
    PasswordHasher.checkStrength(password);
    String hash = hasher.hash(password);
    return inTransaction(
        "add user " + u.username(),
        c -> {
          if (find(c, u.username()).isPresent()) {
            throw new IllegalArgumentException("user '" + u.username() + "' already exists");
          }
          requireKnown(c, "provinces", "code", u.provinceCode(), "province");
          requireKnown(c, "agencies", "code", u.agencyCode(), "agency");
          OffsetDateTime now = now();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO users (username, display_name, agency_code,"
                      + " province_code, password_hash, disabled, must_change_password, created_at, password_changed_at)"
                      + " VALUES (?, ?, ?, ?, ?, FALSE, ?, ?, ?)")) {
            ps.setString(1, u.username());
            ps.setString(2, u.displayName());
            ps.setString(3, u.agencyCode());
            ps.setString(4, u.provinceCode());
            ps.setString(5, hash);
            ps.setBoolean(6, mustChangePassword);
            ps.setObject(7, now);
            ps.setObject(8, now);
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement("INSERT INTO user_roles (username, role) VALUES (?, ?)")) {
            for (Role r : u.roles()) {
              ps.setString(1, u.username());
              ps.setString(2, r.sql());
              ps.addBatch();
            }
            ps.executeBatch();
          }
          audit.append(
              c,
              actor,
              AuditAction.USER_ADDED,
              u.username(),
              "roles="
                  + u.roles().stream().map(Role::sql).sorted().toList()
                  + " province="
                  + (u.provinceCode() == null ? "national" : u.provinceCode())
                  + " agency="
                  + u.agencyCode());
          return find(c, u.username()).orElseThrow();
        });
  }

  public Optional<User> find(String username) {
    return inTransaction("read user " + username, c -> find(c, username));
  }

  public List<User> list() {
    return inTransaction(
        "list users",
        c -> {
          List<User> out = new ArrayList<>();
          for (String name : names(c)) {
            out.add(find(c, name).orElseThrow());
          }
          return out;
        });
  }

  public long count() {
    return inTransaction(
        "count users",
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM users");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  /** Disables (or enables again) a user: a disabled user cannot log in. */
  public User setDisabled(String username, boolean disabled, String actor) {
    return inTransaction(
        (disabled ? "disable" : "enable") + " user " + username,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE users SET disabled = ? WHERE username = ?")) {
            ps.setBoolean(1, disabled);
            ps.setString(2, username);
            if (ps.executeUpdate() == 0) {
              throw new IllegalArgumentException("no user '" + username + "'");
            }
          }
          audit.append(
              c,
              actor,
              disabled ? AuditAction.USER_DISABLED : AuditAction.USER_ENABLED,
              username,
              null);
          return find(c, username).orElseThrow();
        });
  }

  /** Sets a new password and clears failed logins and any lockout. */
  public User resetPassword(
      String username, CharSequence password, boolean mustChangePassword, String actor) {
    PasswordHasher.checkStrength(password);
    String hash = hasher.hash(password);
    return inTransaction(
        "reset the password of " + username,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE users SET password_hash = ?, password_changed_at = ?,"
                      + " must_change_password = ?, failed_logins = 0, locked_until = NULL WHERE username = ?")) {
            ps.setString(1, hash);
            ps.setObject(2, now());
            ps.setBoolean(3, mustChangePassword);
            ps.setString(4, username);
            if (ps.executeUpdate() == 0) {
              throw new IllegalArgumentException("no user '" + username + "'");
            }
          }
          audit.append(
              c,
              actor,
              AuditAction.PASSWORD_RESET,
              username,
              mustChangePassword ? "must change" : null);
          return find(c, username).orElseThrow();
        });
  }

  /**
   * Checks a login. A locked or disabled account is refused without looking at the password; a
   * wrong password counts a failure (and may lock the account); a success clears the count. Every
   * attempt is audited ({@code login} or {@code login_failed}, with the source given).
   */
  public LoginResult authenticate(String username, CharSequence password, String source) {
    String name = username == null ? "" : username.strip();
    Instant now = clock.instant();
    Optional<String[]> stored = inTransaction("read user " + name, c -> hashOf(c, name));
    boolean ok =
        hasher.verify(password == null ? "" : password, stored.map(s -> s[0]).orElse(decoyHash))
            && stored.isPresent();
    return inTransaction(
        "record the login of " + name,
        c -> {
          Optional<User> user = find(c, name, true);
          String from = "from=" + (source == null ? "?" : source);
          if (user.isEmpty()) {
            audit.append(c, name, AuditAction.LOGIN_FAILED, name, from + " unknown user");
            return new LoginResult(LoginResult.Outcome.BAD_CREDENTIALS, null, null);
          }
          User u = user.get();
          if (u.disabled()) {
            audit.append(c, name, AuditAction.LOGIN_FAILED, name, from + " disabled");
            return new LoginResult(LoginResult.Outcome.DISABLED, null, null);
          }
          if (u.lockedUntil() != null && u.lockedUntil().isAfter(now)) {
            audit.append(
                c, name, AuditAction.LOGIN_FAILED, name, from + " locked until " + u.lockedUntil());
            return new LoginResult(LoginResult.Outcome.LOCKED, null, u.lockedUntil());
          }
          if (!ok) {
            int failures = u.failedLogins() + 1;
            Duration lock = policy.lockoutAfter(failures);
            Instant until = lock.isZero() ? null : now.plus(lock).truncatedTo(ChronoUnit.MICROS);
            try (PreparedStatement ps =
                c.prepareStatement(
                    "UPDATE users SET failed_logins = ?,"
                        + " last_failed_login_at = ?, locked_until = ? WHERE username = ?")) {
              ps.setInt(1, failures);
              ps.setObject(2, at(now));
              if (until == null) {
                ps.setNull(3, Types.TIMESTAMP_WITH_TIMEZONE);
              } else {
                ps.setObject(3, at(until));
              }
              ps.setString(4, name);
              ps.executeUpdate();
            }
            audit.append(
                c,
                name,
                AuditAction.LOGIN_FAILED,
                name,
                from
                    + " wrong password, "
                    + failures
                    + " in a row"
                    + (until == null ? "" : ", locked until " + until));
            return until == null
                ? new LoginResult(LoginResult.Outcome.BAD_CREDENTIALS, null, null)
                : new LoginResult(LoginResult.Outcome.LOCKED, null, until);
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE users SET failed_logins = 0, locked_until = NULL,"
                      + " last_login_at = ? WHERE username = ?")) {
            ps.setObject(1, at(now));
            ps.setString(2, name);
            ps.executeUpdate();
          }
          audit.append(c, name, AuditAction.LOGIN, name, from);
          return new LoginResult(LoginResult.Outcome.SUCCESS, find(c, name).orElseThrow(), null);
        });
  }

  // ---- rows

  private static Optional<String[]> hashOf(Connection c, String username) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT password_hash FROM users WHERE username = ?")) {
      ps.setString(1, username);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new String[] {rs.getString(1)}) : Optional.empty();
      }
    }
  }

  private static List<String> names(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT username FROM users ORDER BY username");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static Optional<User> find(Connection c, String username) throws SQLException {
    return find(c, username, false);
  }

  /**
   * With {@code forUpdate}, the row stays locked to the end of the transaction (two failed logins
   * at once both count).
   */
  private static Optional<User> find(Connection c, String username, boolean forUpdate)
      throws SQLException {
    String sql =
        "SELECT username, display_name, agency_code, province_code, disabled, must_change_password,"
            + " created_at, last_login_at, failed_logins, locked_until FROM users WHERE username = ?"
            + (forUpdate ? " FOR UPDATE" : "");
    Map<String, Object[]> row = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, username);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        row.put(
            "u",
            new Object[] {
              rs.getString(1),
              rs.getString(2),
              rs.getString(3),
              rs.getString(4),
              rs.getBoolean(5),
              rs.getBoolean(6),
              instant(rs, 7),
              instant(rs, 8),
              rs.getInt(9),
              instant(rs, 10)
            });
      }
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    try (PreparedStatement ps =
        c.prepareStatement("SELECT role FROM user_roles WHERE username = ?")) {
      ps.setString(1, username);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          roles.add(Role.parse(rs.getString(1)));
        }
      }
    }
    Object[] r = row.get("u");
    return Optional.of(
        new User(
            (String) r[0],
            (String) r[1],
            (String) r[2],
            (String) r[3],
            roles,
            (Boolean) r[4],
            (Boolean) r[5],
            (Instant) r[6],
            (Instant) r[7],
            (Integer) r[8],
            (Instant) r[9]));
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static void requireKnown(
      Connection c, String table, String column, String value, String what) throws SQLException {
    if (value == null) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM " + table + " WHERE " + column + " = ?")) {
      ps.setString(1, value);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalArgumentException(
              "unknown "
                  + what
                  + " '"
                  + value
                  + "'"
                  + ("province".equals(what)
                      ? " (see `markwatch db provinces` for the 34 codes)"
                      : ""));
        }
      }
    }
  }

  private OffsetDateTime now() {
    return at(clock.instant());
  }

  private static OffsetDateTime at(Instant i) {
    return i.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  private <T> T inTransaction(String what, Transactions.Work<T> work) {
    return Transactions.run(dataSource, what, work);
  }
}
