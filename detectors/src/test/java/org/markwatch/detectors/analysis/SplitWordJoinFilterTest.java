package org.markwatch.detectors.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SplitWordJoinFilterTest {
  @Test
  void twoWordsAreJoinedOnTheFirstWithOffsetsOverBoth() {
    assertThat(Tokens.detailed(Tokens.filtered("sữa Mei ji 800g", false, SplitWordJoinFilter::new)))
        .containsExactly(
            "sữa@0[0,3]",
            "sữamei@0[0,7]",
            "mei@1[4,7]",
            "meiji@1[4,10]",
            "ji@2[8,10]",
            "800g@3[11,15]");
  }

  @Test
  void aRunOfSingleLettersIsJoined() {
    assertThat(Tokens.terms(Tokens.filtered("túi G u c c i mini", false, SplitWordJoinFilter::new)))
        .contains("gucci")
        .containsSubsequence("túi", "g", "gucci", "u", "c", "c", "i", "mini");
  }

  @Test
  void numbersAndLongPairsAreNotJoined() {
    assertThat(
            Tokens.terms(
                Tokens.filtered(
                    "rep 1 1 extraordinarily longwords", false, SplitWordJoinFilter::new)))
        .containsExactly("rep", "1", "1", "extraordinarily", "longwords");
  }

  @Test
  void streamIsReusable() {
    var first = Tokens.terms(Tokens.filtered("adi das", false, SplitWordJoinFilter::new));
    var second = Tokens.terms(Tokens.filtered("adi das", false, SplitWordJoinFilter::new));
    assertThat(first).isEqualTo(second).contains("adidas");
  }
}
