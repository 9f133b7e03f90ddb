package org.markwatch.detectors.catalog;

import java.util.List;

/**
 * A kind of product ("bag", "watch", "perfume") with the words that name it in listing titles
 * ("túi", "balo", "handbag"). Reference prices are given per product type.
 */
public record ProductType(String id, List<String> terms) {
  public ProductType {
    terms = List.copyOf(terms);
  }
}
