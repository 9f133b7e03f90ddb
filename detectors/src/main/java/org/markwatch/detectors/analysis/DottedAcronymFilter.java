package org.markwatch.detectors.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Removes the dots and other separators inside a word written letter by letter ("j.b.l" -> "jbl",
 * "l.v" -> "lv", "m.a.c" -> "mac", "g.u.c.c.i" -> "gucci"). A token is rewritten only when every
 * piece between separators is a single letter, so "l.12.12" or "v1.2" stay as they are.
 */
public final class DottedAcronymFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  public DottedAcronymFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    char[] buf = term.buffer();
    int len = term.length();
    if (len < 3 || !isSpelledOut(buf, len)) {
      return true;
    }
    int w = 0;
    for (int i = 0; i < len; i++) {
      if (Character.isLetter(buf[i])) {
        buf[w++] = buf[i];
      }
    }
    term.setLength(w);
    return true;
  }

  static boolean isSpelledOut(char[] buf, int len) {
    boolean sawSeparator = false;
    int run = 0;
    for (int i = 0; i < len; i++) {
      char c = buf[i];
      if (Character.isLetter(c)) {
        if (++run > 1) {
          return false;
        }
      } else if (c == '.' || c == '_' || c == '\'' || c == '·') {
        if (run == 0 && i != len - 1) {
          return false;
        }
        sawSeparator = true;
        run = 0;
      } else {
        return false;
      }
    }
    return sawSeparator;
  }
}
