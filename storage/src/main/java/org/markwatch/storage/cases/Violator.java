package org.markwatch.storage.cases;

import java.time.Instant;

/**
 * A confirmed violator: natural key (sellerId, decisionRef).
 *
 * @param decisionRef number of the sanction decision
 * @param legalBasis the provision violated, e.g. "Decree 98/2020/ND-CP art. 11"
 * @param removalDueAt when the publication must come down
 */
public record Violator(
    String sellerId,
    String decisionRef,
    String legalBasis,
    String caseId,
    String sellerName,
    String provinceCode,
    String confirmedBy,
    Instant confirmedAt,
    boolean published,
    Instant publishedAt,
    Instant appealFiledAt,
    Instant appealDecidedAt,
    Instant removalDueAt,
    Instant removedAt,
    String origin) {}
