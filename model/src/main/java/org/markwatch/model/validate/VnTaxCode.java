package org.markwatch.model.validate;

/**
 * Vietnamese tax code (mã số thuế): 10 digits, or 13 for a branch (written "0102641429-066").
 * Separators (spaces, dots, hyphens) are ignored. The 10th digit is a check digit: with weights 31,
 * 29, 23, 19, 17, 13, 7, 5, 3 over the first nine digits, check = 10 - (sum mod 11); a result of 10
 * is never valid. The sequence part (digits 3-9) is never all zeros and a branch suffix is never
 * 000.
 *
 * <p>{@link #validate} gives short reasons ("checksum"), as the detectors' evidence and the
 * crawler's notes show them; {@link #check} is for a code a person typed and says what is wrong in
 * a sentence.
 */
public final class VnTaxCode {
  private static final int[] WEIGHTS = {31, 29, 23, 19, 17, 13, 7, 5, 3};

  private static final String MISSING = "missing";
  private static final String FORMAT = "format: only digits, spaces, dots and hyphens";
  private static final String LENGTH = "length: 10 or 13 digits, got ";
  private static final String ZERO_SEQUENCE = "component: sequence number is zero";
  private static final String CHECKSUM = "checksum";
  private static final String BRANCH_000 = "branch 000";

  private VnTaxCode() {}

  /** Checks {@code text}; the normalised value is the digits, with "-" before a branch suffix. */
  public static Validation validate(String text) {
    if (text == null) {
      return Validation.invalid(MISSING);
    }
    StringBuilder d = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        d.append(c);
      } else if (c != ' ' && c != '.' && c != '-') {
        return Validation.invalid(FORMAT);
      }
    }
    if (d.length() != 10 && d.length() != 13) {
      return Validation.invalid(LENGTH + d.length());
    }
    String digits = d.toString();
    if (digits.substring(2, 9).equals("0000000")) {
      return Validation.invalid(ZERO_SEQUENCE);
    }
    int check = checkDigit(digits.substring(0, 9));
    if (check < 0 || check != digits.charAt(9) - '0') {
      return Validation.invalid(CHECKSUM);
    }
    if (digits.length() == 13) {
      if (digits.endsWith("000")) {
        return Validation.invalid(BRANCH_000);
      }
      return Validation.ok(digits.substring(0, 10) + "-" + digits.substring(10));
    }
    return Validation.ok(digits);
  }

  /**
   * The code in its normalised form ({@code 0101234567} or {@code 0101234567-001}), for a code a
   * person typed.
   *
   * @param label what the code is, to start the message ("seller tax code")
   * @throws IllegalArgumentException saying what is wrong ("seller tax code '0100101884': the check
   *     digit does not match (not a real tax code)")
   */
  public static String check(String text, String label) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(label + ": missing");
    }
    Validation v = validate(text.strip()); // a typed code may end in a tab or a newline
    if (v.valid()) {
      return v.value();
    }
    String why =
        switch (v.reason()) {
          case CHECKSUM -> "the check digit does not match (not a real tax code)";
          case ZERO_SEQUENCE -> "the sequence number (digits 3 to 9) is zero (not a real tax code)";
          case BRANCH_000 -> "a branch number runs from 001 to 999";
          default -> "expected 10 digits, or 13 (10 + branch number)"; // FORMAT, LENGTH
        };
    throw new IllegalArgumentException(label + " '" + text + "': " + why);
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
