package org.markwatch.detectors.analysis;

import com.ibm.icu.text.Normalizer2;

/**
 * The letters a piece of text spells once every disguise is removed: NFKC case-folded, look-alike
 * characters and in-word symbols mapped, accents folded, look-alike digits read as letters,
 * separators dropped and repeated letters squeezed. "Ch@nel", "C.H.A.N.E.L", "Chaneel" and
 * "chanel" share the skeleton "chanel". Used to tell an obfuscated spelling of a name from a
 * misspelling of it.
 */
public final class Skeleton {
  private static final Normalizer2 NFKC_CF = Normalizer2.getNFKCCasefoldInstance();

  private Skeleton() {}

  public static String of(String text) {
    char[] c = NFKC_CF.normalize(text).toCharArray();
    char[] mapped = new char[c.length];
    for (int i = 0; i < c.length; i++) {
      mapped[i] = ConfusableCharFilter.map(c, i, c.length);
    }
    String folded = TextForms.fold(new String(mapped));
    StringBuilder b = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      char ch = folded.charAt(i);
      if (Character.isDigit(ch)) {
        boolean inWord = i > 0 && i < folded.length() - 1 && Character.isLetter(folded.charAt(i - 1))
            && Character.isLetter(folded.charAt(i + 1));
        ch = inWord ? LeetVariantFilter.letterFor(ch) : ch;
      }
      if (Character.isLetterOrDigit(ch)) {
        b.append(Character.toLowerCase(ch));
      }
    }
    return RepeatedLetterVariantFilter.squeeze(b.toString());
  }
}
