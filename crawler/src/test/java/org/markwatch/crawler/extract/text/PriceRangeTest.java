package org.markwatch.crawler.extract.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceRangeTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "₫199.000 - ₫259.000|₫199.000",
        "$10.99–$24.99|$10.99",
        "1.290 – 1.590 zł|1.290 zł",
        "1.099,–|-",
        "-25%|-",
        "12 - 15|-",
        "0912 - 345 678|-",
        "€ 30 - € 20|-",
      })
  void lowEndOfARange(String text, String low) {
    assertThat(PriceRange.lowEnd(text)).isEqualTo(low);
  }
}
