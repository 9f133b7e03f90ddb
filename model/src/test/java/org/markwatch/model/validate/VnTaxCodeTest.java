package org.markwatch.model.validate;

import static org.assertj.core.api.Assertions.assertThat;

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
}
