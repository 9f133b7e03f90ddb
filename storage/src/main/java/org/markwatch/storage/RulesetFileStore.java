package org.markwatch.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The files of rulesets published in the database (table {@code ruleset_files}, migration V40):
 * what {@code markwatch rules publish} stores and what the running scoring job loads when the
 * ruleset becomes the newest published one. Validation (compiling, running the rules' examples) is
 * the caller's: storage does not know the detectors ({@code RulesetPublisher} in the pipeline
 * module validates, then stores and publishes through the audited {@code
 * rulesconsole.RulesetPublisher}, as the portal's rules console does).
 */
public final class RulesetFileStore {
  private final DataSource dataSource;
  private final RulesetStore rulesets;

  public RulesetFileStore(DataSource dataSource) {
    this.dataSource = dataSource;
    this.rulesets = new RulesetStore(dataSource);
  }

  /**
   * The newest published ruleset and its files.
   *
   * @param files the stored files by name (brands/..., rules/...); empty when the ruleset was
   *     published without files (a pipeline registers the conf directory's ruleset so when it first
   *     scores with it)
   */
  public record Published(
      String version, long publishSeq, String author, Map<String, String> files) {
    public Published {
      files = Map.copyOf(files);
    }

    public boolean hasFiles() {
      return !files.isEmpty();
    }
  }

  /**
   * Stores the files of {@code version} as a draft (once: the version is their content hash, so
   * stored files never change); publishing is {@code RulesetPublisher}'s (storage's {@code
   * rulesconsole}), which audits it.
   */
  public Ruleset store(String version, Map<String, String> files, String author, String note) {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("a ruleset to store needs its files: " + version);
    }
    Ruleset draft = rulesets.registerDraft(version, author, note);
    Transactions.run(
        dataSource,
        "store the files of ruleset " + version,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  """
                  MERGE INTO ruleset_files t
                  USING (VALUES (CAST(? AS VARCHAR(128)), CAST(? AS VARCHAR(300)), CAST(? AS TEXT)))
                    AS s(version, name, content)
                  ON t.version = s.version AND t.name = s.name
                  WHEN NOT MATCHED THEN INSERT (version, name, content) VALUES (s.version, s.name, s.content)
                  """)) {
            for (var e : new TreeMap<>(files).entrySet()) {
              ps.setString(1, version);
              ps.setString(2, e.getKey());
              ps.setString(3, e.getValue());
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
    return draft;
  }

  /**
   * Stores the files (see {@link #store}), then publishes {@code version} without an audit row: it
   * becomes the newest published ruleset, even if it was published before (a rollback). For tests
   * and tools below the audited {@code RulesetPublisher}.
   */
  public Ruleset publish(String version, Map<String, String> files, String author, String note) {
    store(version, files, author, note);
    return rulesets.publish(version, author, note);
  }

  /** Whether any file of {@code version} is stored (without reading them). */
  public boolean hasFiles(String version) {
    return Transactions.run(
        dataSource,
        "look for the files of ruleset " + version,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT 1 FROM ruleset_files WHERE version = ? FETCH FIRST 1 ROWS ONLY")) {
            ps.setString(1, version);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next();
            }
          }
        });
  }

  /** The stored files of a ruleset version, by name; empty when none were stored. */
  public Map<String, String> files(String version) {
    return Transactions.run(
        dataSource, "read the files of ruleset " + version, c -> files(c, version));
  }

  /** The newest published ruleset (highest publish_seq) with its files, if any is published. */
  public Optional<Published> newestPublished() {
    return Transactions.run(
        dataSource,
        "read the newest published ruleset",
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT version, publish_seq, author FROM rulesets WHERE publish_seq IS NOT NULL"
                          + " ORDER BY publish_seq DESC FETCH FIRST 1 ROWS ONLY");
              ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              return Optional.empty();
            }
            String version = rs.getString(1);
            return Optional.of(
                new Published(version, rs.getLong(2), rs.getString(3), files(c, version)));
          }
        });
  }

  private static Map<String, String> files(Connection c, String version) throws SQLException {
    Map<String, String> out = new TreeMap<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT name, content FROM ruleset_files WHERE version = ?")) {
      ps.setString(1, version);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return out;
  }
}
