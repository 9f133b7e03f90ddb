package org.markwatch.crawler.extract.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AsciiDigitsTest {
  @Test
  void arabicPersianAndFullwidthDigitsBecomeAscii() {
    assertThat(AsciiDigits.fold("١٬٢٤٩٫٠٠ ر.س")).isEqualTo("1,249.00 ر.س");
    assertThat(AsciiDigits.fold("قیمت ۱۲۹ تومان")).isEqualTo("قیمت 129 تومان");
    assertThat(AsciiDigits.fold("価格：３，９８０円（税込）")).isEqualTo("価格：3,980円（税込）");
    assertThat(AsciiDigits.fold("₹१,२४९")).isEqualTo("₹1,249");
  }

  @Test
  void textWithoutForeignDigitsIsTheSameInstanceAndCjkCommasStay() {
    String ascii = "Giá: 1.190.000₫ – ưu đãi";
    assertThat(AsciiDigits.fold(ascii)).isSameAs(ascii);
    assertThat(AsciiDigits.fold("颜色，尺码")).isEqualTo("颜色，尺码");
  }
}
