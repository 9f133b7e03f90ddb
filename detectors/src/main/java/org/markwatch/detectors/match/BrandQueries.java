package org.markwatch.detectors.match;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.markwatch.detectors.analysis.FuzzyVariantFilter;
import org.markwatch.detectors.analysis.Skeleton;
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

  /** Match kinds from the most to the least certain; a field reports its most certain hit. */
  static final List<String> RANK = List.of("exact", "alias", "claimed", "folded", "misspelling", "fuzzy");

  private final BrandCatalog catalog;

  public BrandQueries(BrandCatalog catalog) {
    this.catalog = catalog;
  }

  /** Adds every query of the catalog to the matcher. */
  public void register(TextMatcher.Builder b) {
    for (Brand brand : catalog.brands()) {
      b.add("b:" + brand.id(), PhraseSet.of(brand.names(), NAME_FIELDS, true, Boolean.TRUE.equals(brand.fuzzy()),
          catalog.commonWords()));
      if (!brand.notWhen().isEmpty()) {
        b.add("x:" + brand.id(), PhraseSet.of(brand.notWhen(), NAME_FIELDS, false));
      }
      for (int i = 0; i < brand.lines().size(); i++) {
        ProductLine line = brand.lines().get(i);
        List<String> names = new ArrayList<>(line.aliases());
        names.add(0, line.name());
        b.add("l:" + brand.id() + ":" + i, PhraseSet.of(names, List.of(Field.TITLE), true));
      }
    }
    for (ProductType t : catalog.productTypes()) {
      b.add("t:" + t.id(), PhraseSet.of(t.terms(), List.of(Field.TITLE), false));
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
      java.util.Map<Field, BrandFinding> best = new java.util.EnumMap<>(Field.class);
      for (Hit h : e.getValue()) {
        if (overlaps(h, excluded) || !caseAllowed(brand, h)) {
          continue;
        }
        String kind = kind(brand, h);
        if (kind == null) {
          continue; // a neighbourhood hit more than one edit away
        }
        BrandFinding f = new BrandFinding(brand, h, kind);
        BrandFinding before = best.get(h.field());
        if (before == null || RANK.indexOf(kind) < RANK.indexOf(before.kind())) {
          best.put(h.field(), f);
        }
      }
      out.addAll(best.values());
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

  /** True when {@code type} is an accessory product type (made to fit another product). */
  public boolean isAccessory(String type) {
    return catalog.productTypes().stream().anyMatch(t -> t.id().equals(type) && t.accessory());
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

  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
  private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[\\s\\-]+");
  private static final java.util.regex.Pattern NON_LETTERS = java.util.regex.Pattern.compile("[^\\p{L}]");

  private static String joined(String s) {
    return SEPARATORS.matcher(s).replaceAll("");
  }

  private static int pieces(String s) {
    return SEPARATORS.split(s.strip()).length;
  }

  /** The text as written, only lower-cased with spaces and apostrophes made uniform. */
  static String plain(String s) {
    return SPACES.matcher(java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
        .replace('’', '\'')).replaceAll(" ").strip();
  }

  private static boolean overlaps(Hit h, Collection<Hit> others) {
    for (Hit o : others) {
      if (o.field() == h.field() && o.start() < h.end() && h.start() < o.end()) {
        return true;
      }
    }
    return false;
  }

  /**
   * A brand's names in every spelling {@link #kind} and {@link #caseAllowed} compare a hit with,
   * worked out once per brand instead of once per hit.
   */
  private record Spellings(String[] plain, String[] folded, String[] joined, int[] pieces, String[] skeleton,
      List<String> capitalAliases) {
    static Spellings of(Brand brand) {
      List<String> names = brand.names();
      int n = names.size();
      String[] plain = new String[n];
      String[] folded = new String[n];
      String[] joined = new String[n];
      int[] pieces = new int[n];
      String[] skeleton = new String[n];
      List<String> capitals = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String name = names.get(i);
        plain[i] = BrandQueries.plain(name);
        folded[i] = TextForms.fold(plain[i]);
        joined[i] = BrandQueries.joined(folded[i]);
        pieces[i] = BrandQueries.pieces(folded[i]);
        skeleton[i] = Skeleton.of(name);
        String nameLetters = NON_LETTERS.matcher(name).replaceAll("");
        if (nameLetters.length() <= 3 && nameLetters.equals(nameLetters.toUpperCase(Locale.ROOT))
            && !name.equals(brand.name())) {
          capitals.add(nameLetters);
        }
      }
      return new Spellings(plain, folded, joined, pieces, skeleton, List.copyOf(capitals));
    }
  }

  private final Map<String, Spellings> spellings = new java.util.concurrent.ConcurrentHashMap<>();

  private Spellings spellings(Brand brand) {
    return spellings.computeIfAbsent(brand.id(), id -> Spellings.of(brand));
  }

  /** Short capital aliases ("LV", "MK") count only when written in capitals. */
  private boolean caseAllowed(Brand brand, Hit h) {
    List<String> capitals = spellings(brand).capitalAliases();
    if (capitals.isEmpty()) {
      return true;
    }
    String letters = NON_LETTERS.matcher(h.text()).replaceAll("");
    for (String nameLetters : capitals) {
      if (letters.equalsIgnoreCase(nameLetters)) {
        return letters.equals(letters.toUpperCase(Locale.ROOT));
      }
    }
    return true;
  }

  /** How the hit spells the brand, or null when it is not close enough to any of its names. */
  String kind(Brand brand, Hit h) {
    Spellings names = spellings(brand);
    int n = names.plain().length;
    String got = plain(h.text());
    String kind = null;
    for (int i = 0; i < n && kind == null; i++) {
      if (got.equals(names.plain()[i])) {
        kind = i == 0 ? "exact" : "alias";
      }
    }
    String folded = TextForms.fold(got);
    for (int i = 0; i < n && kind == null; i++) {
      if (folded.equals(names.folded()[i])) {
        kind = "folded";
      }
    }
    // "NewBalance", "G-Shock" for "G Shock": words run together or hyphenated is formatting, not
    // a disguise; a name cut into more pieces than it has words ("Mei ji", "G u c c i") is one
    if (kind == null) {
      String joinedGot = joined(folded);
      int piecesGot = pieces(folded);
      for (int i = 0; i < n && kind == null; i++) {
        if (joinedGot.equals(names.joined()[i]) && piecesGot <= names.pieces()[i]) {
          kind = "folded";
        }
      }
    }
    String skeleton = kind == null ? Skeleton.of(h.text()) : null;
    for (int i = 0; i < n && kind == null; i++) {
      String name = names.skeleton()[i];
      if (name.length() >= 2 && skeleton.equals(name)) {
        kind = "misspelling";
      }
    }
    for (int i = 0; i < n && kind == null; i++) {
      String name = names.skeleton()[i];
      if (name.length() >= PhraseSet.FUZZY_MIN && FuzzyVariantFilter.distance(skeleton, name) <= 1) {
        kind = "fuzzy";
      }
    }
    if (kind != null && h.field() == Field.CLAIMED) {
      return "claimed";
    }
    return kind;
  }
}
