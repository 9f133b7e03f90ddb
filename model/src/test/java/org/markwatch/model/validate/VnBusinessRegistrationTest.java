package org.markwatch.model.validate;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class VnBusinessRegistrationTest {
  @Test
  void enterpriseCodesAndHouseholdNumbers() {
    assertThat(VnBusinessRegistration.validate("0100233488").valid()).isTrue();
    assertThat(VnBusinessRegistration.validate("0102641429-066").value())
        .isEqualTo("0102641429-066");
    assertThat(VnBusinessRegistration.validate("0100233480").reason())
        .isEqualTo("enterprise code: checksum");
    assertThat(VnBusinessRegistration.validate("41A8012345").valid()).isTrue();
    assertThat(VnBusinessRegistration.validate("01D8-123456").valid()).isTrue();
    assertThat(VnBusinessRegistration.validate("GPKD số 123").valid()).isFalse();
  }

  @Property
  void lettersAloneAreNeverARegistrationNumber(
      @ForAll @AlphaChars @StringLength(min = 1, max = 20) String s) {
    assertThat(VnBusinessRegistration.validate(s).valid()).isFalse();
  }
}
