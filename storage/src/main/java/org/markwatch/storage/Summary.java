package org.markwatch.storage;

import java.util.List;

/**
 * Counts over the whole database for the demo summary and the portal's front page. Every list is
 * ordered by count, largest first, then by key.
 *
 * @param listings listings stored
 * @param flagged listings whose latest verdict is flagged
 * @param flaggedByViolation flagged listings per violation id; a listing with two violations counts
 *     under both
 * @param topFlaggedSellers sellers with the most flagged listings (at most the requested number)
 * @param byPlatform listings and flagged listings per platform
 */
public record Summary(
    long listings,
    long flagged,
    List<KeyCount> flaggedByViolation,
    List<SellerCount> topFlaggedSellers,
    List<PlatformCount> byPlatform) {
  public Summary {
    flaggedByViolation = List.copyOf(flaggedByViolation);
    topFlaggedSellers = List.copyOf(topFlaggedSellers);
    byPlatform = List.copyOf(byPlatform);
  }

  /** A key (violation id) and how many listings it has. */
  public record KeyCount(String key, long count) {}

  /** A seller, its name when known, and its flagged and total stored listings. */
  public record SellerCount(
      String sellerId, String name, String platform, long flagged, long listings) {}

  /** A platform with its stored and flagged listings. */
  public record PlatformCount(String platform, long listings, long flagged) {}
}
