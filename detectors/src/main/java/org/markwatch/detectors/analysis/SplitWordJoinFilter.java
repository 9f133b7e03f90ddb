package org.markwatch.detectors.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Adds the joined form of words split apart to dodge filters: two adjacent letter-only words ("mei
 * ji" -> "meiji", "adi das" -> "adidas") and a run of single letters ("g u c c i" -> "gucci", "m l
 * b" -> "mlb"). The joined token is stacked on the first piece with offsets covering every piece,
 * so start offsets never go backwards and a highlight shows the whole split name. Must run before
 * filters that stack variants: it reads one token ahead.
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

  /**
   * Tokens read but not yet emitted, in order; joined tokens are inserted after their first piece.
   */
  private final List<State> queue = new ArrayList<>();

  private final List<String> queueTerms = new ArrayList<>();
  private final List<int[]> queueOffsets = new ArrayList<>();

  /** How many tokens at the head of the queue were already considered for joining. */
  private int checked;

  private boolean exhausted;

  public SplitWordJoinFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (queue.isEmpty() && !read()) {
      return false;
    }
    if (checked == 0) {
      join();
    }
    restoreState(queue.remove(0));
    queueTerms.remove(0);
    queueOffsets.remove(0);
    checked--;
    return true;
  }

  /** Considers the head token as the start of a split word, reading ahead as needed. */
  private void join() throws IOException {
    checked = 1;
    String first = queueTerms.get(0);
    if (!isLetters(first)) {
      return;
    }
    if (first.length() == 1) {
      // a run of single letters: read while the run goes on
      StringBuilder run = new StringBuilder(first);
      while (run.length() < MAX_RUN && read()) {
        String t = queueTerms.get(queueTerms.size() - 1);
        if (t.length() != 1 || !isLetters(t)) {
          break;
        }
        run.append(t);
      }
      int pieces = run.length();
      if (pieces >= 2) {
        insertJoined(run.toString(), queueOffsets.get(0)[0], queueOffsets.get(pieces - 1)[1]);
        checked =
            pieces + 1; // the letters and the joined token; the word that ended the run is not
      }
      return;
    }
    if (queue.size() > 1 || read()) {
      String second = queueTerms.get(1);
      int len = first.length() + second.length();
      if (isLetters(second) && len >= MIN_PAIR && len <= MAX_PAIR) {
        insertJoined(first + second, queueOffsets.get(0)[0], queueOffsets.get(1)[1]);
        checked = 2;
      }
    }
  }

  private boolean read() throws IOException {
    if (exhausted || !input.incrementToken()) {
      exhausted = true;
      return false;
    }
    queue.add(captureState());
    queueTerms.add(term.toString());
    queueOffsets.add(new int[] {offset.startOffset(), offset.endOffset()});
    return true;
  }

  /** Inserts a joined token right after the first queued token, stacked on it. */
  private void insertJoined(String joined, int start, int end) {
    State saved = captureState();
    restoreState(queue.get(0));
    term.setEmpty().append(joined);
    offset.setOffset(start, end);
    posInc.setPositionIncrement(0);
    type.setType(JOINED);
    queue.add(1, captureState());
    queueTerms.add(1, joined);
    queueOffsets.add(1, new int[] {start, end});
    restoreState(saved);
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
    queue.clear();
    queueTerms.clear();
    queueOffsets.clear();
    checked = 0;
    exhausted = false;
  }
}
