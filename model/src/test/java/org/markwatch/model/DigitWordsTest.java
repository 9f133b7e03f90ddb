package org.markwatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigitWordsTest {
  @Test
  void vietnameseWithAndWithoutAccentsChatShorthandAndEnglishSpellDigits() {
    assertThat(DigitWords.digit("KHÔNG")).isEqualTo('0');
    assertThat(DigitWords.digit("ko")).isEqualTo('0');
    assertThat(DigitWords.digit("chin")).isEqualTo('9');
    assertThat(DigitWords.digit("bẩy")).isEqualTo('7');
    assertThat(DigitWords.digit("Five")).isEqualTo('5');
  }

  @Test
  void otherWordsSpellNoDigit() {
    assertThat(DigitWords.digit("mười")).isNull();
    assertThat(DigitWords.digit("zalo")).isNull();
  }
}
