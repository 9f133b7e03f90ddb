package org.markwatch.detectors.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.TextField;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatcherFactory;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorConfiguration;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultiMatchingQueries;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.monitor.QueryMatch;
import org.markwatch.detectors.analysis.KnownTerms;
import org.markwatch.detectors.analysis.ListingAnalyzer;

/**
 * Every phrase the detectors look for (brand names, exclusions, product words, rule terms), found
 * in listings. Each listing's fields are analysed once ({@link TokenGrid}, keeping only the terms
 * some phrase uses); then, by default, each kept token is looked up in a {@link PhraseIndex} of
 * first words and the forms it starts are followed. The same phrase sets are also lucene-monitor
 * queries ({@link PhraseSet#toQuery()}): {@link Mode#MONITOR} matches batches with a {@link
 * org.apache.lucene.monitor.MultipassTermFilteredPresearcher} (the reference the phrase index is
 * tested against) and {@link Mode#NAIVE} one listing at a time (the benchmark's baseline). Only for
 * the queries that matched a listing are the hits (field, offsets, text) located. Everything lives
 * in memory. Not thread-safe: one per thread.
 */
public final class TextMatcher implements AutoCloseable {
  /**
   * Presearcher passes: two passes keep phrase queries of common words from being run needlessly.
   */
  public static final int PASSES = 2;

  /**
   * Queries the monitor buffers before it commits them to its query index: each commit refreshes
   * the index's term filter over all its terms, so few commits keep create linear.
   */
  static final int QUERY_BUFFER = 50_000;

  /** How a {@link TextMatcher} finds the phrase sets in listings. */
  public enum Mode {
    /** Each kept token looked up in a {@link PhraseIndex} of first words: the default. */
    PHRASE_INDEX,
    /** lucene-monitor in batches with the multipass presearcher: the reference of the tests. */
    MONITOR,
    /** lucene-monitor one listing at a time, default presearcher: the benchmark's baseline. */
    NAIVE
  }

  private final Monitor monitor; // null for PHRASE_INDEX
  private final PhraseIndex index; // null unless PHRASE_INDEX
  private final Map<String, PhraseSet> sets;
  private final ListingAnalyzer analyzer;
  private final boolean naive;

  /** Per field, every term a query looks for in it: the only document terms worth indexing. */
  private final Map<Field, KnownTerms> vocabulary;

  /** Per query id, the first words of its forms, to locate its hits. */
  private final Map<String, TokenGrid.Heads> heads;

  private TextMatcher(
      Monitor monitor,
      PhraseIndex index,
      Map<String, PhraseSet> sets,
      ListingAnalyzer analyzer,
      boolean naive,
      Map<Field, KnownTerms> vocabulary) {
    this.monitor = monitor;
    this.index = index;
    this.sets = sets;
    this.analyzer = analyzer;
    this.naive = naive;
    this.vocabulary = vocabulary;
    Map<String, TokenGrid.Heads> h = new HashMap<>();
    if (monitor != null) { // the phrase index has its own table of first words
      sets.forEach((id, set) -> h.put(id, TokenGrid.Heads.of(set)));
    }
    this.heads = Map.copyOf(h);
  }

  /**
   * {@link QueryMatch#SIMPLE_MATCHER} over a searcher without a query cache: a batch index is
   * searched once and thrown away, so caching can only cost (the default caching policy takes a
   * JVM-wide lock to count the uses of each phrase query, which concurrent scorers contend for).
   */
  private static final MatcherFactory<QueryMatch> MATCHER =
      searcher -> {
        searcher.setQueryCache(null);
        return QueryMatch.SIMPLE_MATCHER.createMatcher(searcher);
      };

  private static Map<Field, KnownTerms> vocabulary(java.util.Collection<PhraseSet> sets) {
    Map<Field, java.util.Set<String>> words = new java.util.EnumMap<>(Field.class);
    for (PhraseSet set : sets) {
      for (Field f : set.fields()) {
        java.util.Set<String> w = words.computeIfAbsent(f, k -> new java.util.LinkedHashSet<>());
        for (List<List<String>> form : set.forms()) {
          for (List<String> alternatives : form) {
            w.addAll(alternatives);
          }
        }
      }
    }
    Map<Field, KnownTerms> out = new java.util.EnumMap<>(Field.class);
    words.forEach((f, w) -> out.put(f, new KnownTerms(w)));
    return out;
  }

  /**
   * The monitor's query index written in as few segments as its size allows: every listing batch
   * looks each of its terms up in every segment of the query index, so the default 16 MB buffer (a
   * segment per 16 MB, merged later in the background) made matching slower as the catalog grew.
   * The buffer is a ceiling, not an allocation.
   */
  private static final class FewSegments extends MonitorConfiguration {
    @Override
    protected org.apache.lucene.index.IndexWriterConfig getIndexWriterConfig() {
      return super.getIndexWriterConfig().setRAMBufferSizeMB(RAM_BUFFER_MB);
    }
  }

  /** Indexing buffer of the query index, MB. */
  static final double RAM_BUFFER_MB = 256;

  /** Collects phrase sets by query id, then {@link #build()}. */
  public static final class Builder {
    private final Map<String, PhraseSet> sets = new LinkedHashMap<>();
    private java.util.Set<String> commonWords = java.util.Set.of();

    /** Words that never get a misspelling neighbourhood in listings. */
    public Builder commonWords(java.util.Set<String> words) {
      commonWords = java.util.Set.copyOf(words);
      return this;
    }

    public Builder add(String id, PhraseSet set) {
      if (sets.putIfAbsent(id, set) != null) {
        throw new IllegalArgumentException("duplicate query id " + id);
      }
      return this;
    }

    /** The phrase sets collected so far, by id (read-only view). */
    public Map<String, PhraseSet> sets() {
      return Collections.unmodifiableMap(sets);
    }

    /** The default matcher: a {@link PhraseIndex}, no lucene-monitor. */
    public TextMatcher build() {
      return build(Mode.PHRASE_INDEX);
    }

    /**
     * lucene-monitor in batches: the matcher the phrase index must agree with (tests), and what
     * scoring ran on before it.
     */
    public TextMatcher buildMonitor() {
      return build(Mode.MONITOR);
    }

    /**
     * The baseline for benchmarks: lucene-monitor used naively, one listing at a time, the default
     * {@link org.apache.lucene.monitor.TermFilteredPresearcher}, hits taken from {@link
     * HighlightsMatch}. Same queries, same hits, several times slower.
     */
    public TextMatcher buildNaive() {
      return build(Mode.NAIVE);
    }

    public TextMatcher build(Mode mode) {
      boolean naive = mode == Mode.NAIVE;
      try {
        Map<Field, KnownTerms> vocabulary = vocabulary(sets.values());
        Map<String, KnownTerms> byName = new HashMap<>();
        vocabulary.forEach((f, words) -> byName.put(f.id(), words));
        // the batched matcher keeps only query terms of a document, so its analyzer need not
        // produce the rest of a misspelling neighbourhood; the naive baseline analyses as it is
        ListingAnalyzer analyzer =
            naive
                ? new ListingAnalyzer(true, commonWords)
                : new ListingAnalyzer(true, commonWords, byName);
        if (mode == Mode.PHRASE_INDEX) {
          return new TextMatcher(
              null, new PhraseIndex(sets), Map.copyOf(sets), analyzer, false, vocabulary);
        }
        Presearcher presearcher =
            naive ? new LeanPresearchers.OnePass() : new LeanPresearchers.Multipass(PASSES);
        // Registered in one call, committed once: lucene-monitor commits and refreshes its query
        // index (rebuilding the term filter over every term indexed so far) once per register call
        // or per QUERY_BUFFER queries, so registering in small chunks made create quadratic. The
        // lean presearchers keep each pending query document small (LeanPresearchers).
        Monitor m =
            new Monitor(
                analyzer, presearcher, new FewSegments().setQueryUpdateBufferSize(QUERY_BUFFER));
        List<MonitorQuery> mq = new ArrayList<>(sets.size());
        for (var e : sets.entrySet()) {
          mq.add(new MonitorQuery(e.getKey(), e.getValue().toQuery()));
        }
        m.register(mq);
        return new TextMatcher(m, null, Map.copyOf(sets), analyzer, naive, vocabulary);
      } catch (IOException e) {
        throw new UncheckedIOException("in-memory monitor failed", e);
      }
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Hits of every matching query of the listing, by query id; hits ordered by field and offset. */
  public Map<String, List<Hit>> match(ListingFields fields) {
    return match(List.of(fields)).get(0);
  }

  /** {@link #match(ListingFields)} for a batch of listings, in the same order. */
  public List<Map<String, List<Hit>>> match(List<ListingFields> batch) {
    List<Map<String, List<Hit>>> out = new ArrayList<>(batch.size());
    if (batch.isEmpty()) {
      return out;
    }
    if (naive) {
      for (ListingFields f : batch) {
        out.add(matchNaive(f));
      }
      return out;
    }
    if (index != null) {
      for (ListingFields f : batch) {
        out.add(index.match(new TokenGrid(analyzer, f, vocabulary)));
      }
      return out;
    }
    Document[] docs = new Document[batch.size()];
    TokenGrid[] grids = new TokenGrid[batch.size()];
    for (int i = 0; i < docs.length; i++) {
      grids[i] = new TokenGrid(analyzer, batch.get(i), vocabulary);
      Document doc = new Document();
      grids[i]
          .fields()
          .forEach(
              (f, t) -> {
                if (!t.terms.isEmpty()) { // a field without a query term can match nothing
                  doc.add(new TextField(f.id(), t.replay()));
                }
              });
      docs[i] = doc;
    }
    try {
      if (docs.length == 1) {
        MatchingQueries<QueryMatch> r = monitor.match(docs[0], MATCHER);
        checkErrors(r.getErrors());
        out.add(locate(grids[0], r.getMatches()));
      } else {
        MultiMatchingQueries<QueryMatch> r = monitor.match(docs, MATCHER);
        checkErrors(r.getErrors());
        for (int i = 0; i < docs.length; i++) {
          out.add(locate(grids[i], r.getMatches(i)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private Map<String, List<Hit>> matchNaive(ListingFields fields) {
    Document doc = new Document();
    fields
        .all()
        .forEach(
            (f, v) -> doc.add(new TextField(f.id(), v, org.apache.lucene.document.Field.Store.NO)));
    MatchingQueries<HighlightsMatch> r;
    try {
      r = monitor.match(doc, HighlightsMatch.MATCHER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    checkErrors(r.getErrors());
    Map<String, List<Hit>> out = new HashMap<>();
    for (HighlightsMatch m : r.getMatches()) {
      List<Hit> hits = new ArrayList<>();
      for (Field f : Field.ALL) {
        String value = fields.get(f);
        if (value == null) {
          continue;
        }
        for (HighlightsMatch.Hit h : m.getHits(f.id())) {
          int s = Math.max(0, Math.min(h.startOffset(), value.length()));
          int e = Math.max(s, Math.min(h.endOffset(), value.length()));
          hits.add(new Hit(f, s, e, value.substring(s, e)));
        }
      }
      hits.sort(
          java.util.Comparator.comparing(Hit::field)
              .thenComparingInt(Hit::start)
              .thenComparingInt(Hit::end));
      if (!hits.isEmpty()) {
        out.put(m.getQueryId(), hits);
      }
    }
    return out;
  }

  private Map<String, List<Hit>> locate(TokenGrid grid, java.util.Collection<QueryMatch> matches) {
    Map<String, List<Hit>> hits = new HashMap<>();
    for (QueryMatch m : matches) {
      List<Hit> h = grid.locate(sets.get(m.getQueryId()), heads.get(m.getQueryId()));
      if (!h.isEmpty()) {
        hits.put(m.getQueryId(), h);
      }
    }
    return hits;
  }

  private static void checkErrors(Map<String, Exception> errors) {
    if (!errors.isEmpty()) {
      throw new IllegalStateException("query errors: " + errors);
    }
  }

  public int queryCount() {
    return sets.size();
  }

  /** Stops the monitor's background cache-purge thread. */
  @Override
  public void close() {
    if (monitor == null) {
      return;
    }
    try {
      monitor.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
