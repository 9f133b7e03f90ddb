package org.markwatch.detectors.rules;

/** What made a condition hold: the listing field and the matched text or measured value. */
public record Evidence(String field, String text) {}
