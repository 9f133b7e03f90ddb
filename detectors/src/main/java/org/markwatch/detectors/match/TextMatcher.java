package org.markwatch.detectors.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.TextField;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.search.Query;
import org.markwatch.detectors.analysis.ListingAnalyzer;

/**
 * Every phrase the detectors look for (brand names, exclusions, product words, rule terms) as
 * queries of one lucene-monitor {@link Monitor} with a {@link MultipassTermFilteredPresearcher}:
 * one pass over a listing finds them all, with the field and offsets of each hit. The monitor
 * lives in memory; nothing touches the disk.
 */
public final class TextMatcher implements AutoCloseable {
  /** Presearcher passes: two passes keep phrase queries of common words from being run needlessly. */
  public static final int PASSES = 2;

  private final Monitor monitor;

  private TextMatcher(Monitor monitor) {
    this.monitor = monitor;
  }

  /** Collects queries by id, then {@link #build()}. */
  public static final class Builder {
    private final Map<String, Query> queries = new java.util.LinkedHashMap<>();

    public Builder add(String id, Query q) {
      if (queries.putIfAbsent(id, q) != null) {
        throw new IllegalArgumentException("duplicate query id " + id);
      }
      return this;
    }

    public TextMatcher build() {
      try {
        Monitor m = new Monitor(new ListingAnalyzer(), new MultipassTermFilteredPresearcher(PASSES));
        List<MonitorQuery> mq = new ArrayList<>(queries.size());
        queries.forEach((id, q) -> mq.add(new MonitorQuery(id, q)));
        m.register(mq);
        return new TextMatcher(m);
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
    Document doc = new Document();
    fields.all().forEach((f, v) -> doc.add(new TextField(f.id(), v, org.apache.lucene.document.Field.Store.NO)));
    MatchingQueries<HighlightsMatch> result;
    try {
      result = monitor.match(doc, HighlightsMatch.MATCHER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!result.getErrors().isEmpty()) {
      throw new IllegalStateException("query errors: " + result.getErrors());
    }
    Map<String, List<Hit>> out = new HashMap<>();
    for (HighlightsMatch m : result.getMatches()) {
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
      hits.sort(java.util.Comparator.comparing(Hit::field).thenComparingInt(Hit::start));
      out.put(m.getQueryId(), hits);
    }
    return out;
  }

  public int queryCount() {
    try {
      return monitor.getQueryCount();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      monitor.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
