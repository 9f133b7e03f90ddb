package org.markwatch.crawler.extract.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProvincesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "45 Nguyễn Huệ, Quận 1, TP. Hồ Chí Minh|Hồ Chí Minh",
        "12 Lê Lợi, P. Bến Nghé, Q1, TPHCM|Hồ Chí Minh",
        "Số 8 Hàng Bài, Hoàn Kiếm, Hà Nội|Hà Nội",
        "so 8 hang bai, hoan kiem, ha noi|Hà Nội",
        "KCN Sóng Thần, Dĩ An, Bình Dương|Hồ Chí Minh",
        "Phường 9, TP. Vũng Tàu|Hồ Chí Minh",
        "15 Trần Phú, TP. Hải Dương, Hải Dương|Hải Phòng",
        "Thị xã Sa Pa, Lào Cai|Lào Cai",
        "Phường Phú Hội, Thừa Thiên Huế|Huế",
        "12 Lý Thường Kiệt, TP. Huế|Huế",
        "Hội An, Quảng Nam|Đà Nẵng",
        "Thành phố Thanh Hoá, Thanh Hoá|Thanh Hóa",
        "Hà Nam Street 5, Đà Nẵng|Đà Nẵng",
        "221B Baker Street, London|-",
      })
  void provinceNamedLastInTheAddress(String address, String province) {
    assertThat(Provinces.of(address)).isEqualTo(province);
  }

  @org.junit.jupiter.api.Test
  void everyOldProvinceMapsToOneOfTheThirtyFourInForce() {
    assertThat(Provinces.CURRENT)
        .hasSize(34)
        .contains("Huế", "Hồ Chí Minh", "Hà Nội", "Cao Bằng", "An Giang");
    assertThat(Provinces.current("Tỉnh Bình Dương")).isEqualTo("Hồ Chí Minh");
    assertThat(Provinces.current("Thành phố Hà Nội")).isEqualTo("Hà Nội");
    assertThat(Provinces.current("kien giang")).isEqualTo("An Giang");
    assertThat(Provinces.current("Bavaria")).isNull();
  }
}
