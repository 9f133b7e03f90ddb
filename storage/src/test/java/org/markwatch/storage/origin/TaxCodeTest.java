package org.markwatch.storage.origin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TaxCodeTest {
  @Test
  void theCheckDigitIsTheWeightedSumRule() {
    // 0·31+1·29+0·23+0·19+1·17+0·13+1·7+8·5+8·3 = 117; 117 mod 11 = 7; 10 - 7 = 3
    assertThat(TaxCode.check("0100101883")).isEqualTo("0100101883");
    assertThat(TaxCode.check("0300436693")).isEqualTo("0300436693");
    assertThat(TaxCode.check(" 0101234565 ")).isEqualTo("0101234565");
    assertThatThrownBy(() -> TaxCode.check("0100101884")).hasMessageContaining("check digit");
    assertThatThrownBy(() -> TaxCode.check("010010188")).hasMessageContaining("10 digits");
    assertThatThrownBy(() -> TaxCode.check("01001018AB")).hasMessageContaining("10 digits");
  }

  @Test
  void aBranchIsTheParentAndThreeDigits() {
    assertThat(TaxCode.check("0100101883-001")).isEqualTo("0100101883-001");
    assertThat(TaxCode.check("0100101883001")).isEqualTo("0100101883-001");
    assertThatThrownBy(() -> TaxCode.check("0100101883-000")).hasMessageContaining("branch");
    assertThatThrownBy(() -> TaxCode.check("0100101884-001")).hasMessageContaining("check digit");
  }

  @Test
  void everyNineDigitPrefixHasAtMostOneValidCode() {
    int valid = 0;
    for (int d = 0; d <= 9; d++) {
      valid += TaxCode.isValid("010123456" + d) ? 1 : 0;
    }
    assertThat(valid).isEqualTo(1);
  }

  @Test
  void gtinCheckDigits() {
    assertThat(Gtin.isValid("8934673123457")).isTrue();
    assertThat(Gtin.isValid("8934673123458")).isFalse();
    assertThat(Gtin.isValid("96385074")).isTrue(); // GTIN-8
    assertThat(Gtin.isValid("036000291452")).isTrue(); // UPC-A
    assertThat(Gtin.isValid("12345")).isFalse();
    assertThat(Gtin.normalise("8934673123457")).isEqualTo("08934673123457");
  }
}
