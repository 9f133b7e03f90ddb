package org.markwatch.detectors.analysis;

import java.util.Collection;
import org.apache.lucene.analysis.CharArrayMap;

/**
 * A fixed set of terms (those of the queries looking in one field), looked up by the characters of
 * a token without making a string of it. Most document words and most misspelling-neighbourhood
 * forms are not in the set; a bit filter of a few KB, which stays in the CPU cache, says so before
 * the hash table is touched. Read-only once built, so safe to share between threads.
 */
public final class KnownTerms {
  /** Filter bits per term: about one in sixteen unknown terms gets past the filter. */
  private static final int BITS_PER_TERM = 16;

  private final CharArrayMap<String> terms;
  private final long[] bits;
  private final int mask;

  public KnownTerms(Collection<String> words) {
    terms = new CharArrayMap<>(Math.max(16, words.size()), false);
    int size = Integer.highestOneBit(Math.max(64, words.size() * BITS_PER_TERM - 1)) << 1;
    bits = new long[size >>> 6];
    mask = size - 1;
    for (String w : words) {
      terms.put(w, w);
      char[] c = w.toCharArray();
      int h = hash(c, 0, c.length) & mask;
      bits[h >>> 6] |= 1L << h;
    }
  }

  /** The term spelt by {@code text[off, off + len)} (the same instance each time), or null. */
  public String get(char[] text, int off, int len) {
    int h = hash(text, off, len) & mask;
    if ((bits[h >>> 6] & (1L << h)) == 0) {
      return null;
    }
    return terms.get(text, off, len);
  }

  public int size() {
    return terms.size();
  }

  private static int hash(char[] text, int off, int len) {
    int h = len;
    for (int i = off; i < off + len; i++) {
      h = 31 * h + text[i];
    }
    return h ^ (h >>> 15) ^ (h >>> 7);
  }
}
