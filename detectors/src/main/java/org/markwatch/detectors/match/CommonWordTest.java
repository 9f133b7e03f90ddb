package org.markwatch.detectors.match;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.markwatch.detectors.analysis.TextForms;
import org.markwatch.detectors.catalog.Brand;
import org.markwatch.detectors.catalog.BrandCatalog;
import org.markwatch.detectors.catalog.ProductType;

/**
 * Whether a word is an ordinary word of listings rather than a name: the general test that guards
 * the brands' short forms ({@link ShortForms}). A word is common when it is
 *
 * <ul>
 *   <li>a stop word of any of the languages Lucene ships stop lists for (English, French, German,
 *       Spanish, Italian, Portuguese, Dutch, the Nordic and Slavic languages, Turkish, Indonesian
 *       and more): listings are written in many languages, and a short form must not be a word of
 *       any of them;
 *   <li>a word of the product-type vocabulary (product words name the goods, not the maker);
 *   <li>on the catalog's list of common words;
 *   <li>frequent in the catalog's own vocabulary: a word of the names of two brands or more is a
 *       generic word of names ("saint", "home", "beauty"), and as a short form it would not say
 *       which brand.
 * </ul>
 *
 * Words are compared lower-cased and with accents folded.
 */
public final class CommonWordTest {
  /** Names of this many brands sharing a word make it a generic word of names. */
  static final int BRANDS_SHARING = 2;

  private final Set<String> words;

  public CommonWordTest(BrandCatalog catalog) {
    Set<String> w = new HashSet<>(STOP_WORDS);
    catalog.commonWords().forEach(c -> w.add(key(c)));
    for (ProductType t : catalog.productTypes()) {
      for (String term : t.terms()) {
        for (String word : TextForms.words(key(term))) {
          w.add(word);
        }
      }
    }
    Map<String, String> firstBrand = new HashMap<>();
    for (Brand b : catalog.brands()) {
      for (String name : b.names()) {
        for (String word : TextForms.words(key(name))) {
          String before = firstBrand.putIfAbsent(word, b.id());
          if (before != null && !before.equals(b.id())) {
            w.add(word);
          }
        }
      }
    }
    this.words = Set.copyOf(w);
  }

  /** True when {@code word} is an ordinary word by any of the tests above. */
  public boolean common(String word) {
    return words.contains(key(word));
  }

  private static String key(String s) {
    return TextForms.fold(s.toLowerCase(Locale.ROOT)).strip();
  }

  /** Every stop word of Lucene's analyzers, folded. */
  private static final Set<String> STOP_WORDS = stopWords();

  private static Set<String> stopWords() {
    List<CharArraySet> sets =
        List.of(
            org.apache.lucene.analysis.en.EnglishAnalyzer.getDefaultStopSet(),
            org.apache.lucene.analysis.fr.FrenchAnalyzer.getDefaultStopSet(),
            org.apache.lucene.analysis.de.GermanAnalyzer.getDefaultStopSet(),
            org.apache.lucene.analysis.es.SpanishAnalyzer.getDefaultStopSet(),
            org.apache.lucene.analysis.it.ItalianAnalyzer.getDefaultStopSet(),
            org.apache.lucene.analysis.pt.PortugueseAnalyzer.getDefaultStopSet(),
            org.apache.lucene.analysis.nl.DutchAnalyzer.getDefaultStopSet(),
            org.apache.lucene.analysis.da.DanishAnalyzer.getDefaultStopSet(),
            org.apache.lucene.analysis.sv.SwedishAnalyzer.getDefaultStopSet(),
            org.apache.lucene.analysis.no.NorwegianAnalyzer.getDefaultStopSet(),
            org.apache.lucene.analysis.fi.FinnishAnalyzer.getDefaultStopSet(),
            org.apache.lucene.analysis.ru.RussianAnalyzer.getDefaultStopSet(),
            org.apache.lucene.analysis.cz.CzechAnalyzer.getDefaultStopSet(),
            org.apache.lucene.analysis.ro.RomanianAnalyzer.getDefaultStopSet(),
            org.apache.lucene.analysis.hu.HungarianAnalyzer.getDefaultStopSet(),
            org.apache.lucene.analysis.tr.TurkishAnalyzer.getDefaultStopSet(),
            org.apache.lucene.analysis.id.IndonesianAnalyzer.getDefaultStopSet(),
            org.apache.lucene.analysis.ca.CatalanAnalyzer.getDefaultStopSet(),
            org.apache.lucene.analysis.gl.GalicianAnalyzer.getDefaultStopSet(),
            org.apache.lucene.analysis.eu.BasqueAnalyzer.getDefaultStopSet(),
            org.apache.lucene.analysis.ga.IrishAnalyzer.getDefaultStopSet(),
            org.apache.lucene.analysis.lv.LatvianAnalyzer.getDefaultStopSet(),
            org.apache.lucene.analysis.lt.LithuanianAnalyzer.getDefaultStopSet(),
            org.apache.lucene.analysis.bg.BulgarianAnalyzer.getDefaultStopSet(),
            org.apache.lucene.analysis.el.GreekAnalyzer.getDefaultStopSet());
    Set<String> out = new HashSet<>();
    for (CharArraySet set : sets) {
      for (Object o : set) {
        out.add(key(new String((char[]) o)));
      }
    }
    return Set.copyOf(out);
  }
}
