package org.markwatch.pipeline;

/**
 * What the shop-level evidence needs to know of a scored listing, worked out by the scoring
 * operator (which holds the listing and the brand catalog) so the evidence operator never parses
 * the listing again.
 *
 * @param shopKey {@code seller:<id>}, or {@code site:<host>} for a web shop's own site; empty when
 *     the listing has no shop (a marketplace listing without a seller)
 * @param sellerId the seller's id, or empty
 * @param replicaPhrase the words by which the listing admits a copy ("rep 1:1"), or empty
 * @param branded it names a brand outside its shop name
 * @param official it comes from an official store or authorised reseller of a brand it names
 * @param contactKeys the seller's linking contacts ({@code kind:value}), one per line
 */
public record ShopFacts(
    String shopKey,
    String sellerId,
    String replicaPhrase,
    boolean branded,
    boolean official,
    String contactKeys) {
  /** No facts: a pass-through record. */
  public static final ShopFacts NONE = new ShopFacts("", "", "", false, false, "");
}
