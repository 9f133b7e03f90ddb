package org.markwatch.detectors.rules;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.markwatch.detectors.analysis.TextForms;
import org.markwatch.detectors.config.ConfigException;
import org.markwatch.detectors.config.Yaml;
import org.markwatch.detectors.match.Field;
import org.markwatch.detectors.match.PhraseSet;
import org.markwatch.detectors.match.TextMatcher;
import org.markwatch.model.Violation;

/**
 * Reads rule files (YAML, see {@code conf/rules/README.md}) into a {@link Ruleset}, registering
 * their phrases as matcher queries. Unknown fields, bad regular expressions, unknown violations and
 * duplicate ids are refused with the file and line.
 */
public final class RulesetCompiler {
  private static final List<Field> DEFAULT_FIELDS = List.of(Field.TITLE, Field.TEXT);
  private static final Pattern ID = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*");

  private final TextMatcher.Builder matcher;
  private final org.markwatch.detectors.catalog.BrandCatalog catalog;
  private int queries;

  public RulesetCompiler(TextMatcher.Builder matcher) {
    this(matcher, new org.markwatch.detectors.catalog.BrandCatalog(List.of(), List.of()));
  }

  /**
   * @param catalog the catalog whose observed prices {@code priceBelowObserved} reads
   */
  public RulesetCompiler(
      TextMatcher.Builder matcher, org.markwatch.detectors.catalog.BrandCatalog catalog) {
    this.matcher = matcher;
    this.catalog = catalog;
  }

  /** Compiles every file; ids are unique across files. */
  public Ruleset compile(Map<String, String> files) {
    List<Rule> rules = new ArrayList<>();
    Map<Violation, Double> thresholds = new EnumMap<>(Violation.class);
    double def = Ruleset.DEFAULT_THRESHOLD;
    Map<String, String> seen = new HashMap<>();
    for (var e : files.entrySet()) {
      String file = e.getKey();
      String text = e.getValue();
      RuleFile rf = Yaml.read(file, text, RuleFile.class);
      for (var t : rf.thresholds().entrySet()) {
        double v = t.getValue() == null ? -1 : t.getValue();
        if (v <= 0 || v > 1) {
          throw new ConfigException(
              file, Yaml.lineOf(text, t.getKey() + ":"), 0, "threshold must be in (0,1]");
        }
        if (t.getKey().equals("default")) {
          def = v;
        } else {
          thresholds.put(violation(file, text, t.getKey()), v);
        }
      }
      for (RuleSpec spec : rf.rules()) {
        Rule r = compile(file, text, spec);
        String before = seen.putIfAbsent(r.id(), file);
        if (before != null) {
          throw new ConfigException(
              file,
              Yaml.lineOf(text, "id: " + r.id()),
              0,
              "rule id '" + r.id() + "' already defined in " + before);
        }
        rules.add(r);
      }
    }
    return new Ruleset(rules, thresholds, def);
  }

  private Rule compile(String file, String text, RuleSpec s) {
    int line = s.id() == null ? 0 : Yaml.lineOf(text, "id: " + s.id());
    if (s.id() == null || !ID.matcher(s.id()).matches()) {
      throw new ConfigException(
          file,
          line,
          0,
          "rule id must be lowercase words joined by '.' or '-', got '" + s.id() + "'");
    }
    String where = "rule '" + s.id() + "': ";
    if (s.violation() == null) {
      throw new ConfigException(file, line, 0, where + "violation is required");
    }
    Violation v = violation(file, text, s.violation());
    if (s.weight() == null || s.weight() <= 0 || s.weight() > 1) {
      throw new ConfigException(file, line, 0, where + "weight must be in (0,1]");
    }
    if (s.when() == null) {
      throw new ConfigException(file, line, 0, where + "'when' is required");
    }
    if (s.legalBasis() == null || s.legalBasis().isBlank()) {
      throw new ConfigException(file, line, 0, where + "legalBasis is required");
    }
    if (s.effectiveFrom() != null
        && s.effectiveTo() != null
        && s.effectiveTo().isBefore(s.effectiveFrom())) {
      throw new ConfigException(file, line, 0, where + "effectiveTo is before effectiveFrom");
    }
    Condition when = condition(file, text, s.id(), s.when());
    List<Condition> unless = new ArrayList<>();
    if (s.unless() != null) {
      unless.addAll(((Conditions.All) condition(file, text, s.id(), s.unless())).parts());
    }
    Examples ex = s.examples() == null ? new Examples(null, null) : s.examples();
    for (ExampleListing e :
        java.util.stream.Stream.concat(ex.fire().stream(), ex.quiet().stream()).toList()) {
      String seen = e.observedAt();
      if (seen != null && !isDateOrTime(seen)) {
        int[] p = Yaml.position(text, line, seen);
        throw new ConfigException(
            file,
            p[0],
            p[1],
            where
                + "example observedAt '"
                + seen
                + "' is not a date (2026-03-01) or an RFC 3339 time");
      }
    }
    return new Rule(
        s.id(),
        s.description(),
        v,
        s.legalBasis(),
        s.effectiveFrom(),
        s.effectiveTo(),
        s.weight(),
        when,
        unless,
        ex,
        file,
        s.sense() == null ? List.of() : List.copyOf(s.sense()));
  }

  /**
   * A whole date (2026-03-01) or an RFC 3339 time. Checked whole: reading only the first ten
   * characters, as scoring does, would let "2026-03-01 9am" or "2026-03-01T25:00" through.
   */
  private static boolean isDateOrTime(String s) {
    try {
      if (s.length() == 10) {
        java.time.LocalDate.parse(s);
      } else {
        java.time.OffsetDateTime.parse(s);
      }
      return true;
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }

  private Condition condition(String file, String text, String rule, ConditionSpec c) {
    int line = Yaml.lineOf(text, "id: " + rule);
    String where = "rule '" + rule + "': ";
    List<Condition> parts = new ArrayList<>();
    if (c.terms() != null) {
      if (c.terms().any() == null || c.terms().any().isEmpty()) {
        throw new ConfigException(file, line, 0, where + "terms.any needs at least one phrase");
      }
      for (String p : c.terms().any()) {
        if (TextForms.words(p).isEmpty()) {
          throw new ConfigException(
              file, Yaml.lineOf(text, p), 0, where + "term '" + p + "' has no words");
        }
      }
      String id = "r:" + rule + ":" + (queries++);
      matcher.add(
          id, PhraseSet.of(c.terms().any(), fields(file, line, where, c.terms().in()), false));
      List<List<String>> notAfter = new ArrayList<>();
      if (c.terms().notAfter() != null) {
        for (String p : c.terms().notAfter()) {
          if (TextForms.words(p).isEmpty()) {
            throw new ConfigException(
                file, Yaml.lineOf(text, p), 0, where + "notAfter phrase '" + p + "' has no words");
          }
          notAfter.addAll(new LinkedHashSet<>(TextForms.forms(p)));
        }
      }
      int window = c.terms().notAfterWords() == null ? 4 : c.terms().notAfterWords();
      if (window < 1 || window > 12) {
        throw new ConfigException(
            file, line, 0, where + "terms.notAfterWords must be 1..12, got " + window);
      }
      parts.add(new Conditions.Terms(id, notAfter, window));
    }
    if (c.patterns() != null) {
      if (c.patterns().any() == null || c.patterns().any().isEmpty()) {
        throw new ConfigException(
            file, line, 0, where + "patterns.any needs at least one expression");
      }
      List<Pattern> ps = new ArrayList<>();
      for (String p : c.patterns().any()) {
        try {
          // matched against lower-cased text, so no case-insensitive matching (several times
          // slower)
          ps.add(Pattern.compile(p));
        } catch (PatternSyntaxException e) {
          int pl = Yaml.lineOfValue(text, p, line);
          throw new ConfigException(
              file,
              pl,
              0,
              where
                  + "bad regular expression '"
                  + p
                  + "': "
                  + e.getDescription()
                  + " near index "
                  + e.getIndex());
        }
      }
      parts.add(new Conditions.Patterns(fields(file, line, where, c.patterns().in()), ps));
    }
    if (c.brand() != null) {
      Set<String> kinds = c.brand().kinds() == null ? Set.of() : Set.copyOf(c.brand().kinds());
      for (String k : kinds) {
        if (!Set.of("exact", "alias", "folded", "misspelling", "fuzzy", "claimed").contains(k)) {
          throw new ConfigException(file, line, 0, where + "unknown brand match kind '" + k + "'");
        }
      }
      Set<Field> fs =
          c.brand().in() == null
              ? Set.of()
              : new HashSet<>(fields(file, line, where, c.brand().in()));
      Set<String> cats =
          c.brand().categories() == null ? Set.of() : Set.copyOf(c.brand().categories());
      parts.add(new Conditions.BrandFound(kinds, fs, cats));
    }
    if (c.priceBelowReference() != null) {
      Double r = c.priceBelowReference().ratio();
      if (r == null || r <= 0 || r >= 1) {
        throw new ConfigException(
            file, line, 0, where + "priceBelowReference.ratio must be in (0,1)");
      }
      Map<String, Double> by =
          c.priceBelowReference().byCategory() == null
              ? Map.of()
              : c.priceBelowReference().byCategory();
      parts.add(new Conditions.PriceBelowReference(r, by));
    }
    if (c.brandReference() != null) {
      if (c.brandReference().before() == null || c.brandReference().before().isEmpty()) {
        throw new ConfigException(
            file, line, 0, where + "brandReference.before needs at least one phrase");
      }
      List<List<String>> before = new ArrayList<>();
      for (String p : c.brandReference().before()) {
        before.addAll(new LinkedHashSet<>(TextForms.forms(p)));
      }
      int words = c.brandReference().words() == null ? 3 : c.brandReference().words();
      parts.add(new Conditions.BrandReference(before, words));
    }
    if (c.officialStore() != null) {
      parts.add(new Conditions.OfficialStoreOf(c.officialStore(), catalog));
    }
    if (c.sellerMissing() != null) {
      for (String f : c.sellerMissing()) {
        if (!Conditions.SELLER_FIELDS.contains(f)) {
          throw new ConfigException(
              file,
              line,
              0,
              where + "unknown seller field '" + f + "', known: " + Conditions.SELLER_FIELDS);
        }
      }
      parts.add(new Conditions.SellerMissing(List.copyOf(c.sellerMissing())));
    }
    if (c.contacts() != null) {
      parts.add(new Conditions.ContactsPresent(Set.copyOf(c.contacts())));
    }
    if (c.hasPrice() != null) {
      parts.add(new Conditions.HasPrice(c.hasPrice()));
    }
    if (c.priceBelowObserved() != null) {
      Double r = c.priceBelowObserved().ratio();
      if (r == null || r <= 0 || r >= 1) {
        throw new ConfigException(
            file, line, 0, where + "priceBelowObserved.ratio must be in (0,1)");
      }
      int min =
          c.priceBelowObserved().minSamples() == null ? 20 : c.priceBelowObserved().minSamples();
      parts.add(new Conditions.PriceBelowObserved(r, min, catalog));
    }
    if (c.sellerInvalid() != null) {
      for (String f : c.sellerInvalid()) {
        if (!Conditions.VALIDATED_SELLER_FIELDS.contains(f)) {
          throw new ConfigException(
              file,
              line,
              0,
              where
                  + "sellerInvalid: unknown field '"
                  + f
                  + "', known: "
                  + Conditions.VALIDATED_SELLER_FIELDS);
        }
      }
      parts.add(new Conditions.SellerInvalid(List.copyOf(c.sellerInvalid())));
    }
    if (Boolean.TRUE.equals(c.gtinInvalid())) {
      parts.add(new Conditions.GtinInvalid());
    }
    if (c.expiryDatePassed() != null) {
      parts.add(ExpiryDatePassed.compile(file, text, line, where, c.expiryDatePassed()));
    }
    if (c.anyOf() != null) {
      List<Condition> alts = new ArrayList<>();
      for (ConditionSpec a : c.anyOf()) {
        alts.add(condition(file, text, rule, a));
      }
      parts.add(new Conditions.Any(alts));
    }
    if (parts.isEmpty()) {
      throw new ConfigException(file, line, 0, where + "empty condition");
    }
    return new Conditions.All(parts);
  }

  private static List<Field> fields(String file, int line, String where, List<String> names) {
    if (names == null || names.isEmpty()) {
      return DEFAULT_FIELDS;
    }
    List<Field> out = new ArrayList<>();
    for (String n : names) {
      out.add(
          Field.fromId(n)
              .orElseThrow(
                  () ->
                      new ConfigException(
                          file,
                          line,
                          0,
                          where
                              + "unknown field '"
                              + n
                              + "', known: title, text, seller, claimed, category, attributes")));
    }
    return out;
  }

  private static Violation violation(String file, String text, String id) {
    return Violation.fromId(id)
        .orElseThrow(
            () ->
                new ConfigException(
                    file, Yaml.lineOf(text, id), 0, "unknown violation '" + id + "'"));
  }
}
