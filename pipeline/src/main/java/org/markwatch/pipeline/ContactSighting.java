package org.markwatch.pipeline;

/**
 * A seller seen with a contact ({@code kind:value}, normalised) in a listing observed at {@code
 * observedMillis} (epoch ms).
 */
public record ContactSighting(String contactKey, String sellerId, long observedMillis) {}
