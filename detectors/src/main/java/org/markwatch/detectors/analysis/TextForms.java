package org.markwatch.detectors.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns a phrase from the configuration (brand name, alias, rule term) into the token sequences a
 * document can contain for it: the spelling as written and the spelling without accents, both
 * tokenised the way {@link ListingAnalyzer} tokenises documents (but without its variants).
 */
public final class TextForms {
  private static final ListingAnalyzer WORDS = new ListingAnalyzer(false);

  private TextForms() {}

  /** Lower-cased, NFKC-normalised words of {@code phrase}, tokenised like documents are. */
  public static List<String> words(String phrase) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = WORDS.tokenStream("", phrase)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a String reader never fails
    }
    return out;
  }

  /** Accents removed and đ written d: "hàng giả" -> "hang gia". */
  public static String fold(String s) {
    if (ascii(s)) {
      return s.toLowerCase(Locale.ROOT); // NFD leaves ASCII as it is: nothing to strip
    }
    String d = Normalizer.normalize(s, Normalizer.Form.NFD);
    StringBuilder b = new StringBuilder(d.length());
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      b.append(
          switch (c) {
            case 'đ' -> 'd';
            case 'Đ' -> 'D';
            default -> c;
          });
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  private static boolean ascii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 128) {
        return false;
      }
    }
    return true;
  }

  /** The distinct word sequences for a phrase: as written, then folded when that differs. */
  public static Set<List<String>> forms(String phrase) {
    Set<List<String>> out = new LinkedHashSet<>();
    List<String> w = words(phrase);
    if (w.isEmpty()) {
      return out;
    }
    out.add(w);
    out.add(w.stream().map(TextForms::fold).toList());
    return out;
  }

  /** True when the text has any letter with a diacritic. */
  public static boolean hasAccents(String s) {
    return !fold(s).equals(s.toLowerCase(Locale.ROOT));
  }
}
