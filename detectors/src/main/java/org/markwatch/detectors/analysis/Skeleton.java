package org.markwatch.detectors.analysis;

import com.ibm.icu.text.Normalizer2;

/**
 * The letters a piece of text spells once every disguise is removed: NFKC case-folded, look-alike
 * characters and in-word symbols mapped, accents folded, look-alike digits read as letters,
 * separators dropped and repeated letters squeezed. "Ch@nel", "C.H.A.N.E.L", "Chaneel" and "chanel"
 * share the skeleton "chanel". Used to tell an obfuscated spelling of a name from a misspelling of
 * it.
 */
public final class Skeleton {
  private static final Normalizer2 NFKC_CF = Normalizer2.getNFKCCasefoldInstance();

  private Skeleton() {}

  public static String of(String text) {
    return RepeatedLetterVariantFilter.squeeze(letters(text));
  }

  /**
   * The same letters with repeated letters kept: "Balenciaa" squeezes to "balencia", two edits from
   * "balenciaga", though only one letter is missing. A one-edit comparison needs this form.
   */
  public static String letters(String text) {
    char[] c = NFKC_CF.normalize(text).toCharArray();
    char[] mapped = new char[c.length];
    for (int i = 0; i < c.length; i++) {
      mapped[i] = ConfusableCharFilter.map(c, i, c.length);
    }
    String folded = TextForms.fold(new String(mapped));
    StringBuilder b = new StringBuilder(folded.length());
    int i = 0;
    while (i < folded.length()) {
      if (!Character.isLetterOrDigit(folded.charAt(i))) {
        i++;
        continue;
      }
      int end = i;
      while (end < folded.length() && Character.isLetterOrDigit(folded.charAt(end))) {
        end++;
      }
      // digits are read as letters exactly where the analysis chain reads them so ("n1ke", "gucc1")
      String word = folded.substring(i, end).toLowerCase(java.util.Locale.ROOT);
      b.append(LeetVariantFilter.readsAsLetters(word) ? LeetVariantFilter.asLetters(word) : word);
      i = end;
    }
    return b.toString();
  }
}
