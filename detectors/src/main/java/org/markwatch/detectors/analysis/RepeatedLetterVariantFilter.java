package org.markwatch.detectors.analysis;

import java.util.List;
import org.apache.lucene.analysis.TokenStream;

/**
 * Adds the form with runs of a repeated letter squeezed to one ("adiddas" -> "adidas", "sonny" ->
 * "sony", "gucci" -> "guci"). Brand names are indexed squeezed as well, so a doubled or dropped
 * double letter still meets its brand. Digits are left alone ("1000").
 */
public final class RepeatedLetterVariantFilter extends VariantTokenFilter {
  private final java.util.Set<String> commonWords;

  public RepeatedLetterVariantFilter(TokenStream input) {
    this(input, java.util.Set.of());
  }

  /**
   * @param commonWords words left as they are ("channel" must not become "chanel")
   */
  public RepeatedLetterVariantFilter(TokenStream input, java.util.Set<String> commonWords) {
    super(input);
    this.commonWords = commonWords;
  }

  @Override
  protected boolean mayVary(char[] term, int length) {
    for (int i = 1; i < length; i++) {
      if (term[i] == term[i - 1] && Character.isLetter(term[i])) {
        return true; // what squeeze() looks for
      }
    }
    return false;
  }

  @Override
  protected void variants(String token, List<String> out) {
    if (commonWords.contains(token)) {
      return;
    }
    String squeezed = squeeze(token);
    if (squeezed != token) {
      out.add(squeezed);
    }
  }

  /** The token with repeated letters squeezed; the same instance when nothing repeats. */
  public static String squeeze(String token) {
    StringBuilder b = null;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      boolean repeat = i > 0 && c == token.charAt(i - 1) && Character.isLetter(c);
      if (repeat && b == null) {
        b = new StringBuilder(token.length()).append(token, 0, i);
      }
      if (!repeat && b != null) {
        b.append(c);
      }
    }
    return b == null ? token : b.toString();
  }
}
