package org.markwatch.storage;

import java.util.Objects;
import org.markwatch.model.Listing;
import org.markwatch.model.Scored;

/** A listing observation with the verdict on it: the unit {@link ListingStore} writes. */
public record ScoredListing(Listing listing, Scored scored) {
  public ScoredListing {
    Objects.requireNonNull(listing, "listing");
    Objects.requireNonNull(scored, "scored");
    if (!listing.id().equals(scored.listingId())) {
      throw new IllegalArgumentException(
          "verdict is for listing " + scored.listingId() + ", not " + listing.id());
    }
  }
}
