package org.markwatch.detectors.catalog;

/**
 * The robust centre of prices observed on the marketplaces for a brand and product type, computed
 * outside the detectors (e.g. from the central database) and passed in as data: the median in VND,
 * the median absolute deviation, and how many listings it was computed from. A {@code seed} is a
 * reference figure written by hand until a database has enough listings: it has no sample count
 * (none was observed) and is used whatever the rule's {@code minSamples}.
 */
public record ObservedPrice(
    String brand, String type, Long median, Long mad, Integer samples, Boolean seed) {
  public ObservedPrice(String brand, String type, Long median, Long mad, Integer samples) {
    this(brand, type, median, mad, samples, null);
  }

  /** True for a hand-written reference figure rather than an observation. */
  public boolean isSeed() {
    return Boolean.TRUE.equals(seed);
  }
}
