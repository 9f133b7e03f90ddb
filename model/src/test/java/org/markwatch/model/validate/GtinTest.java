package org.markwatch.model.validate;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class GtinTest {
  @Test
  void knownCodes() {
    assertThat(Gtin.validate("8934588012112").valid()).isTrue(); // a Vietnamese-registered product
    assertThat(Gtin.issuer("8934588012112")).isEqualTo("GS1 Vietnam");
    assertThat(Gtin.validate("4006381333931").valid()).isTrue();
    assertThat(Gtin.issuer("4006381333931")).isEqualTo("GS1 Germany");
    assertThat(Gtin.validate("036000291452").valid()).isTrue(); // UPC-A
    assertThat(Gtin.validate("96385074").valid()).isTrue(); // GTIN-8
    assertThat(Gtin.validate("4006381333932").reason()).isEqualTo("checksum");
    assertThat(Gtin.validate("40063813339").reason()).startsWith("length");
    assertThat(Gtin.validate("4006381A33931").reason()).startsWith("format");
    assertThat(Gtin.validate("8934673123457").valid()).isTrue();
    assertThat(Gtin.validate("8934673123458").valid()).isFalse();
    assertThat(Gtin.validate("12345").valid()).isFalse();
  }

  @Test
  void gtin14IsTheFormUnderWhichAGtin13AndItsGtin14AreOneCode() {
    assertThat(Gtin.gtin14("8934673123457")).isEqualTo("08934673123457");
    assertThat(Gtin.gtin14("08934673123457")).isEqualTo("08934673123457");
    assertThat(Gtin.gtin14("96385074")).isEqualTo("00000096385074");
  }

  @Property
  void appendingTheCheckDigitGivesAValidGtin(
      @ForAll @NumericChars @StringLength(min = 12, max = 12) String body) {
    String gtin = body + Gtin.checkDigit(body);
    assertThat(Gtin.validate(gtin).valid()).isTrue();
    assertThat(Gtin.validate("0" + gtin).valid()).as("GTIN-14 with a leading zero").isTrue();
  }

  @Property
  void anySingleDigitErrorIsCaught(
      @ForAll @NumericChars @StringLength(min = 12, max = 12) String body,
      @ForAll @IntRange(min = 0, max = 12) int at,
      @ForAll @IntRange(min = 1, max = 9) int delta) {
    char[] c = (body + Gtin.checkDigit(body)).toCharArray();
    c[at] = (char) ('0' + (c[at] - '0' + delta) % 10);
    assertThat(Gtin.validate(new String(c)).valid()).isFalse();
  }
}
