package org.markwatch.crawler.extract.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextPriceFinderTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Túi LV like auth giá chỉ 1tr2, ib zalo 0912345678|1200000|VND",
        "0912345678 - pass lại 450k còn mới|450000|VND",
        "Nước hoa Chanel 100ml giá 1.800.000đ freeship|1800000|VND",
        "Đồng hồ Rolex fake 1,2 triệu bao ship|1200000|VND",
        "Giày 35 đô ship tận nơi|35|USD",
        "sale sốc chỉ còn 890.000 thôi|890000|VND",
        "giá: 2.500.000|2500000|VND",
        "450 000 ₫ một hộp|450000|VND",
      })
  void findsTheAskingPrice(String text, String amount, String currency) {
    ParsedPrice p = TextPriceFinder.find(text);
    assertThat(p.amount()).isEqualByComparingTo(amount);
    assertThat(p.currencyIso()).isEqualTo(currency);
  }

  @Test
  void numbersWithoutMoneyAreNotPrices() {
    assertThat(TextPriceFinder.find("Còn 3 cái, size 38 39 40, liên hệ 0912345678").hasAmount())
        .isFalse();
  }
}
