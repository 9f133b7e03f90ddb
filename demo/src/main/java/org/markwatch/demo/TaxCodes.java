package org.markwatch.demo;

import java.util.Random;

/**
 * Vietnamese tax codes (mã số thuế): weights 31,29,23,19,17,13,7,5,3 over the first nine digits,
 * check digit = 10 - (sum mod 11), where a result of 10 is never valid.
 */
final class TaxCodes {
  private static final int[] WEIGHTS = {31, 29, 23, 19, 17, 13, 7, 5, 3};

  private TaxCodes() {}

  /** The check digit of nine digits, or -1 when no digit makes them valid. */
  static int checkDigit(String nineDigits) {
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += WEIGHTS[i] * (nineDigits.charAt(i) - '0');
    }
    int check = 10 - (sum % 11);
    return check == 10 ? -1 : check;
  }

  /**
   * A valid 10-digit code. The first two digits are a province prefix (01 Hà Nội, 03 TP.HCM, ...);
   * draws again until the nine digits admit a check digit.
   */
  static String generate(Random rng, String provincePrefix) {
    while (true) {
      StringBuilder nine = new StringBuilder(provincePrefix);
      while (nine.length() < 9) {
        nine.append(rng.nextInt(10));
      }
      int check = checkDigit(nine.toString());
      if (check >= 0) {
        return nine.toString() + check;
      }
    }
  }
}
