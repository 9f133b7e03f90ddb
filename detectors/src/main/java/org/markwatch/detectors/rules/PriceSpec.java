package org.markwatch.detectors.rules;

import java.util.Map;

/**
 * Price below {@code ratio} times the genuine reference (the product line's minimum, else the
 * brand's price for the product type); {@code byCategory} overrides the ratio per brand category.
 */
public record PriceSpec(Double ratio, Map<String, Double> byCategory) {}
