package org.markwatch.storage.audit;

import java.time.Instant;

/**
 * One row of the audit log as stored.
 *
 * @param seq position in the chain, 1, 2, 3... without gaps
 * @param action an {@link AuditAction} in lower case (kept as text: old rows stay readable)
 * @param subject what it is about: a listing id, a user name, a case id, a file
 * @param detail free text or JSON (the reason code, the file's SHA-256, the count)
 * @param prevHash the previous row's rowHash (64 zeros for row 1)
 * @param rowHash SHA-256 of this row's fields and prevHash, see {@link AuditLog#hash}
 */
public record AuditEntry(
    long seq,
    Instant at,
    String actor,
    String action,
    String subject,
    String detail,
    String prevHash,
    String rowHash) {}
