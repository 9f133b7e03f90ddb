package org.markwatch.detectors.match;

/** Where a query matched: the field, the character offsets and the text as the seller wrote it. */
public record Hit(Field field, int start, int end, String text) {}
