package org.markwatch.crawler.extract.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PriceParserTest {

  /** Every row of the shared price examples whose list is not an *XFAIL* list. */
  static Stream<Arguments> examples() {
    Path tsv =
        Path.of(
            System.getProperty("markwatch.shared", "../../shared"),
            "data/prices/price_examples.tsv");
    List<String> lines;
    try {
      lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + tsv, e);
    }
    return lines.stream()
        .skip(1)
        .map(l -> l.split("\t", -1))
        .filter(c -> !c[0].contains("XFAIL"))
        .map(c -> Arguments.of(c[0], c[1], c[2], c[3], c[5], c[6]));
  }

  @ParameterizedTest(name = "[{index}] {2} (hint {1})")
  @MethodSource("examples")
  void readsAmountAndCurrencyOfEachExample(
      String list, String hint, String price, String currency, String amount, String decimalHint) {
    ParsedPrice p =
        PriceParser.parse(
            price, hint.isEmpty() ? null : hint, decimalHint.isEmpty() ? null : decimalHint, null);
    if (amount.isEmpty()) {
      assertThat(p.amount()).as("amount").isNull();
    } else {
      assertThat(p.amount()).as("amount").isNotNull();
      assertThat(p.amount()).as("amount").isEqualByComparingTo(new BigDecimal(amount));
    }
    assertThat(p.currencySymbol()).as("currency").isEqualTo(currency.isEmpty() ? null : currency);
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1.800.000₫|1800000|VND",
        "450 000 ₫|450000|VND",
        "450k|450000|VND",
        "giá 450K ship cod|450000|VND",
        "1tr2|1200000|VND",
        "1tr250|1250000|VND",
        "1,2 triệu|1200000|VND",
        "2 củ|2000000|VND",
        "35 đô|35|USD",
        "1.800.000đ|1800000|VND",
        "1.800.000 VNĐ|1800000|VND",
        "880,000 ₫|880000|VND",
        "Giá: 12.500.000 đồng|12500000|VND",
      })
  void readsVietnameseForms(String text, String amount, String iso) {
    ParsedPrice p = PriceParser.parse(text);
    assertThat(p.amount()).isEqualByComparingTo(new BigDecimal(amount));
    assertThat(p.currencyIso()).isEqualTo(iso);
  }

  @Test
  void noNumberMeansNoAmount() {
    assertThat(PriceParser.parse("Liên hệ").amount()).isNull();
    assertThat(PriceParser.parse("50% OFF").amount()).isNull();
  }
}
