package org.markwatch.detectors.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/** Test helper: runs text through a filter and lists the tokens as "term@position[start,end]". */
final class Tokens {
  private Tokens() {}

  static List<String> terms(TokenStream ts) {
    List<String> out = new ArrayList<>();
    for (String t : detailed(ts)) {
      out.add(t.substring(0, t.indexOf('@')));
    }
    return out;
  }

  static List<String> detailed(TokenStream ts) {
    List<String> out = new ArrayList<>();
    try (ts) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      int pos = -1;
      int lastStart = -1;
      while (ts.incrementToken()) {
        pos += inc.getPositionIncrement();
        if (off.startOffset() < lastStart) {
          throw new AssertionError("start offsets go backwards at " + term);
        }
        lastStart = off.startOffset();
        out.add(term + "@" + pos + "[" + off.startOffset() + "," + off.endOffset() + "]");
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * The text split on whitespace (or by the standard tokenizer), lower-cased, through {@code
   * filter}.
   */
  static TokenStream filtered(
      String text, boolean standard, Function<TokenStream, TokenStream> filter) {
    Analyzer a =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer t = standard ? new StandardTokenizer() : new WhitespaceTokenizer();
            return new TokenStreamComponents(
                t, filter.apply(new org.apache.lucene.analysis.LowerCaseFilter(t)));
          }
        };
    return a.tokenStream("f", text);
  }
}
