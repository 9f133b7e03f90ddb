package org.markwatch.detectors.catalog;

/**
 * The robust centre of prices observed on the marketplaces for a brand and product type, computed
 * outside the detectors (e.g. from the central database) and passed in as data: the median in VND,
 * the median absolute deviation, and how many listings it was computed from. A {@code seed} is a
 * reference figure written by hand until a database has enough listings: it has no sample count
 * (none was observed) and is used whatever the rule's {@code minSamples}. {@code line} narrows it
 * to one product line of the brand (its name as in the catalog); null or empty for every line.
 */
public record ObservedPrice(
    String brand, String type, Long median, Long mad, Integer samples, Boolean seed, String line) {
  public ObservedPrice {
    line = line == null || line.isBlank() ? null : line;
  }

  public ObservedPrice(
      String brand, String type, Long median, Long mad, Integer samples, Boolean seed) {
    this(brand, type, median, mad, samples, seed, null);
  }

  public ObservedPrice(String brand, String type, Long median, Long mad, Integer samples) {
    this(brand, type, median, mad, samples, null, null);
  }

  /** True for a hand-written reference figure rather than an observation. */
  public boolean isSeed() {
    return Boolean.TRUE.equals(seed);
  }

  /** The lookup key: brand, line (empty for every line) and type. */
  String key() {
    return key(brand, line, type);
  }

  static String key(String brand, String line, String type) {
    return brand + "|" + (line == null ? "" : line) + "|" + type;
  }
}
