package org.markwatch.model.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class VnTaxCodeTest {
  static final Path SHARED = Path.of(System.getProperty("markwatch.shared", "../../shared"));

  @Test
  void everyRowOfTheSharedTableIsJudgedAsExpected() throws Exception {
    List<String> lines = Files.readAllLines(SHARED.resolve("data/validators/vn-tax-codes.tsv"));
    int rows = 0;
    for (String line : lines) {
      if (line.startsWith("#") || line.startsWith("code\t") || line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      Validation v = VnTaxCode.validate(f[0]);
      assertThat(v.valid()).as(line).isEqualTo(f[1].equals("valid"));
      if (!v.valid() && f.length > 2 && !f[2].isBlank()) {
        assertThat(v.reason()).as(line).startsWith(f[2]);
      }
      rows++;
    }
    assertThat(rows).isGreaterThan(160);
  }

  @Provide
  Arbitrary<String> nineDigits() {
    return Arbitraries.strings()
        .numeric()
        .ofLength(9)
        .filter(s -> !s.substring(2).equals("0000000"));
  }

  @Property
  void aCodeWithItsCheckDigitIsValidInEveryWrittenForm(@ForAll("nineDigits") String body) {
    int check = VnTaxCode.checkDigit(body);
    Assume.that(check >= 0);
    String code = body + check;
    assertThat(VnTaxCode.validate(code).value()).isEqualTo(code);
    assertThat(VnTaxCode.validate(code.substring(0, 4) + " " + code.substring(4)).valid()).isTrue();
    assertThat(VnTaxCode.validate(code + "-001").value()).isEqualTo(code + "-001");
    assertThat(VnTaxCode.validate(code + "000").valid()).isFalse();
  }

  @Property
  void changingOneDigitBreaksTheCheck(
      @ForAll("nineDigits") String body,
      @ForAll @IntRange(min = 0, max = 9) int at,
      @ForAll @IntRange(min = 1, max = 9) int delta) {
    int check = VnTaxCode.checkDigit(body);
    Assume.that(check >= 0);
    char[] c = (body + check).toCharArray();
    c[at] = (char) ('0' + (c[at] - '0' + delta) % 10);
    String changed = new String(c);
    Assume.that(!changed.substring(2, 9).equals("0000000"));
    assertThat(VnTaxCode.validate(changed).valid()).isFalse();
  }

  @Test
  void checkGivesTheNormalFormOrSaysWhatIsWrongInASentence() {
    // 0·31+1·29+0·23+0·19+1·17+0·13+1·7+8·5+8·3 = 117; 117 mod 11 = 7; 10 - 7 = 3
    assertThat(VnTaxCode.check("0100101883", "seller tax code")).isEqualTo("0100101883");
    assertThat(VnTaxCode.check("0300436693", "seller tax code")).isEqualTo("0300436693");
    assertThat(VnTaxCode.check(" 0101234565 ", "seller tax code")).isEqualTo("0101234565");
    assertThat(VnTaxCode.check("0101234565\t\n", "seller tax code")).isEqualTo("0101234565");
    assertThat(VnTaxCode.check("0100101883-001", "seller tax code")).isEqualTo("0100101883-001");
    assertThat(VnTaxCode.check("0100101883001", "seller tax code")).isEqualTo("0100101883-001");
    assertThatThrownBy(() -> VnTaxCode.check(" ", "seller tax code"))
        .hasMessage("seller tax code: missing");
    assertThatThrownBy(() -> VnTaxCode.check("0100101884", "seller tax code"))
        .hasMessage(
            "seller tax code '0100101884': the check digit does not match (not a real tax code)");
    assertThatThrownBy(() -> VnTaxCode.check("010010188", "seller tax code"))
        .hasMessage("seller tax code '010010188': expected 10 digits, or 13 (10 + branch number)");
    assertThatThrownBy(() -> VnTaxCode.check("01001018AB", "seller tax code"))
        .hasMessageContaining("expected 10 digits");
    assertThatThrownBy(() -> VnTaxCode.check("0100101883-000", "seller tax code"))
        .hasMessage("seller tax code '0100101883-000': a branch number runs from 001 to 999");
    assertThatThrownBy(() -> VnTaxCode.check("0100101884-001", "seller tax code"))
        .hasMessageContaining("check digit");
    // 0·31+1·29 = 29; 29 mod 11 = 7; check 3: right, but the sequence number is zero
    assertThatThrownBy(() -> VnTaxCode.check("0100000003", "seller tax code"))
        .hasMessageContaining("sequence number");
  }

  @Test
  void everyNineDigitPrefixHasAtMostOneValidCode() {
    int valid = 0;
    for (int d = 0; d <= 9; d++) {
      valid += VnTaxCode.validate("010123456" + d).valid() ? 1 : 0;
    }
    assertThat(valid).isEqualTo(1);
  }
}
