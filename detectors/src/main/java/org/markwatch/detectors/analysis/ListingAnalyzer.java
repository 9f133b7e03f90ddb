package org.markwatch.detectors.analysis;

import com.ibm.icu.text.Normalizer2;
import java.io.Reader;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analysis chain of listing text, shared by brand matching and rule terms:
 *
 * <ol>
 *   <li>{@link ICUNormalizer2CharFilter} NFKC case-fold: case, full-width and mathematical letters
 *       ("𝗕𝗮𝗹𝗲" -> "bale"), Vietnamese kept composed with its accents;
 *   <li>{@link ConfusableCharFilter}: Cyrillic/Greek look-alikes and in-word symbols ("ch@nel");
 *   <li>{@link StandardTokenizer}: Unicode word boundaries, so a Vietnamese syllable is a token;
 *   <li>{@link DottedAcronymFilter}: "j.b.l" -> "jbl";
 *   <li>{@link SplitWordJoinFilter}: adds "meiji" for "mei ji", "gucci" for "g u c c i";
 *   <li>{@link LeetVariantFilter}: adds "nike" for "n1ke";
 *   <li>{@link MaskedLetterVariantFilter}: adds "prda" for "pr*da";
 *   <li>{@link RepeatedLetterVariantFilter}: adds "sony" for "sonny";
 *   <li>{@link FuzzyVariantFilter}: adds the one-deletion neighbourhood ("~lauren", "~laure", ...)
 *       of words that are not common words.
 * </ol>
 *
 * Accents are never removed from the document: a query term carries both its accented and its
 * folded spelling instead (see {@link TextForms}), so "hàng giá rẻ" cannot meet "hàng giả", and
 * text typed without accents still meets the folded spelling.
 */
public final class ListingAnalyzer extends Analyzer {
  private static final Normalizer2 NFKC_CF = Normalizer2.getNFKCCasefoldInstance();

  private final boolean variants;
  private final Set<String> commonWords;
  private final Map<String, KnownTerms> kept;
  private static final KnownTerms NO_TERMS = new KnownTerms(Set.of());

  /** The document chain, with every variant filter and no common-word guard. */
  public ListingAnalyzer() {
    this(true, Set.of());
  }

  /**
   * @param variants false gives only the words as written (normalised), the form configuration
   *     phrases are turned into before they become queries
   */
  public ListingAnalyzer(boolean variants) {
    this(variants, Set.of());
  }

  /**
   * @param commonWords lower-case words that never get a misspelling neighbourhood
   */
  public ListingAnalyzer(boolean variants, Set<String> commonWords) {
    this(variants, commonWords, null);
  }

  /**
   * @param kept when not null, per field name the terms of the queries looking in that field only
   *     those of a word's misspelling neighbourhood are produced, for a caller that drops every
   *     other term (the matcher)
   */
  public ListingAnalyzer(boolean variants, Set<String> commonWords, Map<String, KnownTerms> kept) {
    this.variants = variants;
    this.commonWords = Set.copyOf(commonWords);
    this.kept = kept == null ? null : Map.copyOf(kept);
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return new ConfusableCharFilter(new ICUNormalizer2CharFilter(reader, NFKC_CF));
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    TokenStream chain = new DottedAcronymFilter(source);
    if (!variants) {
      return new TokenStreamComponents(source, chain);
    }
    chain = new SplitWordJoinFilter(chain);
    chain = new LeetVariantFilter(chain);
    chain = new MaskedLetterVariantFilter(chain);
    chain = new RepeatedLetterVariantFilter(chain, commonWords);
    if (!fieldName.equals("text") && !fieldName.equals("category")) {
      // misspelt names are looked for where names stand (title, seller, claimed brand): the
      // neighbourhood of every word of a long description would swell the presearcher's query
      chain =
          kept == null
              ? new FuzzyVariantFilter(chain, commonWords)
              : new FuzzyVariantFilter(chain, commonWords, kept.getOrDefault(fieldName, NO_TERMS));
    }
    return new TokenStreamComponents(source, chain);
  }

  @Override
  public int getPositionIncrementGap(String fieldName) {
    return 100; // several values of one field never form a phrase together
  }
}
