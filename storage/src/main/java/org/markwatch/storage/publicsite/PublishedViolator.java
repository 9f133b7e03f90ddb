package org.markwatch.storage.publicsite;

import java.time.Instant;

/** A confirmed violator as the public site shows it: published and not taken down. */
public record PublishedViolator(
    String sellerId,
    String sellerName,
    String platform,
    String shopUrl,
    String provinceName,
    String decisionRef,
    String legalBasis,
    Instant publishedAt) {}
