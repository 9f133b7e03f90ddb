package org.markwatch.detectors.catalog;

import java.util.List;
import java.util.Map;

/**
 * Facts a running job reads from the central database and lays over the configured catalog without
 * compiling the detectors again: observed market prices (per brand, product line and type) and the
 * sellers brand owners registered as authorised (per brand id). An observed price here replaces the
 * configured one of the same brand, line and type; authorised sellers are added to the brand's
 * {@code officialStores}.
 */
public record CatalogFacts(
    List<ObservedPrice> observedPrices, Map<String, List<OfficialStore>> authorised) {
  public static final CatalogFacts NONE = new CatalogFacts(List.of(), Map.of());

  public CatalogFacts {
    observedPrices = observedPrices == null ? List.of() : List.copyOf(observedPrices);
    authorised = authorised == null ? Map.of() : Map.copyOf(authorised);
  }
}
