package org.markwatch.detectors.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Made-up brands for catalog-scale benchmarks ({@code markwatch bench score --brands 50000}):
 * pronounceable names of two to four syllables, one word or two (a name and a shop word such as
 * "Velora Home"), with categories taken round-robin from the real catalog's, so word sense and the
 * matcher see the same mix of categories as with real brands. Deterministic for a seed. A name that
 * is a known name or a common word is skipped, so the generated brands add queries, not matches of
 * ordinary text.
 */
public final class SyntheticBrands {
  private static final String[] ONSETS = {
    "b", "br", "c", "d", "f", "g", "gr", "h", "k", "kr", "l", "m", "n", "p", "pr", "r", "s", "st",
    "t", "tr", "v", "z"
  };
  private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ae", "ia", "io", "ou"};
  private static final String[] CODAS = {"", "", "", "n", "r", "s", "x", "l", "m"};
  private static final String[] SECOND = {
    "Home", "Studio", "Sport", "Beauty", "Kids", "Market", "Outlet", "Mart", "Lab", "Wear"
  };

  private SyntheticBrands() {}

  /**
   * {@code count} brands, ids prefixed {@code syn-}, none of whose names (folded, lower case) is in
   * {@code takenNames} or {@code commonWords}.
   */
  public static List<Brand> generate(
      int count,
      long seed,
      List<String> categories,
      Set<String> takenNames,
      Set<String> commonWords) {
    SplittableRandom random = new SplittableRandom(seed);
    Set<String> names = new HashSet<>();
    takenNames.forEach(n -> names.add(n.toLowerCase(Locale.ROOT)));
    List<Brand> out = new ArrayList<>(count);
    List<String> cats = categories.isEmpty() ? List.of("fashion") : categories;
    while (out.size() < count) {
      StringBuilder w = new StringBuilder();
      int syllables = 2 + random.nextInt(3);
      for (int i = 0; i < syllables; i++) {
        w.append(pick(random, ONSETS)).append(pick(random, VOWELS));
      }
      w.append(pick(random, CODAS));
      String word = Character.toUpperCase(w.charAt(0)) + w.substring(1);
      String name = random.nextInt(4) == 0 ? word + " " + pick(random, SECOND) : word;
      String key = name.toLowerCase(Locale.ROOT);
      if (commonWords.contains(w.toString()) || !names.add(key)) {
        continue;
      }
      String id = "syn-" + key.replace(' ', '-');
      out.add(
          new Brand(
              id,
              name,
              cats.get(out.size() % cats.size()),
              List.of(),
              List.of(),
              null,
              List.of(),
              List.of(),
              false));
    }
    return out;
  }

  private static String pick(SplittableRandom random, String[] from) {
    return from[random.nextInt(from.length)];
  }
}
