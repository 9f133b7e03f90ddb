package org.markwatch.detectors.catalog;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The brands and product types known to the detectors, by id. Immutable. */
public final class BrandCatalog {
  private final Map<String, Brand> brands;
  private final Map<String, ProductType> productTypes;
  private final java.util.Set<String> commonWords;
  private final Map<String, ObservedPrice> observed;
  private final Senses senses;

  public BrandCatalog(Collection<Brand> brands, Collection<ProductType> productTypes) {
    this(brands, productTypes, java.util.Set.of());
  }

  /**
   * @param commonWords lower-case words never read as a misspelt brand
   */
  public BrandCatalog(
      Collection<Brand> brands,
      Collection<ProductType> productTypes,
      Collection<String> commonWords) {
    this(brands, productTypes, commonWords, List.of());
  }

  /**
   * @param observed observed market prices per brand and product type
   */
  public BrandCatalog(
      Collection<Brand> brands,
      Collection<ProductType> productTypes,
      Collection<String> commonWords,
      Collection<ObservedPrice> observed) {
    this(brands, productTypes, commonWords, observed, Senses.NONE);
  }

  /**
   * @param senses how brand names and terms are read against the product's domain
   */
  public BrandCatalog(
      Collection<Brand> brands,
      Collection<ProductType> productTypes,
      Collection<String> commonWords,
      Collection<ObservedPrice> observed,
      Senses senses) {
    this.senses = senses == null ? Senses.NONE : senses;
    Map<String, Brand> b = new LinkedHashMap<>();
    for (Brand brand : brands) {
      if (b.putIfAbsent(brand.id(), brand) != null) {
        throw new IllegalArgumentException("duplicate brand id: " + brand.id());
      }
    }
    Map<String, ProductType> t = new LinkedHashMap<>();
    for (ProductType type : productTypes) {
      if (t.putIfAbsent(type.id(), type) != null) {
        throw new IllegalArgumentException("duplicate product type: " + type.id());
      }
    }
    this.brands = b;
    this.productTypes = t;
    this.commonWords = java.util.Set.copyOf(commonWords);
    Map<String, ObservedPrice> o = new LinkedHashMap<>();
    for (ObservedPrice p : observed) {
      o.put(p.brand() + "|" + p.type(), p);
    }
    this.observed = o;
  }

  /** The observed price of a brand's product type, if data was passed in. */
  public Optional<ObservedPrice> observed(String brand, String type) {
    return Optional.ofNullable(observed.get(brand + "|" + type));
  }

  /** Lower-case words never read as a misspelt brand ("channel", "couch"). */
  public java.util.Set<String> commonWords() {
    return commonWords;
  }

  /** Word senses: brand categories' domains, neutral domains, decoration phrases. */
  public Senses senses() {
    return senses;
  }

  /** The product type with this id, if any. */
  public Optional<ProductType> productType(String id) {
    return Optional.ofNullable(productTypes.get(id));
  }

  public Optional<Brand> brand(String id) {
    return Optional.ofNullable(brands.get(id));
  }

  public Collection<Brand> brands() {
    return brands.values();
  }

  public List<ProductType> productTypes() {
    return List.copyOf(productTypes.values());
  }

  public int size() {
    return brands.size();
  }
}
