package org.markwatch.detectors.catalog;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The brands and product types known to the detectors, by id. Immutable, except for the {@link
 * CatalogFacts} a running job lays over it from the database ({@link #useFacts}).
 */
public final class BrandCatalog {
  private final Map<String, Brand> brands;
  private final Map<String, ProductType> productTypes;
  private final java.util.Set<String> commonWords;
  private final Map<String, ObservedPrice> observed;
  private final Senses senses;

  /** The database's facts, as looked up: replaced whole, so a reader sees one version. */
  private volatile Facts facts = Facts.EMPTY;

  private record Facts(
      Map<String, ObservedPrice> observed, Map<String, List<OfficialStore>> authorised) {
    static final Facts EMPTY = new Facts(Map.of(), Map.of());
  }

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
      o.put(p.key(), p);
    }
    this.observed = o;
  }

  /**
   * Lays facts read from the database over the configured catalog (replacing any laid before):
   * their observed prices replace the configured ones of the same brand, line and type, and their
   * authorised sellers join the brands' official stores. Takes effect for the next listing scored;
   * no compilation.
   */
  public void useFacts(CatalogFacts f) {
    if (f == null) {
      facts = Facts.EMPTY;
      return;
    }
    Map<String, ObservedPrice> o = new java.util.HashMap<>();
    for (ObservedPrice p : f.observedPrices()) {
      if (p.brand() != null && p.type() != null && p.median() != null && p.median() > 0) {
        o.put(p.key(), p);
      }
    }
    facts = new Facts(Map.copyOf(o), f.authorised());
  }

  /** The observed price of a brand's product type (every line), if data was passed in. */
  public Optional<ObservedPrice> observed(String brand, String type) {
    return observed(brand, null, type);
  }

  /**
   * The observed price of one product line of a brand and type ({@code line} null: every line),
   * from the database's facts, else from the configured catalog.
   */
  public Optional<ObservedPrice> observed(String brand, String line, String type) {
    String key = ObservedPrice.key(brand, line, type);
    ObservedPrice p = facts.observed().get(key);
    return Optional.ofNullable(p != null ? p : observed.get(key));
  }

  /** The brand's official stores: configured, then those the database's facts authorise. */
  public List<OfficialStore> officialStores(Brand brand) {
    List<OfficialStore> more = facts.authorised().get(brand.id());
    if (more == null || more.isEmpty()) {
      return brand.officialStores();
    }
    List<OfficialStore> all = new java.util.ArrayList<>(brand.officialStores());
    all.addAll(more);
    return all;
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
