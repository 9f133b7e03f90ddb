package org.markwatch.detectors.catalog;

import java.util.List;

/**
 * A kind of product ("bag", "watch", "perfume") with the words that name it in listing titles
 * ("túi", "balo", "handbag"). Reference prices are given per product type. An {@code accessory}
 * type (phone case, strap, filter) is made to fit another product: named first in a title, it is
 * what is sold, so the brand's product lines say nothing about the price. {@code domain} is the
 * trade the product belongs to ("electronics", "fashion", "food"): word sense reads brand names and
 * restricted-goods terms against it ({@code conf/brands/senses.yaml}); null when it says nothing. A
 * {@code categoryOnly} type names a platform category ("Thời trang nữ") and is read only in a
 * listing's category path, never in its title.
 */
public record ProductType(
    String id, List<String> terms, Boolean accessory, String domain, Boolean categoryOnly) {
  public ProductType {
    terms = List.copyOf(terms);
    accessory = Boolean.TRUE.equals(accessory);
    categoryOnly = Boolean.TRUE.equals(categoryOnly);
  }

  public ProductType(String id, List<String> terms, Boolean accessory) {
    this(id, terms, accessory, null, false);
  }
}
