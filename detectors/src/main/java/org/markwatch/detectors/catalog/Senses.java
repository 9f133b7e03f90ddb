package org.markwatch.detectors.catalog;

import java.util.List;
import java.util.Map;

/**
 * How words are read against the product a listing sells ({@code conf/brands/senses.yaml}).
 *
 * @param brandDomains per brand category ("electronics", "shop/clothes"), the product domains the
 *     brand's goods belong to; a brand whose category is not listed is never dropped for its sense
 * @param neutralDomains product domains that contradict no brand (toys and scale models copy
 *     branded things under licence)
 * @param decorations phrases that, right before a brand, say the brand is printed or imitated on
 *     the product ("logo", "họa tiết"), so the product's own domain does not cancel it
 */
public record Senses(
    Map<String, List<String>> brandDomains, List<String> neutralDomains, List<String> decorations) {
  public Senses {
    brandDomains = brandDomains == null ? Map.of() : Map.copyOf(brandDomains);
    neutralDomains = neutralDomains == null ? List.of() : List.copyOf(neutralDomains);
    decorations = decorations == null ? List.of() : List.copyOf(decorations);
  }

  public static final Senses NONE = new Senses(null, null, null);

  /** Both files' entries; the later file's list wins for a category both name. */
  Senses merge(Senses other) {
    if (other == null) {
      return this;
    }
    var domains = new java.util.HashMap<>(brandDomains);
    domains.putAll(other.brandDomains());
    var neutral = new java.util.LinkedHashSet<>(neutralDomains);
    neutral.addAll(other.neutralDomains());
    var deco = new java.util.LinkedHashSet<>(decorations);
    deco.addAll(other.decorations());
    return new Senses(domains, List.copyOf(neutral), List.copyOf(deco));
  }
}
