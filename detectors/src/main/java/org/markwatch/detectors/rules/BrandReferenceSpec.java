package org.markwatch.detectors.rules;

import java.util.List;

/** A phrase of {@code before} stands at most {@code words} words before a found brand. */
public record BrandReferenceSpec(List<String> before, Integer words) {}
