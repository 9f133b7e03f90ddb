package org.markwatch.storage.origin;

/** GTIN-8, -12, -13 and -14 (GS1 mod-10 check digit). */
public final class Gtin {
  private Gtin() {}

  public static boolean isValid(String code) {
    if (code == null || !code.matches("\\d{8}|\\d{12,14}")) {
      return false;
    }
    int sum = 0;
    int n = code.length();
    for (int i = 0; i < n - 1; i++) {
      int d = code.charAt(n - 2 - i) - '0';
      sum += (i % 2 == 0) ? d * 3 : d;
    }
    return (10 - sum % 10) % 10 == code.charAt(n - 1) - '0';
  }

  /** The check digit of a GTIN's other digits (GS1: weights 3 and 1 from the right). */
  public static int checkDigit(String digitsWithoutCheck) {
    int sum = 0;
    int n = digitsWithoutCheck.length();
    for (int i = 0; i < n; i++) {
      int d = digitsWithoutCheck.charAt(n - 1 - i) - '0';
      sum += (i % 2 == 0) ? d * 3 : d;
    }
    return (10 - sum % 10) % 10;
  }

  /** The 14-digit form (left-padded with zeros) so GTIN-13 and its GTIN-14 match. */
  public static String normalise(String code) {
    return "0".repeat(14 - code.length()) + code;
  }
}
