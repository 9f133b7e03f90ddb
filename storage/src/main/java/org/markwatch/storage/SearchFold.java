package org.markwatch.storage;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The accent-folded form the search columns hold and a search text is compared in: lower case,
 * diacritics removed ({@code nước hoa} → {@code nuoc hoa}, {@code đ} → {@code d}), runs of white
 * space made one space. On H2 the column is computed by this very method (an SQL alias, see
 * migration V16); on PostgreSQL by {@code unaccent}, which folds Vietnamese letters the same way.
 */
public final class SearchFold {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern NOT_DIGIT = Pattern.compile("[^0-9]");

  private SearchFold() {}

  /** Folds a text; null stays null (SQL semantics for the H2 alias). */
  public static String fold(String text) {
    if (text == null) {
      return null;
    }
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    String bare = MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
    return SPACES.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }

  /**
   * The part of a phone number every way of writing it shares: its last nine digits ({@code 0912
   * 345 678}, {@code +84 912345678} and {@code 84912345678} all give {@code 912345678}); empty when
   * the text has fewer than nine digits, so it is not a phone number.
   */
  public static String phoneKey(String text) {
    String digits = NOT_DIGIT.matcher(text == null ? "" : text).replaceAll("");
    return digits.length() < 9 ? "" : digits.substring(digits.length() - 9);
  }
}
