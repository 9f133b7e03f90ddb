package org.markwatch.pipeline;

/**
 * A valid listing with its verdict, as JSON strings, on its way to the database.
 *
 * @param partitionKey the seller id, or the listing id when there is no seller: records with the
 *     same key go to the same writer, so writers never contend for a row
 * @param listingJson the {@code markwatch.listing/1} record
 * @param scoredJson the {@code markwatch.scored/1} verdict
 * @param sourceMillis the input's {@link SpoolLine#sourceMillis()}, 0 when unknown
 * @param facts what the shop-level evidence needs ({@link ShopFacts#NONE} in pass-through)
 * @param supersedes the verdict replaces an earlier one of the same observation and ruleset even
 *     when lower (shop-level evidence's verdicts; see storage's {@code ScoredListing})
 * @param revision a listing sent again with a revised verdict, not a new arrival: not counted as
 *     stored or flagged again, no latency sample
 */
public record ScoredRecord(
    String file,
    long line,
    String listingId,
    String partitionKey,
    String listingJson,
    String scoredJson,
    boolean flagged,
    long sourceMillis,
    ShopFacts facts,
    boolean supersedes,
    boolean revision) {
  public ScoredRecord {
    facts = facts == null ? ShopFacts.NONE : facts;
  }

  public ScoredRecord(
      String file,
      long line,
      String listingId,
      String partitionKey,
      String listingJson,
      String scoredJson,
      boolean flagged,
      long sourceMillis,
      ShopFacts facts) {
    this(
        file,
        line,
        listingId,
        partitionKey,
        listingJson,
        scoredJson,
        flagged,
        sourceMillis,
        facts,
        false,
        false);
  }

  public ScoredRecord(
      String file,
      long line,
      String listingId,
      String partitionKey,
      String listingJson,
      String scoredJson,
      boolean flagged,
      long sourceMillis) {
    this(file, line, listingId, partitionKey, listingJson, scoredJson, flagged, sourceMillis, null);
  }

  public ScoredRecord(
      String file,
      long line,
      String listingId,
      String partitionKey,
      String listingJson,
      String scoredJson,
      boolean flagged) {
    this(file, line, listingId, partitionKey, listingJson, scoredJson, flagged, 0L);
  }
}
