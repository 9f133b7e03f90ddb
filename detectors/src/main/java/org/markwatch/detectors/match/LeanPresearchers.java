package org.markwatch.detectors.match;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.TextField;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.QueryTree;
import org.apache.lucene.monitor.TermFilteredPresearcher;

/**
 * lucene-monitor's term-filtered presearchers with a leaner query document: the same fields and the
 * same terms, collected in a small set instead of a {@code BytesRefHash}. Lucene's own presearchers
 * give every field of every query disjunct (and, multipass, every pass) a {@code BytesRefHash},
 * whose first term allocates a 32 KB block; with tens of thousands of disjuncts that was gigabytes
 * of zeroed memory and most of the time of {@code Detectors.create}, and it forced registering in
 * small chunks (each commit then refreshed the whole query index). Only {@code buildQueryDocument}
 * is replaced; the queries built over listings are lucene's. {@code LeanPresearchersTest} checks
 * the documents equal lucene's.
 */
final class LeanPresearchers {
  private LeanPresearchers() {}

  /** The field type of lucene's presearcher documents (TermFilteredPresearcher.QUERYFIELDTYPE). */
  private static final org.apache.lucene.document.FieldType TYPE = TextField.TYPE_NOT_STORED;

  /** {@link MultipassTermFilteredPresearcher} (minimum weight 0, default weightor). */
  static final class Multipass extends MultipassTermFilteredPresearcher {
    private final int passes;

    Multipass(int passes) {
      super(passes);
      this.passes = passes;
    }

    @Override
    public Document buildQueryDocument(QueryTree tree) {
      Document doc = new Document();
      for (int i = 0; i < passes; i++) {
        for (var e : terms(tree).entrySet()) {
          // as lucene's: the pass's terms under "field_pass" for the multipass query, and again
          // under the plain field name for the term filter
          doc.add(field(e.getKey() + "_" + i, e.getValue()));
          doc.add(field(e.getKey(), e.getValue()));
        }
        tree.advancePhase(0);
      }
      return doc;
    }
  }

  /** {@link TermFilteredPresearcher} with the default weightor: the naive baseline's. */
  static final class OnePass extends TermFilteredPresearcher {
    @Override
    protected Document buildQueryDocument(QueryTree tree) {
      Document doc = new Document();
      for (var e : terms(tree).entrySet()) {
        doc.add(field(e.getKey(), e.getValue()));
      }
      return doc;
    }
  }

  /** The tree's terms of the current phase by field, each once. */
  static Map<String, Set<String>> terms(QueryTree tree) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    tree.collectTerms(
        (field, term) ->
            out.computeIfAbsent(field, f -> new LinkedHashSet<>()).add(term.utf8ToString()));
    return out;
  }

  private static org.apache.lucene.document.Field field(String name, Set<String> terms) {
    return new TermsField(name, terms.toArray(String[]::new));
  }

  /**
   * A field of given terms whose token stream is made when it is indexed, reusing the indexer's
   * previous one: a token stream per pending field (its attribute maps) would hold hundreds of
   * megabytes until the commit.
   */
  private static final class TermsField extends org.apache.lucene.document.Field {
    private final String[] terms;

    TermsField(String name, String[] terms) {
      super(name, TYPE);
      this.terms = terms;
    }

    @Override
    public TokenStream tokenStream(
        org.apache.lucene.analysis.Analyzer analyzer, TokenStream reuse) {
      if (reuse instanceof Terms t) {
        t.terms = terms;
        return t;
      }
      return new Terms(terms);
    }

    @Override
    public TokenStream tokenStreamValue() {
      return new Terms(terms);
    }
  }

  /** The given terms, one token each. */
  private static final class Terms extends TokenStream {
    private String[] terms;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private int next;

    Terms(String[] terms) {
      this.terms = terms;
    }

    @Override
    public boolean incrementToken() {
      if (next >= terms.length) {
        return false;
      }
      clearAttributes();
      term.setEmpty().append(terms[next++]);
      return true;
    }

    @Override
    public void reset() throws java.io.IOException {
      super.reset();
      next = 0;
    }
  }

  /** Terms of each field of a presearcher document, for comparing documents in tests. */
  static Map<String, List<String>> fieldTerms(Document doc) throws java.io.IOException {
    Map<String, List<String>> out = new java.util.TreeMap<>();
    for (var f : doc.getFields()) {
      if (!(f instanceof org.apache.lucene.document.Field field)
          || field.tokenStreamValue() == null) {
        continue;
      }
      List<String> terms = out.computeIfAbsent(f.name(), k -> new ArrayList<>());
      try (TokenStream ts = field.tokenStreamValue()) {
        CharTermAttribute a = ts.addAttribute(CharTermAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          terms.add(a.toString());
        }
        ts.end();
      }
      java.util.Collections.sort(terms);
    }
    return out;
  }
}
