package org.markwatch.detectors.catalog;

import java.util.List;

/**
 * A kind of product ("bag", "watch", "perfume") with the words that name it in listing titles
 * ("túi", "balo", "handbag"). Reference prices are given per product type. An {@code accessory}
 * type (phone case, strap, filter) is made to fit another product: named first in a title, it
 * is what is sold, so the brand's product lines say nothing about the price.
 */
public record ProductType(String id, List<String> terms, Boolean accessory) {
  public ProductType {
    terms = List.copyOf(terms);
    accessory = Boolean.TRUE.equals(accessory);
  }
}
