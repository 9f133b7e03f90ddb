package org.markwatch.detectors.analysis;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * Maps look-alike characters to the Latin letter they imitate, one character for one, so offsets
 * stay unchanged: Cyrillic and Greek homoglyphs ("Сhanel" with a Cyrillic С), and symbols inside a
 * word ("Ch@nel", "Gucc!", "Pr$da", "L*uis"). A symbol is rewritten only between two letters, so
 * e-mail addresses and prices keep their meaning at word edges. Runs after NFKC normalisation,
 * which already turns mathematical and full-width letters into plain ones.
 */
public final class ConfusableCharFilter extends BaseCharFilter {
  /** Upper bound of characters read from one field; scraped text is hostile. */
  public static final int MAX_CHARS = 64 * 1024;

  private char[] buffer;
  private int length;
  private int pos;

  public ConfusableCharFilter(Reader in) {
    super(in);
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (buffer == null) {
      fill();
    }
    if (pos >= length) {
      return -1;
    }
    int n = Math.min(len, length - pos);
    System.arraycopy(buffer, pos, cbuf, off, n);
    pos += n;
    return n;
  }

  private void fill() throws IOException {
    char[] b = new char[1024];
    int n = 0;
    int r;
    while (n < MAX_CHARS && (r = input.read(b, n, Math.min(b.length - n, MAX_CHARS - n))) != -1) {
      n += r;
      if (n == b.length && n < MAX_CHARS) {
        b = java.util.Arrays.copyOf(b, Math.min(b.length * 2, MAX_CHARS));
      }
    }
    for (int i = 0; i < n; i++) {
      b[i] = map(b, i, n);
    }
    buffer = b;
    length = n;
  }

  static char map(char[] b, int i, int n) {
    char c = b[i];
    if (c < 128) {
      // most characters: ASCII letters, digits, spaces; only a few symbols may stand for a letter
      char s = symbolLetter(c);
      return s == 0 || !between(b, i, n) ? c : s;
    }
    if (c < 0x370) { // Latin with accents (Vietnamese): no look-alike to rewrite
      return c;
    }
    char homoglyph = homoglyph(c);
    if (homoglyph != 0) {
      return homoglyph;
    }
    return c == '€' && between(b, i, n) ? 'e' : c;
  }

  /** The letter an ASCII symbol stands for inside a word, or 0 when it never does. */
  private static char symbolLetter(char c) {
    return switch (c) {
      case '@' -> 'a';
      case '$' -> 's';
      case '!', '|' -> 'i';
      case '*', '+', '~', '#', '^', '_' ->
          '\u00B7'; // a masked letter: kept as an in-word separator
      default -> 0;
    };
  }

  private static boolean between(char[] b, int i, int n) {
    return i > 0 && i < n - 1 && Character.isLetter(b[i - 1]) && Character.isLetter(b[i + 1]);
  }

  /** Cyrillic and Greek letters drawn like Latin ones; 0 when {@code c} is not one. */
  static char homoglyph(char c) {
    return switch (c) {
      case 'а', 'α' -> 'a';
      case 'в', 'β' -> 'b';
      case 'с', 'ϲ' -> 'c';
      case 'е', 'ε' -> 'e';
      case 'н' -> 'h';
      case 'і', 'ι' -> 'i';
      case 'ј' -> 'j';
      case 'к', 'κ' -> 'k';
      case 'м' -> 'm';
      case 'о', 'ο', 'σ' -> 'o';
      case 'р', 'ρ' -> 'p';
      case 'ѕ' -> 's';
      case 'т', 'τ' -> 't';
      case 'υ' -> 'u';
      case 'ν' -> 'v';
      case 'х', 'χ' -> 'x';
      case 'у', 'γ' -> 'y';
      case 'А', 'Α' -> 'A';
      case 'В', 'Β' -> 'B';
      case 'С', 'Ϲ' -> 'C';
      case 'Е', 'Ε' -> 'E';
      case 'Н', 'Η' -> 'H';
      case 'І', 'Ι' -> 'I';
      case 'К', 'Κ' -> 'K';
      case 'М', 'Μ' -> 'M';
      case 'О', 'Ο' -> 'O';
      case 'Р', 'Ρ' -> 'P';
      case 'Ѕ' -> 'S';
      case 'Т', 'Τ' -> 'T';
      case 'Х', 'Χ' -> 'X';
      case 'У' -> 'Y';
      case 'Ζ' -> 'Z';
      case 'Ν' -> 'N';
      default -> 0;
    };
  }
}
