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
 * Builds the query for a set of configured phrases over some fields: a term or phrase query per
 * written and folded spelling and per field, all alternatives of one disjunction. No wildcard or
 * fuzzy queries: every clause is made of exact terms, so the presearcher can index them.
 */
public final class PhraseQueries {
  private PhraseQueries() {}

  /**
   * @param phrases configured phrases, e.g. "rep 1:1", "hàng nhái"
   * @param fields fields to look in
   * @param loose also match the spelling with repeated letters squeezed and a multi-word name
   *     written as one word ("newbalance"): for names, not for rule terms
   */
  public static Query build(Collection<String> phrases, Collection<Field> fields, boolean loose) {
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
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int clauses = 0;
    for (Field field : fields) {
      for (List<String> form : forms) {
        b.add(single(field.id(), form), BooleanClause.Occur.SHOULD);
        clauses++;
      }
    }
    if (clauses == 0) {
      throw new IllegalArgumentException("no words in phrases " + phrases);
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
