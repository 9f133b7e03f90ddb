package org.markwatch.detectors.match;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every form of every phrase set, indexed by field and first word: a listing is matched by looking
 * each of its kept tokens up once and following the forms that start with it. This is what
 * lucene-monitor's queries (term, phrase and multi-phrase queries over exact terms, see {@link
 * PhraseSet#toQuery()}) ask, answered without running a query: profiling the batched monitor with
 * the 4,901-brand default catalog showed 38 % of scoring time in running the candidate queries over
 * each batch index (term dictionary seeks and postings set up per query), which a lookup in a map
 * of first words does not need. {@code PhraseIndexTest} checks on the dev set, the real titles and
 * generated texts that it reports exactly the hits of the lucene-monitor matcher. Immutable once
 * built; shared by every thread of one {@link TextMatcher}.
 */
final class PhraseIndex {
  /** A form of the phrase set at {@code set}, its first position's alternatives among the keys. */
  private record Start(int set, List<List<String>> form) {}

  private final String[] ids;
  private final PhraseSet[] sets;

  /** Per field, per first word (a term of the field's {@code KnownTerms}), the forms it starts. */
  private final Map<Field, Map<String, Start[]>> starts;

  PhraseIndex(Map<String, PhraseSet> byId) {
    ids = byId.keySet().toArray(String[]::new);
    sets = new PhraseSet[ids.length];
    Map<Field, Map<String, List<Start>>> lists = new EnumMap<>(Field.class);
    for (int i = 0; i < ids.length; i++) {
      PhraseSet set = byId.get(ids[i]);
      sets[i] = set;
      for (Field f : set.fields()) {
        Map<String, List<Start>> byHead = lists.computeIfAbsent(f, k -> new HashMap<>());
        for (List<List<String>> form : set.forms()) {
          Start s = new Start(i, form);
          for (String head : form.get(0)) {
            List<Start> l = byHead.computeIfAbsent(head, k -> new ArrayList<>(1));
            if (!l.contains(s)) { // a head written twice among one position's alternatives
              l.add(s);
            }
          }
        }
      }
    }
    starts = new EnumMap<>(Field.class);
    lists.forEach(
        (f, byHead) -> {
          Map<String, Start[]> m = HashMap.newHashMap(byHead.size());
          byHead.forEach((head, l) -> m.put(head, l.toArray(Start[]::new)));
          starts.put(f, m);
        });
  }

  /**
   * Hits of every phrase set found in the grid, by query id; each set's hits in field then offset
   * order, merged when the set asks for it: the same as {@link TokenGrid#locate} for each set.
   */
  Map<String, List<Hit>> match(TokenGrid grid) {
    Map<Integer, List<Hit>> found = new HashMap<>();
    for (var e : grid.fields().entrySet()) {
      Map<String, Start[]> byHead = starts.get(e.getKey());
      if (byHead == null) {
        continue;
      }
      TokenGrid.FieldTokens ft = e.getValue();
      for (int first = 0; first < ft.terms.size(); first++) {
        Start[] forms = byHead.get(ft.terms.get(first));
        if (forms == null) {
          continue;
        }
        for (Start s : forms) {
          grid.addHit(found, s.set(), e.getKey(), s.form(), first);
        }
      }
    }
    Map<String, List<Hit>> out = HashMap.newHashMap(found.size());
    found.forEach((set, hits) -> out.put(ids[set], grid.ordered(sets[set], hits)));
    return out;
  }

  int size() {
    return ids.length;
  }
}
