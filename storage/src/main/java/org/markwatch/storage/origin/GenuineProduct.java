package org.markwatch.storage.origin;

import java.time.Instant;

/** A genuine product a brand owner registered, with how many codes it carries. */
public record GenuineProduct(
    String id,
    String brandId,
    String name,
    String ownerName,
    String registeredBy,
    Instant registeredAt,
    int codes) {}
