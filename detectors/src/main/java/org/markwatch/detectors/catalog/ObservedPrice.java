package org.markwatch.detectors.catalog;

/**
 * The robust centre of prices observed on the marketplaces for a brand and product type, computed
 * outside the detectors (e.g. from the central database) and passed in as data: the median in
 * VND, the median absolute deviation, and how many listings it was computed from.
 */
public record ObservedPrice(String brand, String type, Long median, Long mad, Integer samples) {}
