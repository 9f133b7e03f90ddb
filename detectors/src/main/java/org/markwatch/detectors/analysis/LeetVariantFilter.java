package org.markwatch.detectors.analysis;

import java.util.List;
import org.apache.lucene.analysis.TokenStream;

/**
 * Adds the letter reading of a word written with look-alike digits ("n1ke" -> "nike", "s0ny" ->
 * "sony", "ch4nel" -> "chanel", "d10r" -> "dior", "gucc1" -> "gucci"). Only words that start with a
 * letter and have one or two look-alike digits are rewritten ({@link #readsAsLetters}), so sizes
 * and models ("50ml", "ga-2100", "v15", "3ce") stay as they are. Also adds the letter-only part of
 * "iphone15" -> "iphone".
 */
public final class LeetVariantFilter extends VariantTokenFilter {
  public LeetVariantFilter(TokenStream input) {
    super(input);
  }

  @Override
  protected boolean mayVary(char[] term, int length) {
    for (int i = 0; i < length; i++) {
      if (term[i] >= '0' && term[i] <= '9') {
        return true;
      }
    }
    return false; // every variant here reads a digit
  }

  @Override
  protected void variants(String token, List<String> out) {
    if (readsAsLetters(token)) {
      out.add(asLetters(token));
    }
    // "iphone15", "airpods2": a name with a model number glued on.
    int end = 0;
    while (end < token.length() && Character.isLetter(token.charAt(end))) {
      end++;
    }
    if (end >= 3 && end < token.length() && allDigits(token, end)) {
      out.add(token.substring(0, end));
    }
  }

  /**
   * True when a word's digits are look-alike letters: it starts with a letter, has at least two
   * letters and one or two digits that all have a letter reading, and ends with a letter or with
   * one digit after three letters or more ("n1ke", "d10r", "gucc1"; not "v15", "iphone15", "3ce").
   */
  public static boolean readsAsLetters(String word) {
    if (word.isEmpty() || !Character.isLetter(word.charAt(0))) {
      return false;
    }
    int letters = 0;
    int digits = 0;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
      } else if (c >= '0' && c <= '9' && letterFor(c) != c) {
        digits++;
      } else {
        return false;
      }
    }
    int n = word.length();
    boolean endsWithLetter = Character.isLetter(word.charAt(n - 1));
    // one trailing digit after three letters is a disguise ("gucc1"); two are a model ("iphone15")
    boolean disguisedEnd = letters >= 3 && Character.isLetter(word.charAt(n - 2));
    return digits >= 1 && digits <= 2 && letters >= 2 && (endsWithLetter || disguisedEnd);
  }

  /** The word with each digit replaced by the letter it imitates. */
  public static String asLetters(String word) {
    StringBuilder b = new StringBuilder(word.length());
    for (int i = 0; i < word.length(); i++) {
      b.append(letterFor(word.charAt(i)));
    }
    return b.toString();
  }

  private static boolean allDigits(String t, int from) {
    for (int i = from; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  static char letterFor(char c) {
    return switch (c) {
      case '0' -> 'o';
      case '1' -> 'i';
      case '3' -> 'e';
      case '4' -> 'a';
      case '5' -> 's';
      case '7' -> 't';
      case '8' -> 'b';
      default -> c;
    };
  }
}
