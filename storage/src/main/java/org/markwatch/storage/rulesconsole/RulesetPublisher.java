package org.markwatch.storage.rulesconsole;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.markwatch.storage.Ruleset;
import org.markwatch.storage.RulesetFileStore;
import org.markwatch.storage.RulesetStore;
import org.markwatch.storage.audit.AuditAction;
import org.markwatch.storage.audit.AuditLog;

/**
 * The publish step of the rules console and of the command line: keeps the rule files of a ruleset
 * ({@code ruleset_files}, through {@link RulesetFileStore}) beside its row in {@code rulesets},
 * publishes through {@link RulesetStore} (the newest publication gives the current verdicts, and
 * the pipeline picks it up) and writes the audit row. A rollback is a publication of an older
 * version again, audited as one.
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
    return files().store(version, files, author, note);
  }

  /**
   * The stored files of a ruleset, by name (rules/..., brands/...); empty when none were stored.
   */
  public Map<String, String> files(String version) {
    return files().files(version);
  }

  private RulesetFileStore files() {
    return new RulesetFileStore(dataSource);
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
    if (rulesets.find(version).isEmpty() || !files().hasFiles(version)) {
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
}
