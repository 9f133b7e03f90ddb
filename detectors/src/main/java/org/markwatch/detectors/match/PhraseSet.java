package org.markwatch.detectors.match;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.markwatch.detectors.analysis.RepeatedLetterVariantFilter;
import org.markwatch.detectors.analysis.TextForms;

/**
 * Configured phrases looked for in some fields, as the word sequences a document can contain for
 * them: the written and the folded spelling, and for names also the squeezed and the one-word
 * spellings. It becomes one lucene-monitor query (a disjunction of term and phrase queries, no
 * wildcard or fuzzy query, so the presearcher can index every term), and the same sequences
 * locate the hits in a listing afterwards.
 */
public record PhraseSet(List<Field> fields, List<List<String>> forms) {
  public PhraseSet {
    fields = List.copyOf(fields);
    forms = List.copyOf(forms);
    if (fields.isEmpty() || forms.isEmpty()) {
      throw new IllegalArgumentException("a phrase set needs fields and at least one phrase with words");
    }
  }

  /**
   * @param phrases configured phrases, e.g. "rep 1:1", "hàng nhái"
   * @param fields fields to look in
   * @param loose also match the spelling with repeated letters squeezed and a multi-word name
   *     written as one word ("newbalance"): for names, not for rule terms
   */
  public static PhraseSet of(Collection<String> phrases, Collection<Field> fields, boolean loose) {
    Set<List<String>> forms = new LinkedHashSet<>();
    for (String p : phrases) {
      for (List<String> f : TextForms.forms(p)) {
        forms.add(f);
        if (loose) {
          forms.add(f.stream().map(RepeatedLetterVariantFilter::squeeze).toList());
          if (f.size() > 1 && f.size() <= 4) {
            String joined = String.join("", f);
            forms.add(List.of(joined));
            forms.add(List.of(RepeatedLetterVariantFilter.squeeze(joined)));
          }
        }
      }
    }
    return new PhraseSet(List.copyOf(fields), List.copyOf(forms));
  }

  /** The lucene query: every form in every field, any one matching. */
  public Query toQuery() {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Field field : fields) {
      for (List<String> form : forms) {
        b.add(single(field.id(), form), BooleanClause.Occur.SHOULD);
      }
    }
    return b.build();
  }

  private static Query single(String field, List<String> words) {
    if (words.size() == 1) {
      return new TermQuery(new Term(field, words.get(0)));
    }
    PhraseQuery.Builder p = new PhraseQuery.Builder();
    for (String w : words) {
      p.add(new Term(field, w));
    }
    return p.build();
  }
}
