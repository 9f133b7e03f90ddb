package org.markwatch.storage.origin;

import java.time.Instant;
import java.time.LocalDate;

/** E-invoice evidence of origin on a case. */
public record CaseInvoice(
    long id,
    String caseId,
    String invoiceNo,
    String invoiceSymbol,
    String sellerTaxCode,
    LocalDate issuedOn,
    String note,
    String addedBy,
    Instant addedAt) {}
