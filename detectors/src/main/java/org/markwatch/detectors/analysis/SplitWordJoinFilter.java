package org.markwatch.detectors.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Adds the joined form of words split apart to dodge filters: two adjacent letter-only words
 * ("mei ji" -> "meiji", "adi das" -> "adidas") and a run of single letters ("g u c c i" ->
 * "gucci", "m l b" -> "mlb"). The joined token is stacked on the last piece, with offsets
 * covering every piece, so a highlight shows the whole split name.
 */
public final class SplitWordJoinFilter extends TokenFilter {
  /** Token type of a joined token. */
  public static final String JOINED = "<JOINED>";
  private static final int MIN_PAIR = 4;
  private static final int MAX_PAIR = 14;
  private static final int MAX_RUN = 16;

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
  private final TypeAttribute type = addAttribute(TypeAttribute.class);

  private String previous;
  private int previousStart;
  private final StringBuilder run = new StringBuilder();
  private int runStart;
  private State current;
  private String pendingPair;
  private int pendingPairStart;
  private String pendingRun;

  public SplitWordJoinFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (pendingPair != null) {
      emitStacked(pendingPair, pendingPairStart);
      pendingPair = null;
      return true;
    }
    if (pendingRun != null) {
      emitStacked(pendingRun, runStart);
      pendingRun = null;
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    if (posInc.getPositionIncrement() == 0) {
      return true; // a variant of the previous token: joins are built from what was written
    }
    String token = term.toString();
    int start = offset.startOffset();
    boolean letters = isLetters(token);
    if (letters && previous != null) {
      int len = previous.length() + token.length();
      if (len >= MIN_PAIR && len <= MAX_PAIR) {
        pendingPair = previous + token;
        pendingPairStart = previousStart;
      }
    }
    if (letters && token.length() == 1) {
      if (run.isEmpty()) {
        runStart = start;
      }
      if (run.length() < MAX_RUN) {
        run.append(token);
      }
      if (run.length() >= 2) {
        pendingRun = run.toString();
      }
    } else {
      run.setLength(0);
    }
    previous = letters ? token : null;
    previousStart = start;
    if (pendingPair != null || pendingRun != null) {
      current = captureState();
    }
    return true;
  }

  private void emitStacked(String joined, int start) {
    restoreState(current);
    int end = offset.endOffset();
    term.setEmpty().append(joined);
    offset.setOffset(start, end);
    posInc.setPositionIncrement(0);
    type.setType(JOINED);
  }

  private static boolean isLetters(String t) {
    for (int i = 0; i < t.length(); i++) {
      if (!Character.isLetter(t.charAt(i))) {
        return false;
      }
    }
    return !t.isEmpty();
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    previous = null;
    run.setLength(0);
    current = null;
    pendingPair = null;
    pendingRun = null;
  }
}
