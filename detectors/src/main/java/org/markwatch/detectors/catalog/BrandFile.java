package org.markwatch.detectors.catalog;

import java.util.List;

/**
 * The shape of a file of {@code conf/brands/}: brands, product types, common words and observed
 * prices and word senses ({@link Senses}), any of them. {@code fuzzy} (default false) lets this
 * file's brands match one edit away.
 */
public record BrandFile(
    String catalog,
    Boolean fuzzy,
    List<Brand> brands,
    List<ProductType> productTypes,
    List<String> commonWords,
    List<ObservedPrice> observedPrices,
    Senses senses) {
  public BrandFile(
      String catalog,
      Boolean fuzzy,
      List<Brand> brands,
      List<ProductType> productTypes,
      List<String> commonWords,
      List<ObservedPrice> observedPrices) {
    this(catalog, fuzzy, brands, productTypes, commonWords, observedPrices, null);
  }

  public BrandFile {
    brands = brands == null ? List.of() : brands;
    productTypes = productTypes == null ? List.of() : productTypes;
    commonWords = commonWords == null ? List.of() : commonWords;
    observedPrices = observedPrices == null ? List.of() : observedPrices;
  }
}
