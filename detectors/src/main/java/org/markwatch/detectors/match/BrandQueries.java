package org.markwatch.detectors.match;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.markwatch.detectors.analysis.FuzzyVariantFilter;
import org.markwatch.detectors.analysis.Skeleton;
import org.markwatch.detectors.analysis.TextForms;
import org.markwatch.detectors.catalog.Brand;
import org.markwatch.detectors.catalog.BrandCatalog;
import org.markwatch.detectors.catalog.ProductLine;
import org.markwatch.detectors.catalog.ProductType;

/**
 * The brand catalog as matcher queries, and the reading of their hits back into {@link
 * BrandFinding}s. Query ids: {@code b:<brand>} names, {@code x:<brand>} exclusions, {@code
 * l:<brand>:<n>} product lines, {@code t:<type>} product words, {@code s:<brand>} short forms
 * ({@link ShortForms}).
 */
public final class BrandQueries {
  private static final List<Field> NAME_FIELDS =
      List.of(Field.TITLE, Field.TEXT, Field.SELLER, Field.CLAIMED);

  /** Match kinds from the most to the least certain; a field reports its most certain hit. */
  static final List<String> RANK =
      List.of("exact", "alias", "claimed", "folded", "misspelling", "fuzzy", "short");

  /**
   * Kind of a short form found next to a product word or line ("giày Balen"); reported as an alias
   * (the verdict schema has no kind of its own for it).
   */
  public static final String SHORT = "short";

  private final BrandCatalog catalog;

  public BrandQueries(BrandCatalog catalog) {
    this.catalog = catalog;
  }

  /** Adds every query of the catalog to the matcher. */
  public void register(TextMatcher.Builder b) {
    for (Brand brand : catalog.brands()) {
      b.add(
          "b:" + brand.id(),
          PhraseSet.of(
              brand.names(),
              NAME_FIELDS,
              true,
              Boolean.TRUE.equals(brand.fuzzy()),
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
    ShortForms.of(catalog)
        .forEach((id, forms) -> b.add("s:" + id, PhraseSet.of(forms, List.of(Field.TITLE), false)));
    for (ProductType t : catalog.productTypes()) {
      // the category path too: word sense reads the product from it (WordSense)
      List<Field> in =
          t.categoryOnly() ? List.of(Field.CATEGORY) : List.of(Field.TITLE, Field.CATEGORY);
      b.add("t:" + t.id(), PhraseSet.of(t.terms(), in, false));
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
        if (overlaps(h, excluded) || !(caseAllowed(brand, h) || namedInContext(brand, h, hits))) {
          continue;
        }
        String kind = kind(brand, h);
        if (kind == null) {
          continue; // a neighbourhood hit more than one edit away
        }
        if (("misspelling".equals(kind) || "fuzzy".equals(kind))
            && namesAnotherBrandsLine(brand, h, hits)) {
          continue; // "Rolex Cellini" is a Rolex model, not a disguised "Celine"
        }
        BrandFinding f = new BrandFinding(brand, h, kind);
        BrandFinding before = best.get(h.field());
        // a disguised name ("N1ke") next to a model alias ("Air Force 1") is reported as the
        // disguise:
        // the alias already says which brand it is, the disguise says the seller hides it
        boolean disguiseOverAlias =
            before != null && "misspelling".equals(kind) && "alias".equals(before.kind());
        boolean aliasUnderDisguise =
            before != null && "alias".equals(kind) && "misspelling".equals(before.kind());
        if (before == null
            || disguiseOverAlias
            || (!aliasUnderDisguise && RANK.indexOf(kind) < RANK.indexOf(before.kind()))) {
          best.put(h.field(), f);
        }
      }
      out.addAll(best.values());
    }
    shortForms(hits, out);
    out.sort(
        Comparator.comparing((BrandFinding f) -> f.hit().field())
            .thenComparingInt(f -> f.hit().start())
            .thenComparing(f -> f.brand().id()));
    return out;
  }

  /**
   * Adds the brands named by a short form in the title where no name of theirs was found there:
   * only right after or before a product word, or right before one of the brand's lines, and not
   * within another brand's name or an exclusion.
   */
  private void shortForms(Map<String, List<Hit>> hits, List<BrandFinding> out) {
    for (var e : hits.entrySet()) {
      if (!e.getKey().startsWith("s:")) {
        continue;
      }
      Brand brand = catalog.brand(e.getKey().substring(2)).orElseThrow();
      boolean named = false;
      for (BrandFinding f : out) {
        named |= f.brand().id().equals(brand.id()) && f.hit().field() == Field.TITLE;
      }
      if (named) {
        continue;
      }
      for (Hit h : e.getValue()) {
        if (h.field() == Field.TITLE
            && !withinName(h, hits)
            && !overlaps(h, hits.getOrDefault("x:" + brand.id(), List.of()))
            && nextToProductOrLine(brand, h, hits)) {
          out.add(new BrandFinding(brand, h, SHORT));
          break;
        }
      }
    }
  }

  /** True when a brand name found in the same field covers the hit ("Tommy Jeans"). */
  private static boolean withinName(Hit h, Map<String, List<Hit>> hits) {
    for (var e : hits.entrySet()) {
      if (e.getKey().startsWith("b:") && overlaps(h, e.getValue())) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when a product word stands right before or right after the hit, or one of the brand's
   * lines right after it (one separator between).
   */
  private static boolean nextToProductOrLine(Brand brand, Hit h, Map<String, List<Hit>> hits) {
    for (var e : hits.entrySet()) {
      boolean type = e.getKey().startsWith("t:");
      boolean line = e.getKey().startsWith("l:" + brand.id() + ":");
      if (!type && !line) {
        continue;
      }
      for (Hit c : e.getValue()) {
        if (c.field() != h.field()) {
          continue;
        }
        boolean after = c.start() >= h.end() && c.start() - h.end() <= 2;
        boolean before = c.end() <= h.start() && h.start() - c.end() <= 2;
        if (after || (type && before)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Product lines of {@code brandId} named in the title. A line named only inside the name of a
   * longer one is left out: "iPhone 15 Pro Max" names that line, not also "iPhone 15" and "iPhone
   * 15 Pro", whose lower prices would excuse a price far below the Pro Max's.
   */
  public List<ProductLine> lines(String brandId, Map<String, List<Hit>> hits) {
    Brand brand = catalog.brand(brandId).orElseThrow();
    List<List<Hit>> found = new ArrayList<>();
    for (int i = 0; i < brand.lines().size(); i++) {
      found.add(hits.get("l:" + brandId + ":" + i));
    }
    List<ProductLine> out = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      if (found.get(i) != null && !insideLongerLine(found.get(i), found)) {
        out.add(brand.lines().get(i));
      }
    }
    return out;
  }

  /** True when every hit of a line lies within a longer hit of another line. */
  private static boolean insideLongerLine(List<Hit> line, List<List<Hit>> all) {
    for (Hit h : line) {
      boolean covered = false;
      for (List<Hit> other : all) {
        for (int k = 0; other != null && k < other.size() && !covered; k++) {
          Hit o = other.get(k);
          covered =
              o.field() == h.field()
                  && o.start() <= h.start()
                  && h.end() <= o.end()
                  && o.end() - o.start() > h.end() - h.start();
        }
      }
      if (!covered) {
        return false;
      }
    }
    return !line.isEmpty();
  }

  /** True when {@code type} is an accessory product type (made to fit another product). */
  public boolean isAccessory(String type) {
    return catalog.productTypes().stream().anyMatch(t -> t.id().equals(type) && t.accessory());
  }

  /** The product type named first in the title, or null. */
  public String productType(Map<String, List<Hit>> hits) {
    return firstType(hits);
  }

  /** The product type named first in the title, or null. */
  static String firstType(Map<String, List<Hit>> hits) {
    String best = null;
    int bestStart = Integer.MAX_VALUE;
    int bestEnd = -1;
    for (var e : hits.entrySet()) {
      if (e.getKey().startsWith("t:")) {
        for (Hit h : e.getValue()) {
          boolean earlier =
              h.start() < bestStart
                  || (h.start() == bestStart
                      && (h.end() > bestEnd
                          || (h.end() == bestEnd && e.getKey().compareTo("t:" + best) < 0)));
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
  private static final java.util.regex.Pattern SEPARATORS =
      java.util.regex.Pattern.compile("[\\s\\-]+");
  private static final java.util.regex.Pattern NON_LETTERS =
      java.util.regex.Pattern.compile("[^\\p{L}]");

  private static String joined(String s) {
    return SEPARATORS.matcher(s).replaceAll("");
  }

  private static int pieces(String s) {
    return SEPARATORS.split(s.strip()).length;
  }

  /** The text as written, only lower-cased with spaces and apostrophes made uniform. */
  static String plain(String s) {
    return SPACES
        .matcher(
            java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT)
                .replace('’', '\''))
        .replaceAll(" ")
        .strip();
  }

  /**
   * A brand's names in every spelling {@link #kind} and {@link #caseAllowed} compare a hit with,
   * worked out once per brand instead of once per hit.
   */
  private record Spellings(
      String[] plain,
      String[] folded,
      String[] joined,
      int[] pieces,
      String[] skeleton,
      String[] letters,
      List<String> capitalAliases) {
    static Spellings of(Brand brand) {
      List<String> names = brand.names();
      int n = names.size();
      String[] plain = new String[n];
      String[] folded = new String[n];
      String[] joined = new String[n];
      int[] pieces = new int[n];
      String[] skeleton = new String[n];
      String[] letters = new String[n];
      List<String> capitals = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String name = names.get(i);
        plain[i] = BrandQueries.plain(name);
        folded[i] = TextForms.fold(plain[i]);
        joined[i] = BrandQueries.joined(folded[i]);
        pieces[i] = BrandQueries.pieces(folded[i]);
        skeleton[i] = Skeleton.of(name);
        letters[i] = Skeleton.letters(name);
        String nameLetters = NON_LETTERS.matcher(name).replaceAll("");
        if (nameLetters.length() <= 3
            && nameLetters.equals(nameLetters.toUpperCase(Locale.ROOT))
            && !name.equals(brand.name())) {
          capitals.add(nameLetters);
        }
      }
      return new Spellings(plain, folded, joined, pieces, skeleton, letters, List.copyOf(capitals));
    }
  }

  private final Map<String, Spellings> spellings = new java.util.concurrent.ConcurrentHashMap<>();

  private Spellings spellings(Brand brand) {
    return spellings.computeIfAbsent(brand.id(), id -> Spellings.of(brand));
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
  /**
   * A short alias typed in lower case ("túi lv", "giày nb", "son mac") counts when the word before
   * it in the title names a kind of product or the words after it name one of the brand's product
   * lines ("lv neverfull"): sellers type these forms in lower case, while alone "lv", "mac" or "nb"
   * are ordinary letters.
   */
  private static boolean namedInContext(Brand brand, Hit h, Map<String, List<Hit>> hits) {
    if (h.field() != Field.TITLE) {
      return false;
    }
    for (var e : hits.entrySet()) {
      boolean type = e.getKey().startsWith("t:");
      boolean line = e.getKey().startsWith("l:" + brand.id() + ":");
      if (!type && !line) {
        continue;
      }
      for (Hit c : e.getValue()) {
        if (c.field() != h.field()) {
          continue;
        }
        // adjacent words: one separator between them
        if (type && c.end() <= h.start() && h.start() - c.end() <= 2) {
          return true;
        }
        if (line && c.start() >= h.end() && c.start() - h.end() <= 2) {
          return true;
        }
      }
    }
    return false;
  }

  /** True when the hit's words are a product line of another brand of the catalog. */
  private static boolean namesAnotherBrandsLine(Brand brand, Hit h, Map<String, List<Hit>> hits) {
    for (var e : hits.entrySet()) {
      if (!e.getKey().startsWith("l:") || e.getKey().startsWith("l:" + brand.id() + ":")) {
        continue;
      }
      for (Hit l : e.getValue()) {
        if (l.field() == h.field() && l.start() <= h.start() && l.end() >= h.end()) {
          return true;
        }
      }
    }
    return false;
  }

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
    if (kind != null) {
      return h.field() == Field.CLAIMED ? "claimed" : kind;
    }
    if (!Boolean.TRUE.equals(brand.fuzzy())) {
      // disguises are read only for the brands counterfeiters disguise (a fuzzy catalog file): the
      // shop names of the retail list would otherwise be "found" in ordinary words ("de sport")
      return null;
    }
    String skeleton = Skeleton.of(h.text());
    for (int i = 0; i < n && kind == null; i++) {
      String name = names.skeleton()[i];
      if (name.length() >= 2 && skeleton.equals(name)) {
        kind = "misspelling";
      }
    }
    String letters = kind == null ? Skeleton.letters(h.text()) : null;
    for (int i = 0; i < n && kind == null; i++) {
      String name = names.skeleton()[i];
      String nameLetters = names.letters()[i];
      if (name.length() >= PhraseSet.FUZZY_MIN && FuzzyVariantFilter.distance(skeleton, name) <= 1
          || nameLetters.length() >= PhraseSet.FUZZY_MIN
              && FuzzyVariantFilter.distance(letters, nameLetters) <= 1) {
        kind = "fuzzy";
      }
    }
    if (kind != null && h.field() == Field.CLAIMED) {
      return "claimed";
    }
    return kind;
  }
}
