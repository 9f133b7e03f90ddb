package org.markwatch.detectors.rules;

/**
 * Price below {@code ratio} times the observed market median of the found brand and product type,
 * counted only when the median rests on at least {@code minSamples} listings (default 20).
 */
public record ObservedPriceSpec(Double ratio, Integer minSamples) {}
