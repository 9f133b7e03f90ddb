package org.markwatch.detectors.analysis;

import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;

/**
 * Adds the one-edit neighbourhood of a word, marked with a leading {@code ~} so it never meets an
 * exact term: the word itself and every form with one letter deleted ("lauren" -> "~lauren",
 * "~auren", "~lren", ...). A brand name of five letters or more is indexed the same way, so a word
 * one insertion, deletion, substitution or transposition away from it shares a term with it (the
 * hit is then checked with a real edit distance). Only ASCII letter words of four letters or more
 * that are not common words get a neighbourhood: "couch" must not become "coach".
 */
public final class FuzzyVariantFilter extends VariantTokenFilter {
  /** Marker of neighbourhood terms. */
  public static final char MARK = '~';

  /** Shortest word given a neighbourhood (a deletion of a five-letter name). */
  public static final int MIN_LENGTH = 4;

  /** Longest word given a neighbourhood. */
  public static final int MAX_LENGTH = 20;

  private final Set<String> commonWords;
  private final KnownTerms kept;
  private final char[] buffer = new char[MAX_LENGTH + 1];

  /**
   * @param commonWords lower-case words never treated as misspellings
   */
  public FuzzyVariantFilter(TokenStream input, Set<String> commonWords) {
    this(input, commonWords, null);
  }

  /**
   * @param kept when not null, the only neighbourhood terms worth producing: those some query
   *     contains. The others would be dropped unread by the matcher, and most of the neighbourhood
   *     of a word is such terms.
   */
  public FuzzyVariantFilter(TokenStream input, Set<String> commonWords, KnownTerms kept) {
    super(input);
    this.commonWords = commonWords;
    this.kept = kept;
  }

  @Override
  protected boolean mayVary(char[] term, int length) {
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (term[i] < 'a' || term[i] > 'z') {
        return false;
      }
    }
    return true;
  }

  @Override
  protected void variants(String token, List<String> out) {
    if (token.length() < MIN_LENGTH
        || token.length() > MAX_LENGTH
        || !asciiLetters(token)
        || commonWords.contains(token)) {
      return;
    }
    if (kept != null) {
      keptNeighbourhood(token, out);
      return;
    }
    out.add(MARK + token);
    if (token.length() >= MIN_LENGTH + 1) {
      neighbourhood(token, out);
    }
  }

  /**
   * What the other branch of {@link #variants} adds, less the terms not in {@link #kept}, without
   * building them.
   */
  private void keptNeighbourhood(String word, List<String> out) {
    int n = word.length();
    char[] b = buffer;
    b[0] = MARK;
    word.getChars(0, n, b, 1);
    String t = kept.get(b, 0, n + 1);
    if (t != null) {
      out.add(t);
    }
    if (n < MIN_LENGTH + 1) {
      return;
    }
    for (int i = 0; i < n; i++) {
      if (i > 0 && word.charAt(i) == word.charAt(i - 1)) {
        continue; // same form as deleting the previous letter
      }
      word.getChars(0, i, b, 1);
      word.getChars(i + 1, n, b, i + 1);
      t = kept.get(b, 0, n);
      if (t != null) {
        out.add(t);
      }
    }
  }

  /** Adds {@code ~} + each one-deletion form of {@code word}. */
  public static void neighbourhood(String word, List<String> out) {
    for (int i = 0; i < word.length(); i++) {
      if (i > 0 && word.charAt(i) == word.charAt(i - 1)) {
        continue; // same form as deleting the previous letter
      }
      out.add(MARK + word.substring(0, i) + word.substring(i + 1));
    }
  }

  static boolean asciiLetters(String t) {
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c < 'a' || c > 'z') {
        return false;
      }
    }
    return true;
  }

  /**
   * Optimal-string-alignment distance (Damerau-Levenshtein without repeated edits of a substring).
   */
  public static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
