package org.markwatch.storage.origin;

/**
 * Vietnamese tax codes (mã số thuế): 10 digits, the tenth a check digit over the first nine with
 * weights 31, 29, 23, 19, 17, 13, 7, 5, 3 (check = 10 - (sum mod 11); a sum whose check would be 10
 * has no valid code), or the 13-digit form of a branch: the parent's 10 digits, then a 3-digit
 * branch number (written {@code 0101234567-001}).
 */
public final class TaxCode {
  private static final int[] WEIGHTS = {31, 29, 23, 19, 17, 13, 7, 5, 3};

  private TaxCode() {}

  /**
   * The code in its canonical form ({@code 0101234567} or {@code 0101234567-001}).
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  public static String check(String code) {
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException("seller tax code: missing");
    }
    String c = code.strip().replace(" ", "");
    String parent;
    String branch = null;
    if (c.matches("\\d{10}")) {
      parent = c;
    } else if (c.matches("\\d{10}-?\\d{3}")) {
      parent = c.substring(0, 10);
      branch = c.substring(c.length() - 3);
      if (branch.equals("000")) {
        throw new IllegalArgumentException(
            "seller tax code '" + code + "': a branch number runs from 001 to 999");
      }
    } else {
      throw new IllegalArgumentException(
          "seller tax code '" + code + "': expected 10 digits, or 13 (10 + branch number)");
    }
    int expected = checkDigit(parent);
    if (expected != parent.charAt(9) - '0') {
      throw new IllegalArgumentException(
          "seller tax code '" + code + "': the check digit does not match (not a real tax code)");
    }
    return branch == null ? parent : parent + "-" + branch;
  }

  public static boolean isValid(String code) {
    try {
      check(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The check digit of the first nine digits, or -1 when no digit can be one (sum ≡ 0 mod 11). */
  static int checkDigit(String digits) {
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (digits.charAt(i) - '0') * WEIGHTS[i];
    }
    int check = 10 - (sum % 11);
    return check == 10 ? -1 : check;
  }
}
