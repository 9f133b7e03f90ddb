package org.markwatch.detectors.match;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.markwatch.detectors.analysis.FuzzyVariantFilter;
import org.markwatch.detectors.analysis.RepeatedLetterVariantFilter;
import org.markwatch.detectors.analysis.TextForms;

/**
 * Configured phrases looked for in some fields, as the word sequences a document can contain for
 * them: the written and the folded spelling, and for names also the squeezed and the one-word
 * spellings and, when asked, the one-edit neighbourhood of long words. Each form is a list of
 * positions, each position a list of alternative terms. It becomes one lucene-monitor query (a
 * disjunction of term, phrase and multi-phrase queries over exact terms: no wildcard or fuzzy
 * query, so the presearcher can index every term), and the same forms locate the hits afterwards.
 * With {@code mergeHits}, overlapping hits are reported as one span.
 */
public record PhraseSet(List<Field> fields, List<List<List<String>>> forms, boolean mergeHits) {
  /** Shortest word of a name given a misspelling neighbourhood. */
  public static final int FUZZY_MIN = 5;

  public PhraseSet {
    fields = List.copyOf(fields);
    forms = List.copyOf(forms);
    if (fields.isEmpty() || forms.isEmpty()) {
      throw new IllegalArgumentException(
          "a phrase set needs fields and at least one phrase with words");
    }
  }

  /** Phrases matched as written or folded only (rule terms, product words). */
  public static PhraseSet of(Collection<String> phrases, Collection<Field> fields, boolean loose) {
    return of(phrases, fields, loose, false, Set.of());
  }

  /**
   * @param phrases configured phrases, e.g. "rep 1:1", "hàng nhái"
   * @param fields fields to look in
   * @param loose also match the spelling with repeated letters squeezed and a multi-word name
   *     written as one word ("newbalance"): for names, not for rule terms
   * @param fuzzy also match words of {@value #FUZZY_MIN} letters or more one edit away, unless they
   *     are in {@code commonWords}
   */
  public static PhraseSet of(
      Collection<String> phrases,
      Collection<Field> fields,
      boolean loose,
      boolean fuzzy,
      Set<String> commonWords) {
    Set<List<String>> plain = new LinkedHashSet<>();
    for (String p : phrases) {
      for (List<String> f : TextForms.forms(p)) {
        plain.add(f);
        if (loose) {
          plain.add(f.stream().map(PhraseSet::squeezeLong).toList());
          if (f.size() > 1 && f.size() <= 4) {
            String joined = String.join("", f);
            plain.add(List.of(joined));
            plain.add(List.of(squeezeLong(joined)));
          }
        }
      }
    }
    List<List<List<String>>> forms = new ArrayList<>();
    for (List<String> f : plain) {
      forms.add(f.stream().map(List::of).toList());
    }
    if (fuzzy) {
      Set<List<List<String>>> extra = new LinkedHashSet<>();
      for (List<String> f : plain) {
        List<List<String>> form = new ArrayList<>();
        boolean any = false;
        for (String w : f) {
          if (w.length() >= FUZZY_MIN
              && w.chars().allMatch(c -> c >= 'a' && c <= 'z')
              && !commonWords.contains(w)) {
            List<String> alts = new ArrayList<>();
            alts.add(FuzzyVariantFilter.MARK + w);
            FuzzyVariantFilter.neighbourhood(w, alts);
            form.add(List.copyOf(new LinkedHashSet<>(alts)));
            any = true;
          } else {
            form.add(List.of(w));
          }
        }
        if (any) {
          extra.add(form);
        }
      }
      forms.addAll(extra);
    }
    // names are read hit by hit (each says how the brand was spelt); terms read better merged
    return new PhraseSet(List.copyOf(fields), forms, !loose);
  }

  /** Short words ("gg", "ii") keep their double letters: squeezed they would be a single letter. */
  private static String squeezeLong(String w) {
    return w.length() >= 4 ? RepeatedLetterVariantFilter.squeeze(w) : w;
  }

  /** The lucene query: every form in every field, any one matching. */
  public Query toQuery() {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Field field : fields) {
      for (List<List<String>> form : forms) {
        b.add(single(field.id(), form), BooleanClause.Occur.SHOULD);
      }
    }
    return b.build();
  }

  private static Query single(String field, List<List<String>> positions) {
    boolean simple = positions.stream().allMatch(p -> p.size() == 1);
    if (positions.size() == 1) {
      if (simple) {
        return new TermQuery(new Term(field, positions.get(0).get(0)));
      }
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (String t : positions.get(0)) {
        any.add(new TermQuery(new Term(field, t)), BooleanClause.Occur.SHOULD);
      }
      return any.build();
    }
    if (simple) {
      PhraseQuery.Builder p = new PhraseQuery.Builder();
      for (List<String> w : positions) {
        p.add(new Term(field, w.get(0)));
      }
      return p.build();
    }
    MultiPhraseQuery.Builder m = new MultiPhraseQuery.Builder();
    for (List<String> alts : positions) {
      m.add(alts.stream().map(t -> new Term(field, t)).toArray(Term[]::new));
    }
    return m.build();
  }
}
