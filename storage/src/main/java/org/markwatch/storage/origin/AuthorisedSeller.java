package org.markwatch.storage.origin;

import java.time.Instant;
import java.time.LocalDate;

/** A seller a brand owner authorises: by the crawler's seller id, its shop host, or both. */
public record AuthorisedSeller(
    long id,
    String brandId,
    String sellerId,
    String shopHost,
    String name,
    LocalDate validUntil,
    String registeredBy,
    Instant registeredAt) {}
