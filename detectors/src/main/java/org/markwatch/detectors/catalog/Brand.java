package org.markwatch.detectors.catalog;

import java.util.List;
import java.util.Map;

/**
 * One brand of the catalog.
 *
 * @param id lowercase slug, unique ({@code louis-vuitton})
 * @param name the brand's own spelling
 * @param category catalog category (luxury, fashion, sport, cosmetics, electronics, ...)
 * @param aliases other names: English, Vietnamese, short forms; short all-capital aliases of up to
 *     three letters ("LV", "MK") only match text written in capitals
 * @param notWhen phrases containing the name that are not the brand ("apple cider", "omega 3")
 * @param prices the lowest genuine price of a new item in VND per product type
 * @param lines product lines with genuine price ranges
 * @param officialStores the allow-list of genuine sellers
 * @param fuzzy whether words of the name one edit away count (default: the file's {@code fuzzy})
 */
public record Brand(
    String id,
    String name,
    String category,
    List<String> aliases,
    List<String> notWhen,
    Map<String, Long> prices,
    List<ProductLine> lines,
    List<OfficialStore> officialStores,
    Boolean fuzzy) {
  public Brand {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    notWhen = notWhen == null ? List.of() : List.copyOf(notWhen);
    prices = prices == null ? Map.of() : Map.copyOf(prices);
    lines = lines == null ? List.of() : List.copyOf(lines);
    officialStores = officialStores == null ? List.of() : List.copyOf(officialStores);
  }

  /** A copy with {@code fuzzy} set when it was not given. */
  public Brand withDefaultFuzzy(boolean fileDefault) {
    return fuzzy != null
        ? this
        : new Brand(
            id, name, category, aliases, notWhen, prices, lines, officialStores, fileDefault);
  }

  /** The name and every alias, name first. */
  public List<String> names() {
    var all = new java.util.ArrayList<String>(aliases.size() + 1);
    all.add(name);
    all.addAll(aliases);
    return all;
  }
}
