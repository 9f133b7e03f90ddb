package org.markwatch.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.markwatch.crawler.extract.text.ParsedPrice;
import org.markwatch.crawler.extract.text.PriceParser;
import org.markwatch.model.Listing;

/**
 * Dong amounts as Vietnamese shops write them ("1.190.000 ₫", "1.190.000đ", "1,190,000 VND",
 * "₫1.190.000"), and a generated product page with a sale price beside its struck old price and its
 * maker under a label: the amount, the currency and which price is which never depend on the
 * writing.
 */
class VietnamesePricePropertiesTest {

  /** Groups of three digits joined by {@code sep}: 1190000 -> "1.190.000". */
  static String grouped(long amount, String sep) {
    String digits = Long.toString(amount);
    StringBuilder out = new StringBuilder();
    int head = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
    out.append(digits, 0, head);
    for (int i = head; i < digits.length(); i += 3) {
      out.append(sep).append(digits, i, i + 3);
    }
    return out.toString();
  }

  @Provide
  Arbitrary<String> writings() {
    return Arbitraries.of(
        "%s ₫", "%s₫", "%sđ", "%s đ", "%s VND", "%s VNĐ", "%svnđ", "₫%s", "%s đồng", "Giá: %s ₫");
  }

  @Property(tries = 400)
  void aDongAmountReadsTheSameInEveryWriting(
      @ForAll @LongRange(min = 1, max = 999_999) long thousands,
      @ForAll("writings") String writing,
      @ForAll boolean commas) {
    // Dong prices are whole thousands in practice; the grouping dot (or comma) must never be read
    // as a decimal point, whatever the number of groups.
    long amount = thousands * 1000;
    String text = writing.formatted(grouped(amount, commas ? "," : "."));
    ParsedPrice p = PriceParser.parse(text, null, null, "VN");
    assertThat(p.amount()).as(text).isEqualByComparingTo(BigDecimal.valueOf(amount));
    assertThat(p.currencyIso()).as(text).isEqualTo("VND");
  }

  @Provide
  Arbitrary<String> makerLabels() {
    return Arbitraries.of("Thương hiệu", "Hãng", "Hãng sản xuất", "Nhà sản xuất");
  }

  @Provide
  Arbitrary<String> makers() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .ofMinLength(3)
        .ofMaxLength(10)
        .map(s -> Character.toUpperCase(s.charAt(0)) + s.substring(1));
  }

  @Property(tries = 150)
  void aVietnameseProductPageGivesSalePriceOldPriceAndMaker(
      @ForAll @IntRange(min = 10, max = 50_000) int saleThousands,
      @ForAll @IntRange(min = 1, max = 90) int percentOff,
      @ForAll("makerLabels") String label,
      @ForAll("makers") String maker,
      @ForAll boolean colon,
      @ForAll boolean oldFirst) {
    long sale = saleThousands * 1000L;
    long old = (sale * 100 / (100 - percentOff) / 1000 + 1) * 1000;
    String saleHtml = "<span class=\"price-sale\">" + grouped(sale, ".") + " ₫</span>";
    String oldHtml = "<del>" + grouped(old, ".") + " ₫</del>";
    String labelHtml =
        colon
            ? "<li>" + label + ": " + maker + "</li>"
            : "<tr><td>" + label + "</td><td>" + maker + "</td></tr>";
    String html =
        "<html lang=\"vi\"><body><h1>Sản phẩm mẫu "
            + saleThousands
            + "</h1>"
            + "<div class=\"product-price\">"
            + (oldFirst ? oldHtml + saleHtml : saleHtml + oldHtml)
            + "<span>-"
            + percentOff
            + "%</span></div>"
            + "<button>Thêm vào giỏ hàng</button>"
            + (colon ? "<ul>" + labelHtml + "</ul>" : "<table>" + labelHtml + "</table>")
            + "</body></html>";
    Listing l = Extraction.extract(TestPages.html("https://shop.example.vn/sp/1", html)).get(0);
    assertThat(l.price().amount()).as(html).isEqualByComparingTo(BigDecimal.valueOf(sale));
    assertThat(l.price().currency()).isEqualTo("VND");
    assertThat(l.listPrice()).as(html).isNotNull();
    assertThat(l.listPrice().amount()).as(html).isEqualByComparingTo(BigDecimal.valueOf(old));
    assertThat(l.brandClaimed()).as(html).isEqualTo(maker);
  }
}
