package org.markwatch.detectors.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.markwatch.detectors.analysis.TextForms;
import org.markwatch.detectors.catalog.Brand;
import org.markwatch.detectors.catalog.OfficialStore;
import org.markwatch.detectors.catalog.ProductLine;
import org.markwatch.detectors.match.BrandFinding;
import org.markwatch.detectors.match.Field;
import org.markwatch.detectors.match.Hit;
import org.markwatch.model.Contact;
import org.markwatch.model.Listing;
import org.markwatch.model.Seller;

/** The condition kinds a rule can use; each is a small value with one test. */
final class Conditions {
  private Conditions() {}

  /** All conditions hold; the evidence is the first one that has a field. */
  record All(List<Condition> parts) implements Condition {
    @Override
    public Evidence test(ListingContext ctx) {
      String field = null;
      StringBuilder text = new StringBuilder();
      for (Condition c : parts) {
        Evidence e = c.test(ctx);
        if (e == null) {
          return null;
        }
        if (field == null) {
          field = e.field();
        }
        if (e.text() != null && !e.text().isEmpty()) {
          text.append(text.isEmpty() ? "" : "; ").append(e.text());
        }
      }
      return new Evidence(field, text.isEmpty() ? null : text.toString());
    }
  }

  /** At least one holds. */
  record Any(List<Condition> parts) implements Condition {
    @Override
    public Evidence test(ListingContext ctx) {
      for (Condition c : parts) {
        Evidence e = c.test(ctx);
        if (e != null) {
          return e;
        }
      }
      return null;
    }
  }

  /**
   * A matcher query (terms) hit that no context phrase of {@code notAfter} precedes within {@code
   * window} words of its clause.
   */
  record Terms(String queryId, List<List<String>> notAfter, int window) implements Condition {
    Terms(String queryId) {
      this(queryId, List.of(), 4);
    }

    @Override
    public Evidence test(ListingContext ctx) {
      List<Hit> hits = ctx.hits().get(queryId);
      if (hits == null || hits.isEmpty()) {
        return null;
      }
      for (Hit h : hits) {
        if (notAfter.isEmpty() || !inContext(ctx, h)) {
          return new Evidence(h.field().id(), h.text());
        }
      }
      return null;
    }

    private boolean inContext(ListingContext ctx, Hit h) {
      String v = ctx.fields().get(h.field());
      if (v == null || h.start() > v.length()) {
        return false;
      }
      String before = v.substring(0, h.start());
      int cut = -1;
      for (int i = before.length() - 1; i >= 0; i--) {
        char c = before.charAt(i);
        if (c == '.' || c == '!' || c == '?' || c == ';' || c == ',' || c == '\n' || c == '|') {
          cut = i;
          break;
        }
      }
      // Words as written: the folded form of a phrase stands for the phrase typed without accents
      // ("den" for "đền"), never for another word that folds the same ("đen", black; "nó", it).
      List<String> w = TextForms.words(before.substring(cut + 1));
      for (List<String> phrase : notAfter) {
        int from = Math.max(0, w.size() - window - phrase.size() + 1);
        if (BrandReference.containsSeq(w, phrase, from)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * A regular expression found in the lower-cased text of a field. A pattern runs only on a field
   * that contains a literal of each group of its {@link RegexLiterals} (the others cannot match).
   */
  record Patterns(List<Field> fields, List<Pattern> patterns, List<String[][]> literals)
      implements Condition {
    Patterns(List<Field> fields, List<Pattern> patterns) {
      this(fields, patterns, patterns.stream().map(RegexLiterals::required).toList());
    }

    @Override
    public Evidence test(ListingContext ctx) {
      for (Field f : fields) {
        String v = ctx.fields().get(f);
        if (v == null) {
          continue;
        }
        String lower = ctx.fields().lower(f);
        for (int i = 0; i < patterns.size(); i++) {
          if (!RegexLiterals.mayMatch(lower, literals.get(i))) {
            continue;
          }
          Matcher m = patterns.get(i).matcher(lower);
          if (m.find()) {
            return new Evidence(f.id(), v.substring(m.start(), m.end()));
          }
        }
      }
      return null;
    }
  }

  /** A brand found, optionally restricted. */
  record BrandFound(Set<String> kinds, Set<Field> fields, Set<String> categories)
      implements Condition {
    @Override
    public Evidence test(ListingContext ctx) {
      for (BrandFinding f : ctx.brands()) {
        if ((kinds.isEmpty() || kinds.contains(f.kind()))
            && (fields.isEmpty() || fields.contains(f.hit().field()))
            && (categories.isEmpty() || categories.contains(f.brand().category()))) {
          return new Evidence(
              f.hit().field().id(), f.hit().text() + " (" + f.brand().id() + ", " + f.kind() + ")");
        }
      }
      return null;
    }
  }

  /** Price below a share of the genuine reference price of a found brand. */
  record PriceBelowReference(double ratio, Map<String, Double> byCategory) implements Condition {
    @Override
    public Evidence test(ListingContext ctx) {
      Listing l = ctx.listing();
      if (l.price() == null
          || l.price().amount() == null
          || !"VND".equalsIgnoreCase(l.price().currency())) {
        return null;
      }
      BigDecimal price = l.price().amount();
      if (price.signum() <= 0) {
        return null;
      }
      String type = ctx.brandQueries().productType(ctx.hits());
      for (BrandFinding f : ctx.brands()) {
        // the product named first in the title is what is sold: a line of another type
        // ("dây đeo Apple Watch": a strap, not a watch) says nothing about its price
        if (f.hit().field() != Field.TITLE && f.hit().field() != Field.CLAIMED) {
          continue;
        }
        Brand b = f.brand();
        long ref = 0;
        String what = null;
        for (ProductLine line : ctx.brandQueries().lines(b.id(), ctx.hits())) {
          if (type != null
              && line.type() != null
              && !line.type().equals(type)
              && ctx.brandQueries().isAccessory(type)) {
            continue;
          }
          if (line.min() > 0 && (ref == 0 || line.min() < ref)) {
            ref = line.min();
            what = b.name() + " " + line.name();
          }
        }
        if (ref == 0 && type != null && b.prices().containsKey(type)) {
          ref = b.prices().get(type);
          what = b.name() + " " + type;
        }
        if (ref == 0) {
          continue;
        }
        double r = byCategory.getOrDefault(b.category(), ratio);
        if (price.doubleValue() < r * ref) {
          return new Evidence(
              "price",
              String.format(
                  Locale.ROOT,
                  "%,d VND < %.2f x %,d VND reference (%s)",
                  price.longValue(),
                  r,
                  ref,
                  what));
        }
      }
      return null;
    }
  }

  /** Price below a share of the observed market median for the brand and product type. */
  record PriceBelowObserved(
      double ratio, int minSamples, org.markwatch.detectors.catalog.BrandCatalog catalog)
      implements Condition {
    @Override
    public Evidence test(ListingContext ctx) {
      Listing l = ctx.listing();
      if (l.price() == null
          || l.price().amount() == null
          || !"VND".equalsIgnoreCase(l.price().currency())
          || l.price().amount().signum() <= 0) {
        return null;
      }
      String type = ctx.brandQueries().productType(ctx.hits());
      if (type == null) {
        return null;
      }
      for (BrandFinding f : ctx.brands()) {
        // the product line's own figure when there is one with enough listings, else the brand's
        java.util.Optional<org.markwatch.detectors.catalog.ObservedPrice> o =
            java.util.Optional.empty();
        for (ProductLine line : ctx.brandQueries().lines(f.brand().id(), ctx.hits())) {
          var byLine = catalog.observed(f.brand().id(), line.name(), type);
          if (byLine.isPresent() && enough(byLine.get())) {
            o = byLine;
            break;
          }
        }
        if (o.isEmpty()) {
          o = catalog.observed(f.brand().id(), type);
        }
        boolean enough = o.isPresent() && enough(o.get());
        if (enough && l.price().amount().doubleValue() < ratio * o.get().median()) {
          return new Evidence(
              "price",
              String.format(
                  Locale.ROOT,
                  "%,d VND < %.2f x %s %,d VND (%s %s, %s)",
                  l.price().amount().longValue(),
                  ratio,
                  o.get().isSeed() ? "seed reference median" : "observed median",
                  o.get().median(),
                  o.get().line() == null
                      ? f.brand().name()
                      : f.brand().name() + " " + o.get().line(),
                  type,
                  o.get().isSeed() ? "seed value, not observed" : "n=" + o.get().samples()));
        }
      }
      return null;
    }

    private boolean enough(org.markwatch.detectors.catalog.ObservedPrice p) {
      return p.isSeed() || (p.samples() != null && p.samples() >= minSamples);
    }
  }

  /** Seller identifiers present but invalid. */
  record SellerInvalid(List<String> fields) implements Condition {
    @Override
    public Evidence test(ListingContext ctx) {
      Seller s = ctx.listing().seller();
      if (s == null) {
        return null;
      }
      for (String f : fields) {
        switch (f) {
          case "taxCode" -> {
            if (s.taxCode() != null && !s.taxCode().isBlank()) {
              var v = org.markwatch.model.validate.VnTaxCode.validate(s.taxCode());
              if (!v.valid()) {
                return new Evidence("seller.taxCode", s.taxCode() + ": " + v.reason());
              }
            }
          }
          case "businessRegistration" -> {
            if (s.businessRegistration() != null && !s.businessRegistration().isBlank()) {
              var v =
                  org.markwatch.model.validate.VnBusinessRegistration.validate(
                      s.businessRegistration());
              if (!v.valid()) {
                return new Evidence(
                    "seller.businessRegistration", s.businessRegistration() + ": " + v.reason());
              }
            }
          }
          case "phones" -> {
            if (s.phones() != null) {
              for (String p : s.phones()) {
                var v = org.markwatch.model.validate.VnPhone.normalise(p);
                if (!v.valid()) {
                  return new Evidence("seller.phones", p + ": " + v.reason());
                }
              }
            }
          }
          default -> throw new IllegalArgumentException(f);
        }
      }
      return droppedByExtraction(ctx);
    }

    /**
     * The crawler's extraction keeps only identifiers that pass their check and notes the others in
     * {@code attributes["seller.dropped"]} ("taxCode 0102641428: checksum; phone 0112: ..."). A
     * seller who shows a false one is still the one this condition is about.
     */
    private Evidence droppedByExtraction(ListingContext ctx) {
      Map<String, String> a = ctx.listing().attributes();
      String dropped = a == null ? null : a.get(DROPPED_ATTRIBUTE);
      if (dropped == null || dropped.isBlank()) {
        return null;
      }
      for (String note : dropped.split(";")) {
        String n = note.strip();
        int space = n.indexOf(' ');
        String field = space < 0 ? n : n.substring(0, space);
        if (fields.contains(field) || (field.equals("phone") && fields.contains("phones"))) {
          return new Evidence("attributes." + DROPPED_ATTRIBUTE, n);
        }
      }
      return null;
    }
  }

  /** Where the crawler's extraction notes seller identifiers it left out as invalid. */
  static final String DROPPED_ATTRIBUTE = "seller.dropped";

  static final Set<String> VALIDATED_SELLER_FIELDS =
      Set.of("taxCode", "businessRegistration", "phones");

  /** A GTIN/EAN/barcode attribute fails its check digit. */
  record GtinInvalid() implements Condition {
    private static final List<String> KEYS =
        List.of("gtin", "gtin13", "gtin12", "gtin8", "gtin14", "ean", "barcode", "mã vạch");

    @Override
    public Evidence test(ListingContext ctx) {
      Map<String, String> a = ctx.listing().attributes();
      if (a == null) {
        return null;
      }
      for (var e : a.entrySet()) {
        if (e.getValue() != null && KEYS.contains(e.getKey().toLowerCase(Locale.ROOT))) {
          var v = org.markwatch.model.validate.Gtin.validate(e.getValue());
          if (!v.valid()) {
            return new Evidence("attributes." + e.getKey(), e.getValue() + ": " + v.reason());
          }
        }
      }
      return null;
    }
  }

  /** A found brand is what the product fits: a phrase of {@code before} just before it. */
  record BrandReference(List<List<String>> before, int words, List<Boolean> accentless)
      implements Condition {
    /** {@code accentless}: per phrase of {@code before}, whether it is written without accents. */
    BrandReference(List<List<String>> before, int words) {
      this(before, words, before.stream().map(BrandReference::accentless).toList());
    }

    @Override
    public Evidence test(ListingContext ctx) {
      for (BrandFinding f : ctx.brands()) {
        Field field = f.hit().field();
        if (field != Field.TITLE && field != Field.TEXT) {
          continue;
        }
        List<String> w = lastWords(ctx.fields().get(field).substring(0, f.hit().start()));
        List<String> folded = w.stream().map(TextForms::fold).toList();
        for (int k = 0; k < before.size(); k++) {
          List<String> phrase = before.get(k);
          int from = Math.max(0, w.size() - words - phrase.size());
          if (containsSeq(accentless.get(k) ? folded : w, phrase, from)) {
            return new Evidence(field.id(), String.join(" ", phrase) + " … " + f.hit().text());
          }
        }
      }
      return null;
    }

    /**
     * The words of {@code prefix}, or enough of its last words: only the last {@code words} plus a
     * phrase's length are compared, and analysing the whole description before a brand in the text
     * field cost more than the rest of the rule. The text is cut at a space (no token spans one)
     * and the cut kept only when it leaves more words than can be compared; else the whole prefix.
     */
    private List<String> lastWords(String prefix) {
      int need = words + longest() + 1;
      int cut = prefix.length();
      for (int chunks = 0; cut > 0 && chunks <= need; ) {
        cut = prefix.lastIndexOf(' ', cut - 1);
        if (cut < 0) {
          return TextForms.words(prefix);
        }
        chunks++;
      }
      if (cut <= 0) {
        return TextForms.words(prefix);
      }
      List<String> tail = TextForms.words(prefix.substring(cut + 1));
      return tail.size() > need ? tail : TextForms.words(prefix);
    }

    private int longest() {
      int n = 0;
      for (List<String> phrase : before) {
        n = Math.max(n, phrase.size());
      }
      return n;
    }

    /** True when folding changes no word of the phrase: it is then compared with folded text. */
    static boolean accentless(List<String> phrase) {
      return phrase.equals(phrase.stream().map(TextForms::fold).toList());
    }

    static boolean containsSeq(List<String> words, List<String> seq, int from) {
      outer:
      for (int i = from; i + seq.size() <= words.size(); i++) {
        for (int k = 0; k < seq.size(); k++) {
          if (!words.get(i + k).equals(seq.get(k))) {
            continue outer;
          }
        }
        return true;
      }
      return false;
    }
  }

  /**
   * The seller is an official store of a found brand (allow-list or a platform-marked official shop
   * name).
   */
  record OfficialStoreOf(boolean expected, org.markwatch.detectors.catalog.BrandCatalog catalog)
      implements Condition {
    private static final List<String> MARKS = List.of("official", "flagship", "mall");

    /** Configured store names in their compared form: worked out once, not once per listing. */
    private static final Map<String, String> STORE_NAMES =
        new java.util.concurrent.ConcurrentHashMap<>();

    private static String storeName(String configured) {
      return STORE_NAMES.computeIfAbsent(
          configured, n -> TextForms.fold(String.join(" ", TextForms.words(n))));
    }

    @Override
    public Evidence test(ListingContext ctx) {
      boolean is = official(ctx);
      return is == expected ? new Evidence("seller", ctx.fields().get(Field.SELLER)) : null;
    }

    private boolean official(ListingContext ctx) {
      Seller s = ctx.listing().seller();
      if (ctx.brands().isEmpty()) {
        return false;
      }
      if (s == null) {
        if (!"web".equals(ctx.listing().platform())) {
          return false;
        }
        // a web shop's own site: only a store registered by host can say so
        String site = OfficialStore.hostOf(ctx.listing().url());
        for (BrandFinding f : ctx.brands()) {
          for (OfficialStore o : catalog.officialStores(f.brand())) {
            if (o.host() != null && o.host().equals(site) && o.on(ctx.listing().platform())) {
              return true;
            }
          }
        }
        return false;
      }
      if (Boolean.FALSE.equals(s.verified())) {
        return false;
      }
      String name =
          s.name() == null ? "" : TextForms.fold(String.join(" ", TextForms.words(s.name())));
      String shopHost = OfficialStore.hostOf(s.url());
      String site = OfficialStore.hostOf(ctx.listing().url());
      for (BrandFinding f : ctx.brands()) {
        for (OfficialStore o : catalog.officialStores(f.brand())) {
          boolean who =
              (o.sellerId() != null && o.sellerId().equals(s.id()))
                  || (o.name() != null && storeName(o.name()).equals(name))
                  || (o.host() != null
                      && (o.host().equals(shopHost)
                          || ("web".equals(ctx.listing().platform()) && o.host().equals(site))));
          if (o.on(ctx.listing().platform()) && who) {
            return true;
          }
        }
        if (f.hit().field() == Field.SELLER && Boolean.TRUE.equals(s.verified())) {
          return true; // a shop the platform verified, named after the brand
        }
        if (f.hit().field() == Field.SELLER) {
          List<String> words = List.of(name.split(" "));
          for (String m : MARKS) {
            if (words.contains(m)) {
              return true;
            }
          }
        }
      }
      return false;
    }
  }

  /** Every named seller field is missing. */
  record SellerMissing(List<String> fields) implements Condition {
    @Override
    public Evidence test(ListingContext ctx) {
      Seller s = ctx.listing().seller();
      List<String> missing = new ArrayList<>();
      for (String f : fields) {
        if (s == null || blank(value(s, f))) {
          missing.add(f);
        }
      }
      return missing.size() == fields.size()
          ? new Evidence("seller", "missing " + String.join(", ", missing))
          : null;
    }

    static Object value(Seller s, String f) {
      return switch (f) {
        case "name" -> s.name();
        case "address" -> s.address();
        case "phones" -> s.phones();
        case "emails" -> s.emails();
        case "businessRegistration" -> s.businessRegistration();
        case "taxCode" -> s.taxCode();
        case "province" -> s.province();
        default -> throw new IllegalArgumentException(f);
      };
    }

    private static boolean blank(Object v) {
      return v == null
          || (v instanceof String str && str.isBlank())
          || (v instanceof List<?> l && l.isEmpty());
    }
  }

  static final Set<String> SELLER_FIELDS =
      Set.of("name", "address", "phones", "emails", "businessRegistration", "taxCode", "province");

  /** The listing carries contacts of these types. */
  record ContactsPresent(Set<String> types) implements Condition {
    @Override
    public Evidence test(ListingContext ctx) {
      List<Contact> cs = ctx.listing().contacts();
      if (cs == null) {
        return null;
      }
      for (Contact c : cs) {
        if (c.type() != null && types.contains(c.type())) {
          return new Evidence("contacts", c.type() + ": " + c.value());
        }
      }
      return null;
    }
  }

  /** The listing has (or lacks) a price. */
  record HasPrice(boolean expected) implements Condition {
    @Override
    public Evidence test(ListingContext ctx) {
      boolean has = ctx.listing().price() != null && ctx.listing().price().amount() != null;
      return has == expected ? new Evidence(null, null) : null;
    }
  }
}
