package org.markwatch.crawler.extract.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProvincesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "45 Nguyễn Huệ, Quận 1, TP. Hồ Chí Minh|Hồ Chí Minh",
      "12 Lê Lợi, P. Bến Nghé, Q1, TPHCM|Hồ Chí Minh",
      "Số 8 Hàng Bài, Hoàn Kiếm, Hà Nội|Hà Nội",
      "so 8 hang bai, hoan kiem, ha noi|Hà Nội",
      "KCN Sóng Thần, Dĩ An, Bình Dương|Bình Dương",
      "Phường 9, TP. Vũng Tàu|Bà Rịa - Vũng Tàu",
      "Thành phố Thanh Hoá, Thanh Hoá|Thanh Hóa",
      "Hà Nam Street 5, Đà Nẵng|Đà Nẵng",
      "221B Baker Street, London|-",
  })
  void provinceNamedLastInTheAddress(String address, String province) {
    assertThat(Provinces.of(address)).isEqualTo(province);
  }
}
