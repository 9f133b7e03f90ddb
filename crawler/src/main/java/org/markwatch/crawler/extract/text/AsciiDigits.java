package org.markwatch.crawler.extract.text;

/**
 * Digits of every script folded to ASCII before a page is read: Arabic shops write "١٬٢٤٩٫٠٠ ر.س",
 * Persian ones "۱۲۹", Japanese ones fullwidth "３，９８０円". Every price, code and number reader after
 * this sees "1,249.00", so none of them needs to know other scripts. Folded: each Unicode decimal
 * digit, the Arabic thousands and decimal separators, a fullwidth comma or full stop between two
 * digits, and the thin spaces that group thousands ("2 490 ₽" with U+2009 or U+202F) to a no-break
 * space, the one grouping space every reader knows. The page's evidence (its stored bytes) is
 * untouched.
 */
public final class AsciiDigits {
  private static final char ARABIC_DECIMAL = '\u066B';
  private static final char ARABIC_THOUSANDS = '\u066C';
  private static final char FULLWIDTH_COMMA = '\uFF0C';
  private static final char FULLWIDTH_STOP = '\uFF0E';
  private static final char THIN_SPACE = '\u2009';
  private static final char NARROW_NBSP = '\u202F';
  private static final char FIGURE_SPACE = '\u2007';
  private static final char PUNCTUATION_SPACE = '\u2008';

  private AsciiDigits() {}

  /** {@code text} with its digits in ASCII; the same instance when there is nothing to fold. */
  public static String fold(String text) {
    int first = firstToFold(text);
    if (first < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    out.append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(folded(text, i, c));
    }
    return out.toString();
  }

  private static int firstToFold(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '\u0660' && folded(text, i, c) != c) {
        return i;
      }
    }
    return -1;
  }

  private static char folded(String text, int i, char c) {
    if (c < '\u0660') {
      return c;
    }
    if (c == ARABIC_DECIMAL) {
      return '.';
    }
    if (c == ARABIC_THOUSANDS) {
      return ',';
    }
    if ((c == FULLWIDTH_COMMA || c == FULLWIDTH_STOP) && betweenDigits(text, i)) {
      return c == FULLWIDTH_COMMA ? ',' : '.';
    }
    if ((c == THIN_SPACE || c == NARROW_NBSP || c == FIGURE_SPACE || c == PUNCTUATION_SPACE)
        && betweenDigits(text, i)) {
      return '\u00A0';
    }
    if (Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER) {
      int d = Character.digit(c, 10);
      return d >= 0 ? (char) ('0' + d) : c;
    }
    return c;
  }

  private static boolean betweenDigits(String text, int i) {
    return i > 0
        && i + 1 < text.length()
        && Character.isDigit(text.charAt(i - 1))
        && Character.isDigit(text.charAt(i + 1));
  }
}
