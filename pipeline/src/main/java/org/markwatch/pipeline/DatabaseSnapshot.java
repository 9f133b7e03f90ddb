package org.markwatch.pipeline;

/**
 * What the running job reads from the database every refresh interval and broadcasts to every
 * scoring and evidence subtask. A part that did not change since the previous snapshot is empty.
 *
 * @param rulesetVersion the newest published ruleset, when it has stored files and changed
 * @param rulesetFilesJson its files ({@code {"brands/core.yaml": "...", ...}})
 * @param offendersJson confirmed violators ({@code RepeatOffenders.Snapshot} as JSON)
 * @param catalogFactsJson observed prices and authorised sellers ({@code CatalogFacts} as JSON)
 */
public record DatabaseSnapshot(
    long seq,
    String rulesetVersion,
    String rulesetFilesJson,
    String offendersJson,
    String catalogFactsJson) {
  public DatabaseSnapshot(
      long seq, String rulesetVersion, String rulesetFilesJson, String offendersJson) {
    this(seq, rulesetVersion, rulesetFilesJson, offendersJson, null);
  }
}
