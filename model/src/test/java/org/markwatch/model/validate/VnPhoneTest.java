package org.markwatch.model.validate;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class VnPhoneTest {
  @Test
  void commonWrittenForms() {
    for (String s :
        new String[] {
          "0912345678",
          "0912 345 678",
          "0912.345.678",
          "+84 912 345 678",
          "84912345678",
          "(+84) 912-345-678",
          "không chín một hai ba bốn năm sáu bảy tám"
        }) {
      assertThat(VnPhone.normalise(s).value()).as(s).isEqualTo("+84912345678");
    }
    assertThat(VnPhone.normalise("024 3825 1234").value()).isEqualTo("+842438251234");
    assertThat(VnPhone.normalise("0112345678").valid()).isFalse();
    assertThat(VnPhone.normalise("ib zalo").valid()).isFalse();
    assertThat(VnPhone.normalise("091234567").valid()).isFalse();
  }

  @Provide
  Arbitrary<String> mobiles() {
    return Arbitraries.of("3", "5", "7", "8", "9")
        .flatMap(p -> Arbitraries.strings().numeric().ofLength(8).map(rest -> "0" + p + rest));
  }

  @Property
  void everyWrittenFormOfAMobileGivesTheSameE164(@ForAll("mobiles") String national) {
    String e164 = "+84" + national.substring(1);
    String spaced =
        national.substring(0, 4) + " " + national.substring(4, 7) + " " + national.substring(7);
    String dotted = spaced.replace(' ', '.');
    String intl = "+84 " + national.substring(1);
    String bare = "84" + national.substring(1);
    for (String form : new String[] {national, spaced, dotted, intl, bare}) {
      assertThat(VnPhone.normalise(form).value()).as(form).isEqualTo(e164);
    }
  }
}
