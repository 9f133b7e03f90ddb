package org.markwatch.detectors.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.markwatch.detectors.catalog.Brand;
import org.markwatch.detectors.catalog.BrandCatalog;
import org.markwatch.detectors.catalog.ProductType;

/**
 * Reads brand names and restricted-goods terms in the sense the product gives them. The product is
 * read from the listing's category path (its most specific product word) or, without one, from the
 * product word named first in the title; its product type has a domain ("electronics", "fashion",
 * "food"). A word whose sense contradicts that domain gives no signal:
 *
 * <ul>
 *   <li>a brand whose category's domains do not include the product's domain ("Sunlight" the
 *       jewellery chain on a dish soap, "Shell" on an aquarium shell), unless the product is an
 *       accessory (what it fits is branded), the domain is neutral (toys, books), or a decoration
 *       phrase stands right before the brand ("in logo Nike": the brand is printed on it);
 *   <li>a brand name that is the product word itself ("giày boots");
 *   <li>a one-edit (fuzzy) match, or a near spelling in letters only, when another brand is named
 *       plainly in the listing ("Guess Who": not a misspelt "Whoo");
 *   <li>a brand whose words are a product line of another brand named ("Rolex Cellini");
 *   <li>a rule with a {@code sense} (its terms' domains: alcohol terms are drinks) whose product
 *       domain is known and different ("màu champagne" on a phone).
 * </ul>
 *
 * Every dropped word is reported with its reason, so an analyst sees why it gave no signal.
 */
public final class WordSense {
  /** Query id of the decoration phrases ("logo", "họa tiết"). */
  static final String DECORATION = "d:decoration";

  /** Plain kinds: the brand is named as written, not imitated. */
  private static final Set<String> PLAIN = Set.of("exact", "alias", "folded", "claimed");

  /** The product a listing sells, as far as its words say. */
  public record Product(String type, String domain, String source, boolean accessory) {
    public static final Product UNKNOWN = new Product(null, null, null, false);

    public boolean known() {
      return domain != null;
    }

    /** "phone (electronics, from the title)". */
    public String describe() {
      return type + " (" + domain + ", from the " + source + ")";
    }
  }

  /** A brand finding that gave no signal, and why. */
  public record Dropped(BrandFinding finding, String reason) {}

  /** The brands kept and those dropped for their sense. */
  public record Reading(Product product, List<BrandFinding> kept, List<Dropped> dropped) {}

  private final BrandCatalog catalog;
  private final Map<String, ProductType> types = new HashMap<>();

  public WordSense(BrandCatalog catalog) {
    this.catalog = catalog;
    for (ProductType t : catalog.productTypes()) {
      types.put(t.id(), t);
    }
  }

  /**
   * Registers the decoration phrases (product-type queries are the catalog's, see {@link
   * BrandQueries}).
   */
  public void register(TextMatcher.Builder b) {
    if (!catalog.senses().decorations().isEmpty()) {
      b.add(
          DECORATION,
          PhraseSet.of(catalog.senses().decorations(), List.of(Field.TITLE, Field.TEXT), false));
    }
  }

  /**
   * The product: the product word of the category path that stands last (the path is broadest
   * first), else the one named first in the title; a type without a domain says nothing.
   */
  public Product product(Map<String, List<Hit>> hits) {
    String best = null;
    int bestStart = -1;
    int bestLen = -1;
    for (var e : hits.entrySet()) {
      if (!e.getKey().startsWith("t:")) {
        continue;
      }
      for (Hit h : e.getValue()) {
        int len = h.end() - h.start();
        if (h.field() == Field.CATEGORY
            && (h.start() > bestStart || (h.start() == bestStart && len > bestLen))) {
          best = e.getKey().substring(2);
          bestStart = h.start();
          bestLen = len;
        }
      }
    }
    String source = "category";
    if (best == null || types.get(best).domain() == null) {
      best = BrandQueries.firstType(hits);
      source = "title";
    }
    ProductType t = best == null ? null : types.get(best);
    if (t == null || t.domain() == null) {
      return Product.UNKNOWN;
    }
    return new Product(t.id(), t.domain(), source, t.accessory());
  }

  /**
   * Splits the brand findings into those read as brands and those whose sense the product
   * contradicts.
   */
  public Reading read(Map<String, List<Hit>> hits, List<BrandFinding> findings) {
    Product product = product(hits);
    if (findings.isEmpty()) {
      return new Reading(product, findings, List.of());
    }
    List<BrandFinding> kept = new ArrayList<>();
    List<Dropped> dropped = new ArrayList<>();
    for (BrandFinding f : findings) {
      String why = contradiction(f, findings, hits, product);
      if (why == null) {
        kept.add(f);
      } else {
        dropped.add(new Dropped(f, why));
      }
    }
    return new Reading(product, kept, dropped);
  }

  private String contradiction(
      BrandFinding f, List<BrandFinding> all, Map<String, List<Hit>> hits, Product product) {
    Hit h = f.hit();
    Brand brand = f.brand();
    if (h.field() != Field.CLAIMED) {
      String word = productWordAt(h, hits);
      if (word != null) {
        return "'" + h.text() + "' is the product word (" + word + "), not the brand " + brand.id();
      }
    }
    String line = lineOfAnotherBrand(brand, h, hits);
    if (line != null) {
      return "'" + h.text() + "' is a product line of " + line + ", not the brand " + brand.id();
    }
    if ("fuzzy".equals(f.kind())
        || BrandQueries.SHORT.equals(f.kind())
        || ("misspelling".equals(f.kind()) && lettersOnly(h.text()))) {
      for (BrandFinding g : all) {
        if (!g.brand().id().equals(brand.id()) && PLAIN.contains(g.kind())) {
          return "'"
              + h.text()
              + (BrandQueries.SHORT.equals(f.kind())
                  ? "' is a short form of "
                  : "' is one edit from ")
              + brand.name()
              + ", but "
              + g.brand().name()
              + " is named plainly ('"
              + g.hit().text()
              + "')";
        }
      }
    }
    if (!product.known()
        || product.accessory()
        || catalog.senses().neutralDomains().contains(product.domain())) {
      return null;
    }
    List<String> domains = catalog.senses().brandDomains().get(brand.category());
    if (domains == null || domains.contains(product.domain()) || decorated(h, hits)) {
      return null;
    }
    return "'"
        + h.text()
        + "' is not read as "
        + brand.name()
        + " ("
        + brand.category()
        + ": "
        + String.join(", ", domains)
        + "): the product is "
        + product.describe();
  }

  /**
   * Why a rule whose terms mean goods of {@code senseDomains} gives no signal on this product, or
   * null when the product is unknown or of one of those domains.
   */
  public static String contradiction(Product product, List<String> senseDomains) {
    if (senseDomains.isEmpty() || !product.known() || senseDomains.contains(product.domain())) {
      return null;
    }
    return "the product is " + product.describe() + ", not " + String.join(" or ", senseDomains);
  }

  /**
   * A misspelling written in letters only ("Whoo" for "Who", "Adiddas") is a near spelling, not a
   * disguise with digits or signs ("N1ke", "G.u.c.c.i").
   */
  private static boolean lettersOnly(String text) {
    return text.codePoints().allMatch(Character::isLetter);
  }

  /** The brand ("rolex") whose product line's words cover the hit ("Rolex Cellini"), or null. */
  private static String lineOfAnotherBrand(Brand brand, Hit h, Map<String, List<Hit>> hits) {
    for (var e : hits.entrySet()) {
      String key = e.getKey();
      if (!key.startsWith("l:") || key.startsWith("l:" + brand.id() + ":")) {
        continue;
      }
      for (Hit l : e.getValue()) {
        if (l.field() == h.field() && l.start() <= h.start() && l.end() >= h.end()) {
          return key.substring(2, key.lastIndexOf(':'));
        }
      }
    }
    return null;
  }

  /** The product-type query whose hit covers the brand's words exactly, or null. */
  private static String productWordAt(Hit h, Map<String, List<Hit>> hits) {
    for (var e : hits.entrySet()) {
      if (!e.getKey().startsWith("t:")) {
        continue;
      }
      for (Hit t : e.getValue()) {
        if (t.field() == h.field() && t.start() <= h.start() && t.end() >= h.end()) {
          return e.getKey().substring(2);
        }
      }
    }
    return null;
  }

  /** True when a decoration phrase ends at most three words before the brand, in the same field. */
  private static boolean decorated(Hit h, Map<String, List<Hit>> hits) {
    for (Hit d : hits.getOrDefault(DECORATION, List.of())) {
      if (d.field() == h.field() && d.end() <= h.start() && h.start() - d.end() <= 24) {
        return true;
      }
    }
    return false;
  }
}
