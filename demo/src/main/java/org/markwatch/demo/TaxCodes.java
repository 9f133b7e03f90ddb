package org.markwatch.demo;

import java.util.Random;
import org.markwatch.model.validate.VnTaxCode;

/** Vietnamese tax codes (mã số thuế) for the demo's sellers, valid by {@link VnTaxCode}. */
final class TaxCodes {
  private TaxCodes() {}

  /**
   * A valid 10-digit code. The first two digits are a province prefix (01 Hà Nội, 03 TP.HCM, ...);
   * draws again until the nine digits admit a check digit and make a valid code.
   */
  static String generate(Random rng, String provincePrefix) {
    while (true) {
      StringBuilder nine = new StringBuilder(provincePrefix);
      while (nine.length() < 9) {
        nine.append(rng.nextInt(10));
      }
      int check = VnTaxCode.checkDigit(nine.toString());
      if (check >= 0 && VnTaxCode.validate(nine.toString() + check).valid()) {
        return nine.toString() + check;
      }
    }
  }
}
