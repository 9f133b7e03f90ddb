package org.markwatch.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

/**
 * What {@code markwatch db status} prints: the schema version, pending migrations, row counts of
 * the main tables and the review states, the current ruleset and the audit log's length.
 */
public record DatabaseStatus(
    String schemaVersion,
    List<String> pending,
    Map<String, Long> rows,
    Map<String, Long> reviewStates,
    String currentRuleset,
    long auditRows) {

  private static final List<String> TABLES =
      List.of(
          "listings",
          "observations",
          "sellers",
          "verdicts",
          "observation_verdicts",
          "rulesets",
          "reviews",
          "decisions",
          "cases",
          "case_actions",
          "violators",
          "users",
          "api_clients",
          "audit_log");

  /** Reads the status without migrating (the pending migrations are listed, not applied). */
  public static DatabaseStatus read(DataSource dataSource) {
    MigrationInfoService info =
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().info();
    MigrationInfo current = info.current();
    List<String> pending =
        java.util.Arrays.stream(info.pending())
            .map(m -> "V" + m.getVersion() + " " + m.getDescription())
            .toList();
    Map<String, Long> rows = new LinkedHashMap<>();
    Map<String, Long> states = new LinkedHashMap<>();
    String ruleset = null;
    long audit = 0;
    try (Connection c = dataSource.getConnection()) {
      for (String t : TABLES) {
        rows.put(t, count(c, "SELECT COUNT(*) FROM " + t));
      }
      try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT state, COUNT(*) FROM reviews GROUP BY state ORDER BY state");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          states.put(rs.getString(1), rs.getLong(2));
        }
      }
      try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT version FROM rulesets WHERE publish_seq = (SELECT MAX(publish_seq) FROM rulesets)");
          ResultSet rs = ps.executeQuery()) {
        ruleset = rs.next() ? rs.getString(1) : null;
      }
      audit = rows.getOrDefault("audit_log", 0L);
    } catch (SQLException e) {
      if (pending.isEmpty()) {
        throw new StorageException(
            "cannot read the database status: " + ListingStore.describe(e), e);
      }
      // An old schema lacks some tables: the pending list says what to do.
    }
    return new DatabaseStatus(
        current == null ? "none" : current.getVersion().getVersion(),
        pending,
        rows,
        states,
        ruleset,
        audit);
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
