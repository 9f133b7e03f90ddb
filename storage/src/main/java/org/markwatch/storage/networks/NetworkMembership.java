package org.markwatch.storage.networks;

import java.time.Instant;

/**
 * A seller's network, as of the link that put it there ({@code joinedAt}: its observation time).
 */
public record NetworkMembership(String sellerId, String networkId, Instant joinedAt) {}
