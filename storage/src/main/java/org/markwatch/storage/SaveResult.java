package org.markwatch.storage;

import java.util.List;

/**
 * What {@link ListingStore#saveAll} did with a batch: how many records were stored, which were
 * refused (each with its index in the batch and the reason), and how many current verdicts the
 * batch created or replaced ({@code currentVerdicts}: 0 on a replay of the same records with the
 * same ruleset; every listing on a rescore with a newly published ruleset).
 */
public record SaveResult(int stored, List<Rejected> rejected, int currentVerdicts) {
  public SaveResult {
    rejected = List.copyOf(rejected);
  }

  /** A record of the batch that was not stored. */
  public record Rejected(int index, String listingId, String reason) {}
}
