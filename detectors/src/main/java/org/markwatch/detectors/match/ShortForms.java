package org.markwatch.detectors.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.markwatch.detectors.analysis.TextForms;
import org.markwatch.detectors.catalog.Brand;
import org.markwatch.detectors.catalog.BrandCatalog;

/**
 * The short forms sellers type for a brand: the first word of a name of several words ("Calvin" for
 * Calvin Klein, "Tommy" for Tommy Hilfiger) and the clipped starts of a long one-word name
 * ("Balen", "Balenci" for Balenciaga, "Conver" for Converse). Only for the brands counterfeiters
 * disguise (a fuzzy catalog file): the retail list's shop names are never read in disguise.
 *
 * <p>A short form is left out when it is a common word ({@link CommonWordTest}), when it is another
 * brand's name, or when it is the short form of two brands (it would not say which). A short form
 * found in a title counts only next to a product word ("giày Balen", "Calvin jeans") or just before
 * one of the brand's product lines ("Balen Triple S"), and not inside another brand's name ("Tommy
 * Jeans"); see {@link BrandQueries#findings}.
 */
final class ShortForms {
  /** Fewest letters of a short form. */
  static final int MIN_LETTERS = 5;

  /** A one-word name of this many letters or more gets clipped forms. */
  static final int CLIP_FROM = 7;

  private ShortForms() {}

  /** Short forms (lower case, accents folded) per brand id, for the brands that have any. */
  static Map<String, List<String>> of(BrandCatalog catalog) {
    CommonWordTest common = new CommonWordTest(catalog);
    Set<String> names = new java.util.HashSet<>();
    for (Brand b : catalog.brands()) {
      for (String n : b.names()) {
        names.add(String.join(" ", TextForms.words(key(n))));
      }
    }
    Map<String, Set<String>> owners = new HashMap<>();
    Map<String, Set<String>> byBrand = new LinkedHashMap<>();
    for (Brand b : catalog.brands()) {
      if (!Boolean.TRUE.equals(b.fuzzy())) {
        continue;
      }
      // from the brand's own name only: aliases hold product lines ("AirPods"), other scripts and
      // Vietnamese names, whose starts are not the brand's short forms
      Set<String> forms = new LinkedHashSet<>();
      candidates(TextForms.words(key(b.name())), forms);
      forms.removeIf(f -> common.common(f) || names.contains(f));
      for (String f : forms) {
        owners.computeIfAbsent(f, k -> new LinkedHashSet<>()).add(b.id());
      }
      byBrand.put(b.id(), forms);
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    byBrand.forEach(
        (id, forms) -> {
          List<String> own = new ArrayList<>();
          for (String f : forms) {
            if (owners.get(f).size() == 1) {
              own.add(f);
            }
          }
          if (!own.isEmpty()) {
            out.put(id, List.copyOf(own));
          }
        });
    return out;
  }

  /** The first word of a name of several words; the clipped starts of a long one-word name. */
  static void candidates(List<String> words, Set<String> out) {
    if (words.isEmpty() || !words.stream().allMatch(ShortForms::letters)) {
      return;
    }
    if (words.size() > 1) {
      if (words.get(0).length() >= MIN_LETTERS) {
        out.add(words.get(0));
      }
      return;
    }
    String w = words.get(0);
    if (w.length() < CLIP_FROM) {
      return;
    }
    // from half the name (at least MIN_LETTERS) to two letters short of it: one letter short is a
    // one-edit spelling, which the fuzzy neighbourhood already reads
    for (int len = Math.max(MIN_LETTERS, (w.length() + 1) / 2); len <= w.length() - 2; len++) {
      out.add(w.substring(0, len));
    }
  }

  private static boolean letters(String w) {
    return !w.isEmpty() && w.chars().allMatch(c -> c >= 'a' && c <= 'z');
  }

  private static String key(String s) {
    return TextForms.fold(s.toLowerCase(Locale.ROOT));
  }
}
