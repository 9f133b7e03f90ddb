package org.markwatch.detectors.analysis;

import java.util.List;
import org.apache.lucene.analysis.TokenStream;

/**
 * Adds the letter reading of a word written with look-alike digits ("n1ke" -> "nike", "s0ny" ->
 * "sony", "ch4nel" -> "chanel"). Only tokens that have letters on both sides of a digit, or a
 * digit glued to a run of at least three letters, are rewritten, so sizes and models ("50ml",
 * "ga-2100", "v15") stay as they are. Also adds the letter-only part of "iphone15" -> "iphone".
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
    int letters = 0;
    int digits = 0;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
      } else if (c >= '0' && c <= '9') {
        digits++;
      }
    }
    if (digits == 0 || letters == 0) {
      return;
    }
    if (digits <= 2 && letters >= 2 && insideLetters(token)) {
      StringBuilder b = new StringBuilder(token.length());
      for (int i = 0; i < token.length(); i++) {
        b.append(letterFor(token.charAt(i)));
      }
      out.add(b.toString());
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

  /** True when every digit has a letter before and after it ("n1ke", not "ga2100"). */
  private static boolean insideLetters(String t) {
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c >= '0' && c <= '9') {
        if (i == 0 || i == t.length() - 1) {
          return false;
        }
        if (!Character.isLetter(t.charAt(i - 1)) || !Character.isLetter(t.charAt(i + 1))) {
          return false;
        }
      }
    }
    return true;
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
