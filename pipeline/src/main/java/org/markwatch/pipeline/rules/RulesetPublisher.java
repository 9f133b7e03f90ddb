package org.markwatch.pipeline.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.markwatch.detectors.DetectorConfig;
import org.markwatch.detectors.RulesetGate;
import org.markwatch.storage.Ruleset;

/**
 * Publishes a ruleset in the central database, where a running scoring job picks it up (its
 * database refresh, a broadcast stream, compiles it again and swaps it in without a restart). Used
 * by {@code markwatch rules publish DIR} and by the portal's rules console: one code path.
 *
 * <p>A candidate is published only when it compiles and every rule's examples pass ({@link
 * RulesetGate#admit}); otherwise nothing is stored and {@link Outcome#problems} says why (file,
 * line, rule, failing example). The version is the content hash of the brand and rule files (the
 * {@code rulesetVersion} its verdicts carry); the files are stored under their names ({@code
 * brands/...}, {@code rules/...}) in {@code ruleset_files}, then the ruleset becomes the newest
 * published one with its author and note, audited (storage's {@code rulesconsole.RulesetPublisher},
 * the portal's path too). Publishing a version again (a rollback) makes it the newest again.
 */
public final class RulesetPublisher {
  private final org.markwatch.storage.rulesconsole.RulesetPublisher store;

  public RulesetPublisher(DataSource dataSource) {
    this.store = new org.markwatch.storage.rulesconsole.RulesetPublisher(dataSource);
  }

  /**
   * @param version the content-hash version, when published or when refused after compiling (null
   *     when it did not compile)
   * @param rules the number of rules in it
   * @param problems why it was refused; empty when published
   * @param publishSeq its place among publications (highest = newest); null when refused
   */
  public record Outcome(String version, int rules, List<String> problems, Long publishSeq) {
    public boolean published() {
      return problems.isEmpty();
    }
  }

  /** Validates, then stores and publishes {@code candidate}; see the class comment. */
  public Outcome publish(DetectorConfig candidate, String author, String note) {
    if (author == null || author.isBlank()) {
      throw new IllegalArgumentException("a publication needs its author");
    }
    List<String> names = new ArrayList<>();
    for (String name : candidate.brandFiles().keySet()) {
      if (!name.startsWith("brands/")) {
        names.add(name + ": a brand file's name must start with brands/");
      }
    }
    for (String name : candidate.ruleFiles().keySet()) {
      if (!name.startsWith("rules/")) {
        names.add(name + ": a rule file's name must start with rules/");
      }
    }
    if (!names.isEmpty()) {
      return new Outcome(null, 0, names, null);
    }
    RulesetGate.Admission admission;
    try {
      admission = RulesetGate.admit(candidate);
    } catch (RuntimeException | StackOverflowError e) {
      // a rule's regular expression can overflow the stack on its own example
      return new Outcome(
          null, 0, List.of(e.getClass().getSimpleName() + ": " + e.getMessage()), null);
    }
    if (!admission.admitted()) {
      return new Outcome(null, 0, admission.problems(), null);
    }
    String version;
    int rules;
    try (var d = admission.detectors()) {
      version = d.rulesetVersion();
      rules = d.rules().size();
    }
    Map<String, String> all = new TreeMap<>(candidate.brandFiles());
    all.putAll(candidate.ruleFiles());
    store.saveDraft(version, all, author, note);
    Ruleset r = store.publish(version, author, note);
    return new Outcome(version, rules, List.of(), r.publishSeq());
  }

  /**
   * The configuration of a published version: its stored files over the running job's own ({@code
   * base}, the conf directory's). A version stored by {@code rules publish} holds every brand and
   * rule file; one saved by the portal's rules console holds the rule files and the operators'
   * brand file, the rest of the catalog being the conf directory's, as it was when the console
   * compiled it (so the version, a content hash, comes out the same).
   */
  public static DetectorConfig config(DetectorConfig base, Map<String, String> storedFiles) {
    Map<String, String> brands = new TreeMap<>(base.brandFiles());
    Map<String, String> rules = new TreeMap<>();
    storedFiles.forEach((k, v) -> (k.startsWith("brands/") ? brands : rules).put(k, v));
    return new DetectorConfig(brands, rules.isEmpty() ? base.ruleFiles() : rules);
  }
}
