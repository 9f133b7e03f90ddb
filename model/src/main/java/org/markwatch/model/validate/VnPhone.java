package org.markwatch.model.validate;

import java.util.Locale;
import org.markwatch.model.DigitWords;

/**
 * Vietnamese phone numbers in the forms sellers write them ("0912 345 678", "0912.345.678", "+84
 * 912 345 678", "84912345678", "(+84) 912-345-678", "không chín một hai ba bốn năm sáu bảy tám")
 * normalised to E.164 ("+84912345678"). Mobile numbers have ten digits starting 03, 05, 07, 08 or
 * 09; fixed lines eleven digits starting 02.
 */
public final class VnPhone {
  private VnPhone() {}

  /**
   * Normalises {@code text} to E.164; invalid with the reason when it is not a Vietnamese number.
   */
  public static Validation normalise(String text) {
    if (text == null || text.isBlank()) {
      return Validation.invalid("missing");
    }
    String digits = digits(text);
    if (digits == null) {
      return Validation.invalid("format: not a phone number");
    }
    String national;
    if (digits.startsWith("84") && (digits.length() == 11 || digits.length() == 12)) {
      national = "0" + digits.substring(2);
    } else if (digits.startsWith("0")) {
      national = digits;
    } else {
      return Validation.invalid("format: starts with neither 0 nor +84");
    }
    boolean mobile = national.length() == 10 && "35789".indexOf(national.charAt(1)) >= 0;
    boolean fixed = national.length() == 11 && national.charAt(1) == '2';
    if (!mobile && !fixed) {
      return Validation.invalid(
          "length/prefix: not a Vietnamese mobile (10 digits, 03/05/07/08/09) or fixed line (11 digits, 02)");
    }
    return Validation.ok("+84" + national.substring(1));
  }

  /**
   * The digits of a number written with separators or in words; null when other text is mixed in.
   */
  static String digits(String text) {
    StringBuilder d = new StringBuilder();
    String lower = text.toLowerCase(Locale.ROOT).replace("(", " ").replace(")", " ");
    for (String word : lower.split("[\\s.\\-/,]+")) {
      if (word.isEmpty()) {
        continue;
      }
      Character w = DigitWords.digit(word);
      if (w != null) {
        d.append(w);
        continue;
      }
      String t = word.startsWith("+") ? word.substring(1) : word;
      if (t.isEmpty() || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return null;
      }
      d.append(t);
    }
    return d.isEmpty() || d.length() > 15 ? null : d.toString();
  }
}
