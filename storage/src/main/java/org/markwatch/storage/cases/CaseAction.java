package org.markwatch.storage.cases;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What was done about a case.
 *
 * @param kind takedown_request, referral or fine
 * @param target the platform for a takedown; police, tax, customs, state_bank or telecoms for a
 *     referral
 * @param status planned, sent, acknowledged, done or rejected
 * @param referenceNo the letter's or the sanction decision's number
 */
public record CaseAction(
    String actionKey,
    String caseId,
    String kind,
    String target,
    String status,
    String referenceNo,
    BigDecimal amountVnd,
    String note,
    String createdBy,
    Instant createdAt,
    Instant sentAt,
    Instant dueAt,
    Instant closedAt) {
  public static final java.util.Set<String> KINDS =
      java.util.Set.of("takedown_request", "referral", "fine");
  public static final java.util.Set<String> STATUSES =
      java.util.Set.of("planned", "sent", "acknowledged", "done", "rejected");
  public static final java.util.Set<String> AGENCY_TARGETS =
      java.util.Set.of("police", "tax", "customs", "state_bank", "telecoms");
}
