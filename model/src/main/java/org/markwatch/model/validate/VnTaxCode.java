package org.markwatch.model.validate;

/**
 * Vietnamese tax code (mã số thuế): 10 digits, or 13 for a branch (written "0102641429-066").
 * Separators (spaces, dots, hyphens) are ignored. The 10th digit is a check digit: with weights 31,
 * 29, 23, 19, 17, 13, 7, 5, 3 over the first nine digits, check = 10 - (sum mod 11); a result of 10
 * is never valid. The sequence part (digits 3-9) is never all zeros and a branch suffix is never
 * 000.
 */
public final class VnTaxCode {
  private static final int[] WEIGHTS = {31, 29, 23, 19, 17, 13, 7, 5, 3};

  private VnTaxCode() {}

  /** Checks {@code text}; the normalised value is the digits, with "-" before a branch suffix. */
  public static Validation validate(String text) {
    if (text == null) {
      return Validation.invalid("missing");
    }
    StringBuilder d = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        d.append(c);
      } else if (c != ' ' && c != '.' && c != '-') {
        return Validation.invalid("format: only digits, spaces, dots and hyphens");
      }
    }
    if (d.length() != 10 && d.length() != 13) {
      return Validation.invalid("length: 10 or 13 digits, got " + d.length());
    }
    String digits = d.toString();
    if (digits.substring(2, 9).equals("0000000")) {
      return Validation.invalid("component: sequence number is zero");
    }
    int check = checkDigit(digits.substring(0, 9));
    if (check < 0 || check != digits.charAt(9) - '0') {
      return Validation.invalid("checksum");
    }
    if (digits.length() == 13) {
      if (digits.endsWith("000")) {
        return Validation.invalid("branch 000");
      }
      return Validation.ok(digits.substring(0, 10) + "-" + digits.substring(10));
    }
    return Validation.ok(digits);
  }

  /** The check digit for nine digits, or -1 when the formula gives 10 (no valid code). */
  public static int checkDigit(String nineDigits) {
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += WEIGHTS[i] * (nineDigits.charAt(i) - '0');
    }
    int check = 10 - sum % 11;
    return check == 10 ? -1 : check % 10 == check ? check : -1;
  }
}
