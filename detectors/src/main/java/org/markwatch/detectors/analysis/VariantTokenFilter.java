package org.markwatch.detectors.analysis;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Base of the filters that keep every token and add rewritten forms of it stacked at the same
 * position (position increment 0, same offsets), so a query can match the form the seller wrote or
 * the form it stands for. Variants carry the token type {@link #VARIANT}.
 */
public abstract class VariantTokenFilter extends TokenFilter {
  /** Token type of a stacked variant. */
  public static final String VARIANT = "<VARIANT>";

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
  private final TypeAttribute type = addAttribute(TypeAttribute.class);
  private final ArrayDeque<String> pending = new ArrayDeque<>();
  private final List<String> scratch = new ArrayList<>(4);
  private State current;

  protected VariantTokenFilter(TokenStream input) {
    super(input);
  }

  /** Adds to {@code out} the variants of {@code token}; adding the token itself is ignored. */
  protected abstract void variants(String token, List<String> out);

  /**
   * False when the term cannot have a variant: most words have none, and this look at the term's
   * characters spares making a string of each of them.
   */
  protected boolean mayVary(char[] term, int length) {
    return true;
  }

  @Override
  public final boolean incrementToken() throws IOException {
    if (!pending.isEmpty()) {
      restoreState(current);
      term.setEmpty().append(pending.poll());
      posInc.setPositionIncrement(0);
      type.setType(VARIANT);
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    if (!mayVary(term.buffer(), term.length())) {
      return true;
    }
    scratch.clear();
    String token = term.toString();
    variants(token, scratch);
    for (String v : scratch) {
      if (!v.isEmpty() && !v.equals(token) && !pending.contains(v)) {
        pending.add(v);
      }
    }
    if (!pending.isEmpty()) {
      current = captureState();
    }
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    pending.clear();
    current = null;
  }
}
