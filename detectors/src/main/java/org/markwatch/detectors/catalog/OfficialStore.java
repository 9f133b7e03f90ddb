package org.markwatch.detectors.catalog;

/**
 * A genuine official store or authorised distributor of a brand on a platform ({@code *} for any
 * platform), known by its shop name or its seller id. A listing from one is not a counterfeit
 * signal for that brand.
 */
public record OfficialStore(String platform, String name, String sellerId) {}
