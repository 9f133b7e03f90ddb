package org.markwatch.storage.review;

/** A documented reason for a decision (table reason_codes; list in storage/README.md). */
public record ReasonCode(String code, ReviewState outcome, String labelVi, String labelEn) {}
