package org.markwatch.model.validate;

import java.util.regex.Pattern;

/**
 * Vietnamese business registration numbers: an enterprise code (mã số doanh nghiệp), which since
 * the 2014 Law on Enterprises is the tax code (10 digits, or 13 for a branch, see {@link
 * VnTaxCode}), or a household business registration number: a two-digit province code, a district
 * letter or letters, then digits ("41A8012345", "01D8-123456").
 */
public final class VnBusinessRegistration {
  private static final Pattern HOUSEHOLD = Pattern.compile("\\d{2}[A-Z]{1,2}\\d?-?\\d{5,8}");

  private VnBusinessRegistration() {}

  public static Validation validate(String text) {
    if (text == null || text.isBlank()) {
      return Validation.invalid("missing");
    }
    String t = text.strip().toUpperCase(java.util.Locale.ROOT).replace(" ", "");
    if (t.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == '-')) {
      Validation v = VnTaxCode.validate(t);
      return v.valid()
          ? Validation.ok(v.value())
          : Validation.invalid("enterprise code: " + v.reason());
    }
    if (HOUSEHOLD.matcher(t).matches()) {
      int province = Integer.parseInt(t.substring(0, 2));
      if (province < 1 || province > 99) {
        return Validation.invalid("household registration: province code 01-99");
      }
      return Validation.ok(t);
    }
    return Validation.invalid(
        "format: neither an enterprise code nor a household registration number");
  }
}
