package org.markwatch.detectors.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.markwatch.detectors.config.ConfigException;
import org.markwatch.detectors.config.Yaml;

/**
 * Builds a {@link BrandCatalog} from the text of brand files (YAML, see {@code
 * conf/brands/README.md}). Every error names the file and, when known, the line.
 */
public final class BrandCatalogReader {
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private BrandCatalogReader() {}

  /** Reads every file; brand ids must be unique across files. */
  public static BrandCatalog read(Map<String, String> files) {
    List<Brand> brands = new ArrayList<>();
    List<ProductType> types = new ArrayList<>();
    java.util.Set<String> common = new java.util.HashSet<>();
    List<ObservedPrice> observed = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    Senses senses = Senses.NONE;
    for (var e : files.entrySet()) {
      String file = e.getKey();
      String text = e.getValue();
      BrandFile parsed = Yaml.read(file, text, BrandFile.class);
      boolean fuzzy = Boolean.TRUE.equals(parsed.fuzzy());
      senses = senses.merge(parsed.senses());
      for (String w : parsed.commonWords()) {
        common.add(w.toLowerCase(java.util.Locale.ROOT).strip());
      }
      for (Brand parsedBrand : parsed.brands()) {
        Brand b = parsedBrand.withDefaultFuzzy(fuzzy);
        check(file, text, b);
        String before = seen.putIfAbsent(b.id(), file);
        if (before != null) {
          throw new ConfigException(
              file,
              Yaml.lineOf(text, "id: " + b.id()),
              0,
              "brand id '" + b.id() + "' already defined in " + before);
        }
        brands.add(b);
      }
      for (ObservedPrice o : parsed.observedPrices()) {
        if (o.brand() == null || o.type() == null || o.median() == null || o.median() <= 0) {
          throw new ConfigException(
              file,
              Yaml.lineOf(text, String.valueOf(o.brand())),
              0,
              "observed price needs brand, type and a median > 0");
        }
        observed.add(o);
      }
      for (ProductType t : parsed.productTypes()) {
        if (t.id() == null || t.terms().isEmpty()) {
          throw new ConfigException(
              file,
              Yaml.lineOf(text, "id: " + t.id()),
              0,
              "product type needs an id and at least one term");
        }
        types.add(t);
      }
    }
    return new BrandCatalog(brands, types, common, observed, senses);
  }

  private static void check(String file, String text, Brand b) {
    if (b.id() == null || !ID.matcher(b.id()).matches()) {
      throw new ConfigException(
          file,
          Yaml.lineOf(text, "id: " + b.id()),
          0,
          "brand id must be a lowercase slug such as louis-vuitton, got '" + b.id() + "'");
    }
    // the line is looked up only for an error: a scan from the file's start per brand made reading
    // the 4,800-brand retail file quadratic
    java.util.function.IntSupplier line = () -> Yaml.lineOf(text, "id: " + b.id());
    if (b.name() == null || b.name().isBlank()) {
      throw new ConfigException(file, line.getAsInt(), 0, "brand '" + b.id() + "' has no name");
    }
    for (var p : b.prices().entrySet()) {
      if (p.getValue() == null || p.getValue() <= 0) {
        throw new ConfigException(
            file,
            line.getAsInt(),
            0,
            "brand '" + b.id() + "' price for " + p.getKey() + " must be > 0");
      }
    }
    for (ProductLine l : b.lines()) {
      if (l.name() == null || l.name().isBlank()) {
        throw new ConfigException(
            file, line.getAsInt(), 0, "brand '" + b.id() + "' has a product line without name");
      }
      if (l.min() < 0 || (l.max() > 0 && l.max() < l.min())) {
        throw new ConfigException(
            file,
            line.getAsInt(),
            0,
            "brand '" + b.id() + "' line '" + l.name() + "': need 0 <= min <= max");
      }
    }
  }
}
