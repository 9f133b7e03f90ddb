package org.markwatch.model.validate;

/**
 * GTIN-8, -12 (UPC-A), -13 (EAN) and -14 check digits, and the GS1 member organisation that issued
 * the prefix. The issuer is where the brand owner registered, not the country of manufacture: 893
 * (GS1 Vietnam) on a pack says nothing about where it was made.
 */
public final class Gtin {
  private Gtin() {}

  /** Checks {@code text} (spaces and hyphens ignored); the normalised value is the digits. */
  public static Validation validate(String text) {
    if (text == null) {
      return Validation.invalid("missing");
    }
    String digits = text.replace(" ", "").replace("-", "");
    if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Validation.invalid("format: digits only");
    }
    int n = digits.length();
    if (n != 8 && n != 12 && n != 13 && n != 14) {
      return Validation.invalid("length: 8, 12, 13 or 14 digits, got " + n);
    }
    if (checkDigit(digits.substring(0, n - 1)) != digits.charAt(n - 1) - '0') {
      return Validation.invalid("checksum");
    }
    return Validation.ok(digits);
  }

  /** The check digit for the digits before it: weights 3 and 1 alternating from the right. */
  public static int checkDigit(String body) {
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      int digit = body.charAt(body.length() - 1 - i) - '0';
      sum += digit * (i % 2 == 0 ? 3 : 1);
    }
    return (10 - sum % 10) % 10;
  }

  /**
   * The 14-digit form of a GTIN's digits (zeros in front), under which a GTIN-8, -12 or -13 and the
   * GTIN-14 that writes it with leading zeros are one code.
   */
  public static String gtin14(String digits) {
    return "0".repeat(14 - digits.length()) + digits;
  }

  /**
   * The GS1 issuer of a valid GTIN-13 (or GTIN-12/14 read as 13), by prefix; "unknown" otherwise.
   */
  public static String issuer(String gtin) {
    String d = gtin.length() == 12 ? "0" + gtin : gtin.length() == 14 ? gtin.substring(1) : gtin;
    if (d.length() != 13) {
      return "unknown";
    }
    int p = Integer.parseInt(d.substring(0, 3));
    if (p <= 139) {
      return "GS1 US";
    }
    if (p >= 200 && p <= 299) {
      return "restricted circulation (in-store)";
    }
    return switch (p) {
      case 893 -> "GS1 Vietnam";
      case 885 -> "GS1 Thailand";
      case 880 -> "GS1 Korea";
      case 888 -> "GS1 Singapore";
      case 899 -> "GS1 Indonesia";
      case 955 -> "GS1 Malaysia";
      case 480 -> "GS1 Philippines";
      case 471 -> "GS1 Taiwan";
      case 489 -> "GS1 Hong Kong";
      case 884 -> "GS1 Cambodia";
      case 883 -> "GS1 Myanmar";
      case 865 -> "GS1 Mongolia";
      case 867 -> "GS1 North Korea";
      case 890 -> "GS1 India";
      case 930, 931, 932, 933, 934, 935, 936, 937, 938, 939 -> "GS1 Australia";
      case 978, 979 -> "Bookland (ISBN)";
      default ->
          p >= 690 && p <= 699
              ? "GS1 China"
              : p >= 450 && p <= 459 || p >= 490 && p <= 499
                  ? "GS1 Japan"
                  : p >= 300 && p <= 379
                      ? "GS1 France"
                      : p >= 400 && p <= 440
                          ? "GS1 Germany"
                          : p >= 500 && p <= 509
                              ? "GS1 UK"
                              : p >= 800 && p <= 839
                                  ? "GS1 Italy"
                                  : p >= 840 && p <= 849
                                      ? "GS1 Spain"
                                      : p >= 760 && p <= 769
                                          ? "GS1 Switzerland"
                                          : p >= 870 && p <= 879
                                              ? "GS1 Netherlands"
                                              : "other GS1 member";
    };
  }
}
