package org.markwatch.detectors;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.markwatch.detectors.catalog.BrandCatalog;
import org.markwatch.detectors.catalog.BrandCatalogReader;
import org.markwatch.detectors.catalog.ProductLine;
import org.markwatch.detectors.match.BrandFinding;
import org.markwatch.detectors.match.BrandQueries;
import org.markwatch.detectors.match.Hit;
import org.markwatch.detectors.match.ListingFields;
import org.markwatch.detectors.match.TextMatcher;
import org.markwatch.detectors.match.WordSense;
import org.markwatch.detectors.rules.ExpiryDates;
import org.markwatch.detectors.rules.ListingContext;
import org.markwatch.detectors.rules.Rule;
import org.markwatch.detectors.rules.Ruleset;
import org.markwatch.detectors.rules.RulesetCompiler;
import org.markwatch.detectors.scoring.NoisyOrScorer;
import org.markwatch.model.BrandHit;
import org.markwatch.model.Listing;
import org.markwatch.model.Scored;
import org.markwatch.model.Signal;

/**
 * Entry point of the detectors: brand matching, rules and scoring. Build once per configuration (it
 * compiles the brand queries and rules), then call {@link #score} or, faster, {@link #scoreAll}
 * from one thread per instance. {@link #close} stops the matcher's background cache-purge thread.
 */
public final class Detectors implements AutoCloseable {
  /** Listings matched together by {@link #scoreAll}: large enough to share the monitor's work. */
  public static final int BATCH = batchSize();

  private final BrandCatalog catalog;
  private final BrandQueries brandQueries;
  private final WordSense sense;
  private final Ruleset ruleset;
  private final TextMatcher matcher;
  private final String version;

  private Detectors(
      BrandCatalog catalog,
      BrandQueries brandQueries,
      WordSense sense,
      Ruleset ruleset,
      TextMatcher matcher,
      String version) {
    this.catalog = catalog;
    this.brandQueries = brandQueries;
    this.sense = sense;
    this.ruleset = ruleset;
    this.matcher = matcher;
    this.version = version;
  }

  /** How listings are matched against the brand and rule phrases. */
  public enum Matching {
    /** A phrase index of first words, no lucene-monitor (the default; see {@code PhraseIndex}). */
    INDEXED,
    /** Batches through lucene-monitor with the multipass presearcher: the tests' reference. */
    BATCHED,
    /** lucene-monitor used naively, one listing at a time: the baseline of {@code bench score}. */
    NAIVE
  }

  /** Not a compile-time constant, so callers in other modules never keep a stale copy of it. */
  private static int batchSize() {
    return 2048;
  }

  /** Compiles a configuration; a bad file fails here with its name, line and column. */
  public static Detectors create(DetectorConfig config) {
    return create(config, Matching.INDEXED);
  }

  /** {@link #create(DetectorConfig)} with a choice of matching, for benchmarks. */
  public static Detectors create(DetectorConfig config, Matching matching) {
    BrandCatalog catalog = BrandCatalogReader.read(config.brandFiles());
    TextMatcher.Builder mb = TextMatcher.builder().commonWords(catalog.commonWords());
    BrandQueries bq = new BrandQueries(catalog);
    bq.register(mb);
    WordSense sense = new WordSense(catalog);
    sense.register(mb);
    Ruleset rules = new RulesetCompiler(mb, catalog).compile(config.ruleFiles());
    TextMatcher matcher =
        mb.build(
            switch (matching) {
              case INDEXED -> TextMatcher.Mode.PHRASE_INDEX;
              case BATCHED -> TextMatcher.Mode.MONITOR;
              case NAIVE -> TextMatcher.Mode.NAIVE;
            });
    return new Detectors(
        catalog, bq, sense, rules, matcher, "sha256:" + config.sha256().substring(0, 16));
  }

  /** The verdict on one listing; deterministic for the same listing and configuration. */
  public Scored score(Listing listing) {
    ListingFields fields = new ListingFields(listing);
    return verdict(listing, fields, matcher.match(fields));
  }

  /** The verdict on a listing, or why the detectors failed on it (then {@code scored} is null). */
  public record Outcome(Scored scored, Throwable failure) {
    public boolean ok() {
      return failure == null;
    }

    /** "detectors failed: StackOverflowError: ...", for a dead letter or a reject line. */
    public String reason() {
      return failure == null
          ? null
          : "detectors failed: " + failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
  }

  /**
   * {@link #scoreAll}, except that a listing the detectors fail on fails alone: when a batch fails,
   * its listings are scored one by one and only the failing one gets a failed outcome. A rule regex
   * that recurses per character overflows the stack on a few KB of hostile text; the stack unwinds
   * and nothing is left half-changed, so that Error is one listing's failure too.
   */
  public List<Outcome> scoreEach(List<Listing> listings) {
    List<Outcome> out = new ArrayList<>(listings.size());
    try {
      for (Scored s : scoreAll(listings)) {
        out.add(new Outcome(s, null));
      }
      return out;
    } catch (RuntimeException | StackOverflowError e) {
      out.clear();
    }
    for (Listing l : listings) {
      try {
        out.add(new Outcome(score(l), null));
      } catch (RuntimeException | StackOverflowError e) {
        out.add(new Outcome(null, e));
      }
    }
    return out;
  }

  /**
   * The verdicts on many listings, in input order; the same verdicts {@link #score} gives, several
   * times faster because the matcher works on {@link #BATCH} listings at a time.
   */
  public List<Scored> scoreAll(List<Listing> listings) {
    List<Scored> out = new ArrayList<>(listings.size());
    for (int from = 0; from < listings.size(); from += BATCH) {
      List<Listing> part = listings.subList(from, Math.min(listings.size(), from + BATCH));
      List<ListingFields> fields = part.stream().map(ListingFields::new).toList();
      List<Map<String, List<Hit>>> hits = matcher.match(fields);
      for (int i = 0; i < part.size(); i++) {
        out.add(verdict(part.get(i), fields.get(i), hits.get(i)));
      }
    }
    return out;
  }

  private Scored verdict(Listing listing, ListingFields fields, Map<String, List<Hit>> hits) {
    WordSense.Reading reading = sense.read(hits, brandQueries.findings(hits));
    List<BrandFinding> brands = reading.kept();
    ListingContext ctx =
        new ListingContext(listing, fields, hits, brands, brandQueries, reading.product());
    LocalDate observed = ExpiryDates.observedDate(listing.observedAt());
    List<Signal> signals = new ArrayList<>();
    for (WordSense.Dropped d : reading.dropped()) {
      signals.add(
          new Signal(Rule.SENSE_DROPPED, 0.0, null, d.finding().hit().field().id(), d.reason()));
    }
    for (Rule r : ruleset.rules()) {
      Signal s = r.apply(ctx, observed);
      if (s != null) {
        signals.add(s);
      }
    }
    NoisyOrScorer.Result result = NoisyOrScorer.combine(signals, ruleset);
    return Scored.of(
        listing.id(),
        version,
        result.score(),
        result.flagged(),
        result.violations(),
        brandHits(brands),
        signals);
  }

  /**
   * The product type named first in each title ("shoes", "bag"), or null, read exactly as the price
   * conditions read it when scoring; in input order. For computing observed market prices from
   * stored listings ({@code markwatch prices observe}).
   */
  public List<String> productTypes(List<String> titles) {
    List<String> out = new ArrayList<>(titles.size());
    for (ProductReading r : productReadings(titles, null)) {
      out.add(r.type());
    }
    return out;
  }

  /**
   * What a title says for the observed-price groups.
   *
   * @param type the product type named first, or null
   * @param line the one product line of the listing's brand the title names (as the price
   *     conditions find it), or null for none, or for several: a price cannot be filed under two
   *     lines
   */
  public record ProductReading(String type, String line) {}

  /**
   * The product type and product line read from each title, in input order. {@code brandIds} gives
   * each title's brand (a catalog id) whose lines are looked for; null, or a null or unknown id,
   * looks for none.
   */
  public List<ProductReading> productReadings(List<String> titles, List<String> brandIds) {
    if (brandIds != null && brandIds.size() != titles.size()) {
      throw new IllegalArgumentException(
          brandIds.size() + " brand ids for " + titles.size() + " titles");
    }
    List<ProductReading> out = new ArrayList<>(titles.size());
    for (int from = 0; from < titles.size(); from += BATCH) {
      List<ListingFields> fields =
          titles.subList(from, Math.min(titles.size(), from + BATCH)).stream()
              .map(
                  t ->
                      new ListingFields(
                          Listing.builder("title", "title", "title", null).title(t).build()))
              .toList();
      int i = from;
      for (Map<String, List<Hit>> hits : matcher.match(fields)) {
        String brand = brandIds == null ? null : brandIds.get(i);
        String line = null;
        if (brand != null && catalog.brand(brand).isPresent()) {
          List<ProductLine> lines = brandQueries.lines(brand, hits);
          line = lines.size() == 1 ? lines.get(0).name() : null;
        }
        out.add(new ProductReading(brandQueries.productType(hits), line));
        i++;
      }
    }
    return out;
  }

  /** Content hash identifying the exact brand catalog and ruleset. */
  public String rulesetVersion() {
    return version;
  }

  /** Releases the matcher (its background thread). */
  @Override
  public void close() {
    matcher.close();
  }

  /** The compiled rules, in file order. */
  public List<Rule> rules() {
    return ruleset.rules();
  }

  /** Number of phrase queries registered in the monitor. */
  public int queryCount() {
    return matcher.queryCount();
  }

  /** The brand catalog in use. */
  public BrandCatalog catalog() {
    return catalog;
  }

  private static List<BrandHit> brandHits(List<BrandFinding> findings) {
    List<BrandHit> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (BrandFinding f : findings) {
      if (seen.add(f.brand().id() + "|" + f.hit().field())) {
        // a short form is reported as an alias: the verdict schema has no kind of its own for it
        String kind = BrandQueries.SHORT.equals(f.kind()) ? "alias" : f.kind();
        out.add(new BrandHit(f.brand().id(), f.hit().text(), f.hit().field().id(), kind));
      }
    }
    return out;
  }
}
