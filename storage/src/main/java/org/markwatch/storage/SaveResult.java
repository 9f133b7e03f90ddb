package org.markwatch.storage;

import java.util.List;

/**
 * What {@link ListingStore#saveAll} did with a batch: how many records were stored and which
 * were refused, each with its index in the batch and the reason.
 */
public record SaveResult(int stored, List<Rejected> rejected) {
  public SaveResult {
    rejected = List.copyOf(rejected);
  }

  /** A record of the batch that was not stored. */
  public record Rejected(int index, String listingId, String reason) {}
}
