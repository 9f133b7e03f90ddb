package org.markwatch.crawler.extract;

/**
 * GTIN (EAN-8, UPC-A, EAN-13, GTIN-14) checked by its check digit: a number that fails is an
 * internal code or a typo, not a barcode, and is not kept as one.
 */
final class Gtin {
  private Gtin() {}

  /** The digits of {@code text} when they form a GTIN with a correct check digit, else null. */
  static String valid(String text) {
    if (text == null) {
      return null;
    }
    String digits = text.replaceAll("[\\s-]", "");
    int n = digits.length();
    if (!(n == 8 || n == 12 || n == 13 || n == 14)
        || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    int sum = 0;
    // From the right, leaving the check digit out: weights 3, 1, 3, ...
    for (int i = n - 2, w = 3; i >= 0; i--, w = 4 - w) {
      sum += (digits.charAt(i) - '0') * w;
    }
    int check = (10 - sum % 10) % 10;
    return check == digits.charAt(n - 1) - '0' ? digits : null;
  }
}
