package org.markwatch.storage;

import java.util.Objects;
import org.markwatch.model.Listing;
import org.markwatch.model.Scored;

/**
 * A listing observation with the verdict on it: the unit {@link ListingStore} writes.
 *
 * @param supersedes this verdict replaces an earlier one of the same observation and ruleset even
 *     when its score is lower: the pipeline's shop-level evidence revises a listing's verdict as
 *     its shop's other listings come in, and the last revision is the one that holds (without it,
 *     the higher score wins, whatever order verdicts arrive in)
 */
public record ScoredListing(Listing listing, Scored scored, boolean supersedes) {
  public ScoredListing {
    Objects.requireNonNull(listing, "listing");
    Objects.requireNonNull(scored, "scored");
    if (!listing.id().equals(scored.listingId())) {
      throw new IllegalArgumentException(
          "verdict is for listing " + scored.listingId() + ", not " + listing.id());
    }
  }

  /** A verdict that replaces an earlier one of the same observation and ruleset only if higher. */
  public ScoredListing(Listing listing, Scored scored) {
    this(listing, scored, false);
  }
}
