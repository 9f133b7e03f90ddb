package org.markwatch.detectors.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class VariantFiltersTest {
  @Test
  void leetDigitsBetweenLettersAreReadAsLetters() {
    assertThat(Tokens.terms(Tokens.filtered("N1ke S0ny ch4nel", false, LeetVariantFilter::new)))
        .containsExactly("n1ke", "nike", "s0ny", "sony", "ch4nel", "chanel");
  }

  @Test
  void aDigitAtTheEndOrTwoInARowAreReadAsLettersInsideAWord() {
    assertThat(
            Tokens.terms(
                Tokens.filtered("Gucc1 D10r 3ce ip15 x100", false, LeetVariantFilter::new)))
        .containsExactly("gucc1", "gucci", "gucc", "d10r", "dior", "3ce", "ip15", "x100");
  }

  @Test
  void modelNumbersAndSizesStayAsWritten() {
    assertThat(
            Tokens.terms(Tokens.filtered("50ml ga-2100 v15 1000", false, LeetVariantFilter::new)))
        .containsExactly("50ml", "ga-2100", "v15", "1000");
  }

  @Test
  void aNameWithAModelNumberGluedOnAlsoGivesTheName() {
    assertThat(Tokens.terms(Tokens.filtered("iphone15", false, LeetVariantFilter::new)))
        .containsExactly("iphone15", "iphone");
  }

  @Test
  void repeatedLettersAreSqueezedButCommonWordsAreLeftAlone() {
    assertThat(
            Tokens.terms(
                Tokens.filtered(
                    "Adiddas Sonny channel 1000",
                    false,
                    ts -> new RepeatedLetterVariantFilter(ts, Set.of("channel")))))
        .containsExactly("adiddas", "adidas", "sonny", "sony", "channel", "1000");
  }

  @Test
  void variantsAreStackedOnTheirWordWithTheSameOffsets() {
    assertThat(
            Tokens.detailed(Tokens.filtered("túi Gucci", false, RepeatedLetterVariantFilter::new)))
        .containsExactly("túi@0[0,3]", "gucci@1[4,9]", "guci@1[4,9]");
  }

  @Test
  void dottedLettersAreJoinedButDottedNumbersAreNot() {
    assertThat(
            Tokens.terms(
                Tokens.filtered("J.B.L L.V m.a.c 12.12 v1.2", true, DottedAcronymFilter::new)))
        .containsExactly("jbl", "lv", "mac", "12.12", "v1.2");
  }

  @Test
  void maskedLettersAreDropped() {
    assertThat(Tokens.terms(Tokens.filtered("pr\u00B7da", false, MaskedLetterVariantFilter::new)))
        .containsExactly("pr\u00B7da", "prda");
  }

  @Test
  void fuzzyNeighbourhoodIsMarkedAndSkipsShortAccentedAndCommonWords() {
    assertThat(
            Tokens.terms(
                Tokens.filtered(
                    "lauren couch sữa ipod",
                    false,
                    ts -> new FuzzyVariantFilter(ts, Set.of("couch")))))
        .containsExactly(
            "lauren", "~lauren", "~auren", "~luren", "~laren", "~lauen", "~laurn", "~laure",
            "couch", "sữa", "ipod", "~ipod");
  }

  @Test
  void editDistanceCountsTranspositionsAsOne() {
    assertThat(FuzzyVariantFilter.distance("lauren", "laurent")).isEqualTo(1);
    assertThat(FuzzyVariantFilter.distance("adidsa", "adidas")).isEqualTo(1);
    assertThat(FuzzyVariantFilter.distance("adadis", "adidas")).isEqualTo(2);
    assertThat(FuzzyVariantFilter.distance("doir", "dior")).isEqualTo(1);
    assertThat(FuzzyVariantFilter.distance("abc", "bca")).isEqualTo(2);
  }
}
