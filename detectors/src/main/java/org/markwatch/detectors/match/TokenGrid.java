package org.markwatch.detectors.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.markwatch.detectors.analysis.KnownTerms;

/**
 * A listing's fields analysed once: the token stream of each field (replayed to the monitor, so the
 * text is not analysed twice) and an index from term to positions, used to say where a query the
 * monitor reported actually matched. Only the tokens whose term some query of the field uses are
 * kept (the {@code vocabulary}), at their original positions: a term no query contains can neither
 * make a query a candidate nor match one, and most words of a description are such terms, so
 * indexing them would only cost time.
 */
final class TokenGrid {
  /** One analysed field: tokens in stream order and the positions of each term. */
  static final class FieldTokens {
    final List<String> terms = new ArrayList<>();
    final List<int[]> attrs = new ArrayList<>(); // {position, start, end}
    final Map<String, List<Integer>> byTerm = new HashMap<>();
    int positions;

    TokenStream replay() {
      return new TokenStream() {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute off = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute inc =
            addAttribute(PositionIncrementAttribute.class);
        private int i;
        private int last = -1;

        @Override
        public boolean incrementToken() {
          if (i >= terms.size()) {
            return false;
          }
          // no clearAttributes(): this stream sets every attribute it has on every token
          int[] a = attrs.get(i);
          term.setEmpty().append(terms.get(i));
          inc.setPositionIncrement(a[0] - last); // the dropped tokens' positions stay counted
          off.setOffset(a[1], a[2]);
          last = a[0];
          i++;
          return true;
        }

        @Override
        public void reset() throws IOException {
          super.reset();
          i = 0;
          last = -1;
        }
      };
    }
  }

  private static final Comparator<Hit> IN_TEXT_ORDER =
      Comparator.comparing(Hit::field).thenComparingInt(Hit::start).thenComparingInt(Hit::end);

  private final Map<Field, FieldTokens> tokens = new EnumMap<>(Field.class);
  private final ListingFields fields;

  /**
   * @param vocabulary per field, the terms of the queries looking in it (a kept term costs no new
   *     string); a field without an entry keeps no token
   */
  TokenGrid(Analyzer analyzer, ListingFields fields, Map<Field, KnownTerms> vocabulary) {
    this.fields = fields;
    for (var e : fields.all().entrySet()) {
      KnownTerms words = vocabulary.get(e.getKey());
      if (words != null) {
        tokens.put(e.getKey(), analyse(analyzer, e.getKey(), e.getValue(), words));
      }
    }
  }

  Map<Field, FieldTokens> fields() {
    return tokens;
  }

  private static FieldTokens analyse(Analyzer analyzer, Field f, String text, KnownTerms words) {
    FieldTokens out = new FieldTokens();
    try (TokenStream ts = analyzer.tokenStream(f.id(), text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int pos = -1;
      while (ts.incrementToken()) {
        int pi = inc.getPositionIncrement();
        if (pi > 0 || pos < 0) {
          pos += Math.max(pi, 1);
        }
        String t = words.get(term.buffer(), 0, term.length());
        if (t == null) {
          continue;
        }
        out.terms.add(t);
        out.attrs.add(new int[] {pos, off.startOffset(), off.endOffset()});
        out.byTerm.computeIfAbsent(t, k -> new ArrayList<>(2)).add(out.terms.size() - 1);
      }
      out.positions = pos + 1;
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a String reader never fails
    }
    return out;
  }

  /**
   * The first words of a phrase set's forms: each head term with the indexes of the forms it
   * starts.
   */
  record Heads(Map<String, int[]> forms, int count) {
    static Heads of(PhraseSet set) {
      Map<String, int[]> out = new HashMap<>();
      int count = 0;
      for (int k = 0; k < set.forms().size(); k++) {
        for (String head : set.forms().get(k).get(0)) {
          int[] before = out.get(head);
          int[] now =
              before == null ? new int[1] : java.util.Arrays.copyOf(before, before.length + 1);
          now[now.length - 1] = k;
          out.put(head, now);
          count++;
        }
      }
      return new Heads(Map.copyOf(out), count);
    }
  }

  /**
   * Every place a form of {@code set} stands, in field then offset order. Walks whichever is
   * shorter: the set's head terms (looked up among the field's tokens) or the field's kept tokens
   * (looked up among the heads); both find the same (form, first token) pairs.
   */
  List<Hit> locate(PhraseSet set, Heads heads) {
    List<Hit> hits = new ArrayList<>();
    for (Field f : set.fields()) {
      FieldTokens ft = tokens.get(f);
      if (ft == null) {
        continue;
      }
      if (ft.terms.size() < heads.count()) {
        for (int first = 0; first < ft.terms.size(); first++) {
          int[] forms = heads.forms().get(ft.terms.get(first));
          if (forms != null) {
            for (int k : forms) {
              add(hits, f, ft, set.forms().get(k), first);
            }
          }
        }
        continue;
      }
      for (List<List<String>> form : set.forms()) {
        for (String head : form.get(0)) {
          List<Integer> starts = ft.byTerm.get(head);
          if (starts == null) {
            continue;
          }
          for (int first : starts) {
            add(hits, f, ft, form, first);
          }
        }
      }
    }
    return ordered(set, hits);
  }

  /** A set's hits in field then offset order, merged when the set asks for it. */
  List<Hit> ordered(PhraseSet set, List<Hit> hits) {
    if (hits.size() > 1) {
      hits.sort(IN_TEXT_ORDER);
    }
    return set.mergeHits() ? merged(hits) : hits;
  }

  /**
   * Adds, under {@code set}, the hit of {@code form} starting at kept token {@code first} of field
   * {@code f}, if its other words follow (for {@link PhraseIndex}).
   */
  void addHit(Map<Integer, List<Hit>> found, int set, Field f, List<List<String>> form, int first) {
    Hit h = hitAt(f, tokens.get(f), form, first);
    if (h != null) {
      List<Hit> hits = found.computeIfAbsent(set, k -> new ArrayList<>(2));
      if (!hits.contains(h)) {
        hits.add(h);
      }
    }
  }

  /** Adds the hit of {@code form} starting at token {@code first}, if its other words follow. */
  private void add(List<Hit> hits, Field f, FieldTokens ft, List<List<String>> form, int first) {
    Hit h = hitAt(f, ft, form, first);
    if (h != null && !hits.contains(h)) {
      hits.add(h);
    }
  }

  /** The hit of {@code form} starting at kept token {@code first}, or null. */
  private Hit hitAt(Field f, FieldTokens ft, List<List<String>> form, int first) {
    int[] a = ft.attrs.get(first);
    int end = follow(ft, form, a[0], a[2]);
    if (end < 0) {
      return null;
    }
    String text = fields.get(f);
    int s = Math.max(0, Math.min(a[1], text.length()));
    int e = Math.max(s, Math.min(end, text.length()));
    return new Hit(f, s, e, text.substring(s, e));
  }

  /** Overlapping hits in one field become one ("hàng rep" + "rep 1:1" = "hàng rep 1:1"). */
  private List<Hit> merged(List<Hit> sorted) {
    List<Hit> out = new ArrayList<>(sorted.size());
    for (Hit h : sorted) {
      Hit last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && last.field() == h.field() && h.start() < last.end()) {
        if (h.end() > last.end()) {
          String text = fields.get(h.field());
          out.set(
              out.size() - 1,
              new Hit(h.field(), last.start(), h.end(), text.substring(last.start(), h.end())));
        }
      } else {
        out.add(h);
      }
    }
    return out;
  }

  /**
   * End offset of the form's last word when words 2..n stand at the following positions, else -1.
   */
  private static int follow(FieldTokens ft, List<List<String>> form, int position, int firstEnd) {
    int end = firstEnd;
    for (int k = 1; k < form.size(); k++) {
      int found = -1;
      for (String alt : form.get(k)) {
        List<Integer> idx = ft.byTerm.get(alt);
        if (idx == null) {
          continue;
        }
        for (int i : idx) {
          if (ft.attrs.get(i)[0] == position + k) {
            found = Math.max(found, ft.attrs.get(i)[2]);
          }
        }
      }
      if (found < 0) {
        return -1;
      }
      end = found;
    }
    return end;
  }
}
