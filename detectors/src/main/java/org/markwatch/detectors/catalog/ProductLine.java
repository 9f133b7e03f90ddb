package org.markwatch.detectors.catalog;

import java.util.List;

/**
 * A product line of a brand with the genuine price range of a new item in VND ({@code min} and
 * {@code max}; 0 when unknown). {@code type} names an entry of the product-type lexicon.
 */
public record ProductLine(String name, List<String> aliases, String type, Long min, Long max) {
  public ProductLine {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    min = min == null ? 0L : min;
    max = max == null ? 0L : max;
  }
}
