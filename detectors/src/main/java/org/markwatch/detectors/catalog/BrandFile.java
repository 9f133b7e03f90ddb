package org.markwatch.detectors.catalog;

import java.util.List;

/** The shape of a file of {@code conf/brands/}: brands and/or product types. */
public record BrandFile(String catalog, List<Brand> brands, List<ProductType> productTypes) {
  public BrandFile {
    brands = brands == null ? List.of() : brands;
    productTypes = productTypes == null ? List.of() : productTypes;
  }
}
