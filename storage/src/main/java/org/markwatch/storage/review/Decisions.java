package org.markwatch.storage.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.markwatch.storage.Transactions;

/** Rows of table decisions. */
public final class Decisions {
  private Decisions() {}

  static final String COLUMNS =
      "id, decision_key, listing_id, from_state, to_state, reason_code, note, evidence_refs,"
          + " decided_by, decided_at, ruleset_version, score, origin";

  /** Inserts a decision (its id is ignored, the database gives one); returns the new id. */
  public static long insert(Connection c, Decision d) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO decisions (decision_key, listing_id, from_state,"
                + " to_state, reason_code, note, evidence_refs, decided_by, decided_at, ruleset_version, score, origin)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, d.decisionKey());
      ps.setString(2, d.listingId());
      ps.setString(3, d.from().sql());
      ps.setString(4, d.to().sql());
      ps.setString(5, d.reasonCode());
      ps.setString(6, d.note());
      ps.setString(7, d.evidenceRefs().isEmpty() ? null : String.join("\n", d.evidenceRefs()));
      ps.setString(8, d.decidedBy());
      ps.setObject(9, Transactions.at(d.decidedAt()));
      ps.setString(10, d.rulesetVersion());
      if (d.score() == null) {
        ps.setNull(11, Types.DOUBLE);
      } else {
        ps.setDouble(11, d.score());
      }
      ps.setString(12, d.origin());
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  public static void setAuditSeq(Connection c, long id, long seq) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE decisions SET audit_seq = ? WHERE id = ?")) {
      ps.setLong(1, seq);
      ps.setLong(2, id);
      ps.executeUpdate();
    }
  }

  public static Optional<Decision> find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + COLUMNS + " FROM decisions WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  public static Optional<Decision> findByKey(Connection c, String key) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + COLUMNS + " FROM decisions WHERE decision_key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  static List<Decision> forListing(Connection c, String listingId) throws SQLException {
    List<Decision> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT " + COLUMNS + " FROM decisions WHERE listing_id = ? ORDER BY decided_at, id")) {
      ps.setString(1, listingId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(read(rs));
        }
      }
    }
    return out;
  }

  /** Reads a row selected with {@link #COLUMNS} first. */
  public static Decision read(ResultSet rs) throws SQLException {
    double score = rs.getDouble(12);
    Double scoreOrNull = rs.wasNull() ? null : score;
    return new Decision(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        ReviewState.parse(rs.getString(4)),
        ReviewState.parse(rs.getString(5)),
        rs.getString(6),
        rs.getString(7),
        ReviewStore.splitLines(rs.getString(8)),
        rs.getString(9),
        Transactions.instant(rs, 10),
        rs.getString(11),
        scoreOrNull,
        rs.getString(13));
  }

  public static String columns() {
    return COLUMNS;
  }
}
