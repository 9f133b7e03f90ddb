package org.markwatch.storage.rulesconsole;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.markwatch.storage.Ruleset;
import org.markwatch.storage.RulesetStore;
import org.markwatch.storage.Transactions;
import org.markwatch.storage.audit.AuditAction;
import org.markwatch.storage.audit.AuditLog;

/**
 * The publish step of the rules console and of the command line: keeps the rule files of a ruleset
 * ({@code ruleset_files}) beside its row in {@code rulesets}, publishes through {@link
 * RulesetStore} (the newest publication gives the current verdicts, and the pipeline picks it up)
 * and writes the audit row. A rollback is a publication of an older version again, audited as one.
 */
public final class RulesetPublisher {
  private final DataSource dataSource;
  private final RulesetStore rulesets;
  private final AuditLog audit;

  public RulesetPublisher(DataSource dataSource) {
    this(dataSource, new RulesetStore(dataSource), new AuditLog());
  }

  public RulesetPublisher(DataSource dataSource, RulesetStore rulesets, AuditLog audit) {
    this.dataSource = dataSource;
    this.rulesets = rulesets;
    this.audit = audit;
  }

  /**
   * Registers {@code version} as a draft (unless it is known) and stores its files (unless they are
   * stored already: a version is a content hash, so the same version has the same files).
   */
  public Ruleset saveDraft(String version, Map<String, String> files, String author, String note) {
    Ruleset r = rulesets.registerDraft(version, author, note);
    Transactions.run(
        dataSource,
        "store the files of ruleset " + version,
        c -> {
          if (!hasFiles(c, version)) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO ruleset_files (version, path, content) VALUES (?, ?, ?)")) {
              for (var f : new TreeMap<>(files).entrySet()) {
                ps.setString(1, version);
                ps.setString(2, f.getKey());
                ps.setString(3, f.getValue());
                ps.addBatch();
              }
              ps.executeBatch();
            }
          }
          return null;
        });
    return r;
  }

  /** The stored files of a ruleset, by path; empty when none were stored. */
  public Map<String, String> files(String version) {
    return Transactions.run(
        dataSource,
        "read the files of ruleset " + version,
        c -> {
          Map<String, String> out = new TreeMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT path, content FROM ruleset_files WHERE version = ? ORDER BY path")) {
            ps.setString(1, version);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
              }
            }
          }
          return out;
        });
  }

  /**
   * Publishes a ruleset whose files are stored: it becomes the newest publication. Audited.
   *
   * @throws IllegalArgumentException when the version is unknown or has no stored files
   */
  public Ruleset publish(String version, String actor, String note) {
    return publishAudited(version, actor, note == null ? "published" : note);
  }

  /**
   * Publishes an older ruleset again (it becomes the newest publication). Audited as a rollback.
   *
   * @throws IllegalArgumentException when the version was never published
   */
  public Ruleset rollback(String version, String actor) {
    Ruleset r =
        rulesets
            .find(version)
            .orElseThrow(() -> new IllegalArgumentException("unknown ruleset " + version));
    if (r.publishedAt() == null) {
      throw new IllegalArgumentException(
          "ruleset " + version + " was never published: publish it instead of rolling back");
    }
    return publishAudited(version, actor, "rollback to " + version);
  }

  /** Every ruleset, newest publication first (see {@link RulesetStore#list}). */
  public List<Ruleset> history() {
    return rulesets.list();
  }

  public Optional<Ruleset> current() {
    return rulesets.current();
  }

  private Ruleset publishAudited(String version, String actor, String note) {
    if (rulesets.find(version).isEmpty() || files(version).isEmpty()) {
      throw new IllegalArgumentException(
          "ruleset " + version + " has no stored files: save it as a draft first");
    }
    Ruleset published = rulesets.publish(version, actor, note);
    audit.appendNow(
        dataSource,
        actor,
        AuditAction.RULESET_PUBLISHED,
        version,
        note + " (publication " + published.publishSeq() + ")");
    return published;
  }

  private static boolean hasFiles(Connection c, String version) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT COUNT(*) FROM ruleset_files WHERE version = ?")) {
      ps.setString(1, version);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0;
      }
    }
  }
}
