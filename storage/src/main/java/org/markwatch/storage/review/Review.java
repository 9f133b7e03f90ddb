package org.markwatch.storage.review;

import java.time.Instant;

/**
 * The review of one listing: its state, who has it, and the service-level timestamps.
 *
 * @param rowVersion increases with every change; a decision may name the version it was taken on
 *     and is refused if someone else changed the review since
 */
public record Review(
    String listingId,
    ReviewState state,
    String assignee,
    Instant assignedAt,
    Instant queuedAt,
    Instant dueAt,
    Instant reviewStartedAt,
    Instant decidedAt,
    Instant actionedAt,
    long rowVersion) {}
