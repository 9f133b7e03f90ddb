package org.markwatch.crawler.extract.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.markwatch.model.Contact;

class ContactFinderTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "lh 0912345678 nhé|phone|0912345678",
        "LH: 0912.345.678|phone|0912345678",
        "sđt 0912 345 678|phone|0912345678",
        "gọi 091-234-5678|phone|0912345678",
        "hotline +84 912 345 678|phone|0912345678",
        "call +84912345678|phone|0912345678",
        "tel (+84) 912-345-678|phone|0912345678",
        "liên hệ 84912345678|phone|0912345678",
        "ib zalo 0987.654.321 để xem hàng|zalo|0987654321",
        "Zalo: 0987654321|zalo|0987654321",
        "zl 0987 654 321|zalo|0987654321",
        "sdt không chín tám bảy sáu năm bốn ba hai một|phone|0987654321",
        "số 0 chín 8 7 sáu 5 4 3 2 một|phone|0987654321",
        "bàn 028 3822 1234|phone|02838221234",
        "tổng đài 1900 6035|phone|19006035",
        "mail shop.hang@gmail.com nha|email|shop.hang@gmail.com",
        "email: Shop (at) yahoo.com.vn|email|shop@yahoo.com.vn",
        "CK Vietcombank 0071 0001 23456|bank_account|Vietcombank 0071000123456",
        "stk 19034567890123 techcombank|bank_account|Techcombank 19034567890123",
        "STK: 123456789 MB|bank_account|MBBank 123456789",
        "tele @hang_si_gia_re|telegram|@hang_si_gia_re",
        "t.me/hangsi123|telegram|@hangsi123",
        "fb: minh.sneaker|url|https://facebook.com/minh.sneaker",
        "https://www.facebook.com/shop.ABC.123|url|https://facebook.com/shop.ABC.123",
      })
  void findsEachWrittenForm(String text, String type, String value) {
    assertThat(ContactFinder.find(text)).contains(new Contact(type, value));
  }

  @Test
  void pricesDatesTaxCodesAndShortWordRunsAreNotPhones() {
    assertThat(ContactFinder.find("Giá 1.800.000đ, ship 30.000đ, ngày 12/11/2026")).isEmpty();
    assertThat(ContactFinder.find("MST: 0312345678")).isEmpty();
    assertThat(ContactFinder.find("ba năm sau tám giờ")).isEmpty();
  }

  @Test
  void zaloNumberIsAlsoAPhone() {
    assertThat(ContactFinder.find("Sđt/zalo 0813-134-481"))
        .containsExactly(new Contact("zalo", "0813134481"), new Contact("phone", "0813134481"));
  }
}
