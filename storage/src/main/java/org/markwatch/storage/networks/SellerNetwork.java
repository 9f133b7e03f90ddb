package org.markwatch.storage.networks;

import java.time.Instant;

/**
 * A seller network as stored: its counts and risk score ({@link SellerNetworkStore#risk}).
 *
 * @param violators members that are confirmed violators
 */
public record SellerNetwork(
    String id,
    int sellers,
    int platforms,
    int violators,
    int listings,
    int flaggedListings,
    double riskScore,
    Instant firstSeen,
    Instant updatedAt) {}
