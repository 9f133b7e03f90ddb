package org.markwatch.storage.origin;

import java.time.Instant;

/**
 * A code of a genuine product: a GTIN (14-digit form) or a serial range.
 *
 * @param kind {@code gtin} or {@code serial_range}
 */
public record ProductCode(
    long id,
    String productId,
    String kind,
    String gtin,
    String serialPrefix,
    Long serialFrom,
    Long serialTo,
    Instant registeredAt) {}
