package org.markwatch.storage.publicsite;

import java.time.Instant;

/** A consumer warning published on the public site. */
public record ConsumerWarning(long id, String title, String body, Instant publishedAt) {}
