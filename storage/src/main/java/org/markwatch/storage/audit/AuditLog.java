package org.markwatch.storage.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.markwatch.storage.StorageException;
import org.markwatch.storage.Transactions;

/**
 * The append-only, hash-chained audit log. {@link #append} runs inside the caller's transaction, so
 * a decision and its audit row commit together or not at all. Appends are serialised by the row
 * lock on {@code audit_head} (held to the end of the transaction), which keeps seq free of gaps and
 * the chain in commit order; that order is also the export cursor of the sharing module.
 */
public final class AuditLog {
  public static final String GENESIS = "0".repeat(64);
  private static final int MAX_SUBJECT = 512;
  private static final int MAX_DETAIL = 8000;

  private final Clock clock;

  public AuditLog() {
    this(Clock.systemUTC());
  }

  public AuditLog(Clock clock) {
    this.clock = clock;
  }

  /**
   * Appends one row in the transaction of {@code c} (autocommit off: the caller commits).
   *
   * @return the row's seq
   */
  public long append(Connection c, String actor, AuditAction action, String subject, String detail)
      throws SQLException {
    return append(c, actor, action.sql(), subject, detail);
  }

  long append(Connection c, String actor, String action, String subject, String detail)
      throws SQLException {
    if (c.getAutoCommit()) {
      throw new IllegalStateException(
          "audit rows are appended inside the caller's transaction (autocommit off)");
    }
    subject = clip(subject, MAX_SUBJECT);
    detail = clip(detail, MAX_DETAIL);
    try (PreparedStatement lock =
        c.prepareStatement("UPDATE audit_head SET seq = seq + 1 WHERE id = 1")) {
      if (lock.executeUpdate() != 1) {
        throw new SQLException("audit_head row missing: the audit log was tampered with", "55000");
      }
    }
    long seq;
    String prev;
    try (PreparedStatement ps =
            c.prepareStatement("SELECT seq, row_hash FROM audit_head WHERE id = 1");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      seq = rs.getLong(1);
      prev = rs.getString(2).strip();
    }
    Instant at = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    String hash = hash(seq, at, actor, action, subject, detail, prev);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO audit_log"
                + " (seq, at, actor, action, subject, detail, prev_hash, row_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, seq);
      ps.setObject(2, at.atOffset(ZoneOffset.UTC));
      ps.setString(3, actor);
      ps.setString(4, action);
      ps.setString(5, subject);
      ps.setString(6, detail);
      ps.setString(7, prev);
      ps.setString(8, hash);
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE audit_head SET row_hash = ? WHERE id = 1")) {
      ps.setString(1, hash);
      ps.executeUpdate();
    }
    return seq;
  }

  /** Appends one row in its own transaction (a login, a failed login: nothing else to commit). */
  public long appendNow(
      DataSource dataSource, String actor, AuditAction action, String subject, String detail) {
    return Transactions.run(
        dataSource, "append to the audit log", c -> append(c, actor, action, subject, detail));
  }

  /** Rows with seq greater than {@code afterSeq}, oldest first, at most {@code limit}. */
  public List<AuditEntry> read(DataSource dataSource, long afterSeq, int limit) {
    String sql =
        "SELECT seq, at, actor, action, subject, detail, prev_hash, row_hash FROM audit_log"
            + " WHERE seq > ? ORDER BY seq LIMIT ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, afterSeq);
      ps.setInt(2, limit);
      List<AuditEntry> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(row(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StorageException("cannot read the audit log: " + e.getMessage(), e);
    }
  }

  static AuditEntry row(ResultSet rs) throws SQLException {
    return new AuditEntry(
        rs.getLong(1),
        rs.getObject(2, OffsetDateTime.class).toInstant(),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        strip(rs.getString(7)),
        strip(rs.getString(8)));
  }

  private static String strip(String s) {
    return s == null ? null : s.strip();
  }

  /**
   * SHA-256 over the fields, each length-prefixed so no two different rows hash the same input; the
   * time as epoch microseconds (both databases keep microseconds).
   */
  public static String hash(
      long seq,
      Instant at,
      String actor,
      String action,
      String subject,
      String detail,
      String prevHash) {
    MessageDigest d;
    try {
      d = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
    for (String field :
        new String[] {
          Long.toString(seq), Long.toString(micros), actor, action, subject, detail, prevHash
        }) {
      if (field == null) {
        d.update("-1:".getBytes(StandardCharsets.UTF_8));
      } else {
        byte[] b = field.getBytes(StandardCharsets.UTF_8);
        d.update((b.length + ":").getBytes(StandardCharsets.UTF_8));
        d.update(b);
      }
    }
    return HexFormat.of().formatHex(d.digest());
  }

  private static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
