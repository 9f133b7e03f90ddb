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
        "Продам детскую коляску. Цена 6500р, самовывоз|6500|RUB",
        "Продаю микроволновку за 1800 руб.|1800|RUB",
        "Ціна 1500 грн, торг|1500|UAH",
        "Bán Vexo 150 chính chủ, odo 9k km - 41tr5|41500000|VND",
        "Cần bán xe chạy lướt 3 nghìn km, giá 52tr9|52900000|VND",
        "Zu verkaufen: Kinderwagen. Nichtraucherhaushalt. 95 Euro, nur Abholung.|95|EUR",
        "Tastatur, läuft einwandfrei. € 60 inkl. Versand|60|EUR",
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

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "Giá gốc 650k, nay giá chỉ 450k. Mua 2 áo chỉ 850k|450000|650000",
        "Mua 2 áo chỉ 850k, 1 áo giá 450k|450000|-",
        "Ship toàn quốc 30k. Giá 1tr2 bao test|1200000|-",
        "Còn 3 cái, giá 200k ib zalo|200000|-",
        "Sỉ từ 10 cái 150k, lẻ 220k|220000|-",
        "Đặt cọc 100k, giá bán 2.500.000đ (giá niêm yết 3.200.000đ)|2500000|3200000",
        "giảm 200k còn 590k|590000|-",
        "Trả góp 399k/tháng, giá 4.990.000đ|4990000|-",
        "Combo 3 hộp 500k, 1 hộp 180k|180000|-",
        "giá gốc 300k giá sale 350k|350000|-",
        "Đi được 300km, giá 3 triệu 5 có thương lượng|3500000|-",
        "Đã bán 3,4k · giá 120k|120000|-",
        "1,2K lượt thích. Pass lại 450k|450000|-",
        "Freeship toàn quốc, giá chỉ 450k|450000|-",
        "Hỗ trợ trả góp, giá 12tr|12000000|-",
        "Mua 1tr9, dùng được 3 tháng, pass lại giá 950k|950000|1900000",
        "Giá 350k (mua 1tr9)|350000|1900000",
        "Pass màn hình 27 inch 2K 144Hz – 3tr5|3500000|-",
        "Ốp lưng trong suốt 99k/cái, mua 3 tặng 1|99000|-",
        "Tặng 1 tai nghe WF-C700 trị giá 1tr2 cho bạn may mắn. Cáp 120k/sợi|120000|-",
        "Mua về 2 triệu, giờ bán 1tr2|1200000|2000000",
        "Mua ngay 299k, ship COD|299000|-",
        "Giá: 850k/đôi. Lấy 2 đôi chỉ 1tr550|850000|-",
        "Giá gốc 320k nay chỉ còn 189k/cây, mua 3 cây 499k|189000|320000",
        "💸 350k (giá gốc 450k)|350000|450000",
        "Giá mua: 299k, ship COD|299000|-",
      })
  void tellsThePriceFromOtherAmounts(String text, String price, String listPrice) {
    TextPriceFinder.Offer o = TextPriceFinder.offer(text);
    assertThat(o.price().amount()).isEqualByComparingTo(price);
    if (listPrice == null) {
      assertThat(o.listPrice()).isNull();
    } else {
      assertThat(o.listPrice()).isEqualByComparingTo(listPrice);
    }
  }

  @Test
  void onlyOtherAmountsAreNoPrice() {
    assertThat(TextPriceFinder.offer("Freeship đơn từ 300k, phí ship 30k").price().hasAmount())
        .isFalse();
  }

  @Test
  void strictTextNeedsAPriceWordOrAMoneyUnit() {
    assertThat(
            TextPriceFinder.offer("Smart Tivi 4K 55 inch. Order now, ship COD", true)
                .price()
                .hasAmount())
        .isFalse();
    assertThat(
            TextPriceFinder.offer("Nhẫn vàng 18K, trong hộp: 1 củ sạc", true).price().hasAmount())
        .isFalse();
    assertThat(TextPriceFinder.offer("FLASH SALE 12.12 toàn sàn", true).price().hasAmount())
        .isFalse();
    assertThat(
            TextPriceFinder.offer("Địa chỉ: 123 Lê Lợi, hotline 0909123456", true)
                .price()
                .hasAmount())
        .isFalse();
    assertThat(TextPriceFinder.offer("Đọc sách ít, màn đẹp, 1tr9 nha", true).price().amount())
        .isEqualByComparingTo("1900000");
    assertThat(TextPriceFinder.offer("Tivi 4K giá 5.990.000đ", true).price().amount())
        .isEqualByComparingTo("5990000");
  }

  @Test
  void aTailBeforeAnotherUnitIsNoDecimal() {
    assertThat(TextPriceFinder.find("giá 5 triệu 50 nghìn").amount())
        .isNotEqualByComparingTo("5500000");
  }
}
