package org.markwatch.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.markwatch.model.Listing;
import org.markwatch.model.Seller;
import org.markwatch.model.validate.VnTaxCode;

/**
 * Seller records keep only tax codes, registrations and phones that pass their checks; what fails
 * is dropped and said in the listing's {@code seller.dropped} note. Tax codes are generated with
 * the Vietnamese check digit ({@link VnTaxCode#checkDigit}).
 */
class SellerChecksPropertiesTest {
  @Provide
  Arbitrary<String> validTaxCodes() {
    return Arbitraries.strings()
        .numeric()
        .ofLength(9)
        .filter(n -> VnTaxCode.checkDigit(n) >= 0 && !n.substring(2).equals("0000000"))
        .map(n -> n + VnTaxCode.checkDigit(n));
  }

  static String shopPage(String taxLine, String phoneLine) {
    return "<html lang='vi'><body><h1>Cửa hàng Minh Anh</h1><div class='info'><p>"
        + taxLine
        + "</p><p>"
        + phoneLine
        + "</p><p>Địa chỉ: 12 Lê Lợi, Quận 1, TP. Hồ Chí Minh</p></div></body></html>";
  }

  @Property(tries = 40)
  void aValidTaxCodeIsKeptInEveryWriting(
      @ForAll("validTaxCodes") String code, @ForAll @IntRange(min = 0, max = 2) int style) {
    String written =
        switch (style) {
          case 0 -> "Mã số thuế: " + code;
          case 1 -> "MST " + code;
          default -> "Mã số doanh nghiệp: " + code;
        };
    Seller s =
        Extraction.seller(
                TestPages.html(
                    "https://shop.example.vn/shop/1", shopPage(written, "Hotline: 0912 345 678")))
            .orElseThrow();
    assertThat(s.taxCode()).isEqualTo(code);
    assertThat(s.phones()).containsExactly("0912345678");
  }

  @Property(tries = 40)
  void oneWrongDigitDropsTheTaxCodeWithANote(
      @ForAll("validTaxCodes") String code,
      @ForAll @IntRange(min = 0, max = 9) int position,
      @ForAll @IntRange(min = 1, max = 9) int shift) {
    char[] c = code.toCharArray();
    c[position] = (char) ('0' + (c[position] - '0' + shift) % 10);
    String wrong = new String(c);
    // Weights are distinct and non-zero modulo 11, so one changed digit always breaks the check
    // (unless it empties the sequence part, which is invalid as well).
    List<String> problems = new ArrayList<>();
    Seller s =
        Extraction.seller(
                TestPages.html(
                    "https://shop.example.vn/shop/1",
                    shopPage("Mã số thuế: " + wrong, "Hotline: 0912 345 678")),
                problems)
            .orElseThrow();

    assertThat(s.taxCode()).isNull();
    assertThat(s.phones()).containsExactly("0912345678");
    assertThat(problems)
        .singleElement()
        .asString()
        .startsWith("https://shop.example.vn/shop/1: seller data dropped: taxCode " + wrong + ": ");
  }

  @Test
  void aProductsSellerKeepsTheDroppedValueInANote() {
    String html =
        """
        <html><head><script type="application/ld+json">
        {"@context":"https://schema.org","@type":"Product","name":"Nước hoa",
         "offers":{"@type":"Offer","price":"1190000","priceCurrency":"VND",
           "seller":{"@type":"Organization","name":"Hương Thơm","taxID":"0312345678",
                     "telephone":"0283 123 4567"}}}
        </script></head><body><h1>Nước hoa</h1></body></html>""";
    Listing l = Extraction.extract(TestPages.html("https://shop.example.vn/p/9", html)).get(0);

    assertThat(l.seller().name()).isEqualTo("Hương Thơm");
    assertThat(l.seller().taxCode()).isNull();
    assertThat(l.seller().phones()).containsExactly("02831234567");
    assertThat(l.attributes().get(Extraction.SELLER_DROPPED))
        .isEqualTo("taxCode 0312345678: checksum");
  }

  @Property(tries = 30)
  void aBranchCodeIsTheTenDigitsAndThreeMore(
      @ForAll("validTaxCodes") String code, @ForAll @IntRange(min = 1, max = 999) int branch) {
    String suffix = String.format("%03d", branch);
    Seller s =
        Extraction.seller(
                TestPages.html(
                    "https://shop.example.vn/shop/1", shopPage("MST: " + code + "-" + suffix, "")))
            .orElseThrow();
    assertThat(s.taxCode()).isEqualTo(code + "-" + suffix);
  }

  @Property(tries = 40)
  void phonesAreKeptInNationalFormAndNonPhonesDropped(
      @ForAll @IntRange(min = 0, max = 4) int prefix,
      @ForAll @IntRange(min = 0, max = 99_999_999) int rest,
      @ForAll @IntRange(min = 0, max = 2) int style) {
    String national = "0" + "35789".charAt(prefix) + String.format("%08d", rest);
    String written =
        switch (style) {
          case 0 ->
              national.substring(0, 4)
                  + "."
                  + national.substring(4, 7)
                  + "."
                  + national.substring(7);
          case 1 -> "+84 " + national.substring(1);
          default -> national;
        };
    List<String> notes = new ArrayList<>();
    List<String> kept =
        SellerChecks.phones(List.of(written, "0" + "1246".charAt(prefix % 4) + rest), notes);

    assertThat(kept).containsExactly(national);
    assertThat(notes).hasSize(1).allMatch(n -> n.startsWith("phone 0"));
  }

  @Test
  void aForeignNumberIsKeptAndAServiceNumberToo() {
    List<String> notes = new ArrayList<>();
    assertThat(SellerChecks.phones(List.of("+49 30 1234567", "1900 1234", "+1 23"), notes))
        .containsExactly("+49 30 1234567", "19001234");
    assertThat(notes).containsExactly("phone +1 23: not an international number (7 to 15 digits)");
  }

  @Test
  void anInvalidRegistrationIsDroppedAndAHouseholdOneKept() {
    List<String> notes = new ArrayList<>();
    assertThat(SellerChecks.businessRegistration("41A8012345", notes)).isEqualTo("41A8012345");
    assertThat(SellerChecks.businessRegistration("0312345678", notes)).isNull();
    assertThat(notes).containsExactly("businessRegistration 0312345678: enterprise code: checksum");
  }
}
