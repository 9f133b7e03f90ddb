package org.markwatch.detectors.match;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.markwatch.detectors.analysis.TextForms;
import org.markwatch.detectors.catalog.Brand;
import org.markwatch.detectors.catalog.BrandCatalog;
import org.markwatch.detectors.catalog.ProductLine;
import org.markwatch.detectors.catalog.ProductType;

/**
 * The brand catalog as matcher queries, and the reading of their hits back into
 * {@link BrandFinding}s. Query ids: {@code b:<brand>} names, {@code x:<brand>} exclusions,
 * {@code l:<brand>:<n>} product lines, {@code t:<type>} product words.
 */
public final class BrandQueries {
  private static final List<Field> NAME_FIELDS = List.of(Field.TITLE, Field.TEXT, Field.SELLER, Field.CLAIMED);

  private final BrandCatalog catalog;

  public BrandQueries(BrandCatalog catalog) {
    this.catalog = catalog;
  }

  /** Adds every query of the catalog to the matcher. */
  public void register(TextMatcher.Builder b) {
    for (Brand brand : catalog.brands()) {
      b.add("b:" + brand.id(), PhraseQueries.build(brand.names(), NAME_FIELDS, true));
      if (!brand.notWhen().isEmpty()) {
        b.add("x:" + brand.id(), PhraseQueries.build(brand.notWhen(), NAME_FIELDS, false));
      }
      for (int i = 0; i < brand.lines().size(); i++) {
        ProductLine line = brand.lines().get(i);
        List<String> names = new ArrayList<>(line.aliases());
        names.add(0, line.name());
        b.add("l:" + brand.id() + ":" + i, PhraseQueries.build(names, List.of(Field.TITLE), true));
      }
    }
    for (ProductType t : catalog.productTypes()) {
      b.add("t:" + t.id(), PhraseQueries.build(t.terms(), List.of(Field.TITLE), false));
    }
  }

  /** The brands found, one finding per brand and field, in field then text order. */
  public List<BrandFinding> findings(Map<String, List<Hit>> hits) {
    List<BrandFinding> out = new ArrayList<>();
    for (var e : hits.entrySet()) {
      if (!e.getKey().startsWith("b:")) {
        continue;
      }
      Brand brand = catalog.brand(e.getKey().substring(2)).orElseThrow();
      List<Hit> excluded = hits.getOrDefault("x:" + brand.id(), List.of());
      Set<Field> seen = new HashSet<>();
      for (Hit h : e.getValue()) {
        if (seen.contains(h.field()) || overlaps(h, excluded) || !caseAllowed(brand, h)) {
          continue;
        }
        seen.add(h.field());
        out.add(new BrandFinding(brand, h, kind(brand, h)));
      }
    }
    out.sort(Comparator.comparing((BrandFinding f) -> f.hit().field()).thenComparingInt(f -> f.hit().start())
        .thenComparing(f -> f.brand().id()));
    return out;
  }

  /** Product lines of {@code brandId} named in the title. */
  public List<ProductLine> lines(String brandId, Map<String, List<Hit>> hits) {
    Brand brand = catalog.brand(brandId).orElseThrow();
    List<ProductLine> out = new ArrayList<>();
    for (int i = 0; i < brand.lines().size(); i++) {
      if (hits.containsKey("l:" + brandId + ":" + i)) {
        out.add(brand.lines().get(i));
      }
    }
    return out;
  }

  /** The product type named first in the title, or null. */
  public String productType(Map<String, List<Hit>> hits) {
    String best = null;
    int bestStart = Integer.MAX_VALUE;
    int bestEnd = -1;
    for (var e : hits.entrySet()) {
      if (e.getKey().startsWith("t:")) {
        for (Hit h : e.getValue()) {
          boolean earlier = h.start() < bestStart
              || (h.start() == bestStart && (h.end() > bestEnd || (h.end() == bestEnd && e.getKey().compareTo("t:" + best) < 0)));
          if (h.field() == Field.TITLE && earlier) {
            bestStart = h.start();
            bestEnd = h.end();
            best = e.getKey().substring(2);
          }
        }
      }
    }
    return best;
  }

  private static boolean overlaps(Hit h, Collection<Hit> others) {
    for (Hit o : others) {
      if (o.field() == h.field() && o.start() < h.end() && h.start() < o.end()) {
        return true;
      }
    }
    return false;
  }

  /** Short capital aliases ("LV", "MK") count only when written in capitals. */
  private static boolean caseAllowed(Brand brand, Hit h) {
    String text = h.text();
    String letters = text.replaceAll("[^\\p{L}]", "");
    for (String name : brand.names()) {
      String nameLetters = name.replaceAll("[^\\p{L}]", "");
      if (nameLetters.length() <= 3 && nameLetters.equals(nameLetters.toUpperCase(Locale.ROOT))
          && letters.equalsIgnoreCase(nameLetters) && !name.equals(brand.name())) {
        return letters.equals(letters.toUpperCase(Locale.ROOT));
      }
    }
    return true;
  }

  static String kind(Brand brand, Hit h) {
    if (h.field() == Field.CLAIMED) {
      return "claimed";
    }
    String got = String.join(" ", TextForms.words(h.text()));
    if (got.equals(String.join(" ", TextForms.words(brand.name())))) {
      return "exact";
    }
    for (String alias : brand.aliases()) {
      if (got.equals(String.join(" ", TextForms.words(alias)))) {
        return "alias";
      }
    }
    String folded = TextForms.fold(got);
    for (String n : brand.names()) {
      if (folded.equals(TextForms.fold(String.join(" ", TextForms.words(n))))) {
        return "folded";
      }
    }
    return "misspelling";
  }
}
