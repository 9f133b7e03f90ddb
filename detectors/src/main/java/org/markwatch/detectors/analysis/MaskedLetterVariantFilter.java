package org.markwatch.detectors.analysis;

import java.util.List;
import org.apache.lucene.analysis.TokenStream;

/**
 * Adds the form of a word with its masked letters dropped ("pr·da" for "PR*DA", "l·uis" for
 * "L*uis": {@link ConfusableCharFilter} turns a symbol between letters into a middle dot). The
 * shortened word then meets its brand through the one-edit neighbourhood of {@link
 * FuzzyVariantFilter}.
 */
public final class MaskedLetterVariantFilter extends VariantTokenFilter {
  public MaskedLetterVariantFilter(TokenStream input) {
    super(input);
  }

  @Override
  protected boolean mayVary(char[] term, int length) {
    for (int i = 0; i < length; i++) {
      if (term[i] == '\u00B7') {
        return true;
      }
    }
    return false;
  }

  @Override
  protected void variants(String token, List<String> out) {
    if (token.indexOf('\u00B7') >= 0) {
      out.add(token.replace("\u00B7", ""));
    }
  }
}
