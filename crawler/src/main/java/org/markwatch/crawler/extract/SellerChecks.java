package org.markwatch.crawler.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.markwatch.model.validate.Validation;
import org.markwatch.model.validate.VnBusinessRegistration;
import org.markwatch.model.validate.VnPhone;
import org.markwatch.model.validate.VnTaxCode;

/**
 * The seller's business data checked with the detectors' validators before it is kept: a tax code
 * with a wrong check digit, a registration that is no registration number or a number that is no
 * phone is a misread (a date, an order number, a typo), and a detector that trusted it would call
 * an unregistered seller registered. What is dropped is said in a note ("taxCode 0102641428:
 * checksum"), which the listing keeps in {@code attributes["seller.dropped"]}, so nothing read is
 * lost.
 */
final class SellerChecks {
  /** Vietnamese toll-free and premium service numbers (1800/1900 and 4-6 digits). */
  private static final Pattern SERVICE_NUMBER = Pattern.compile("1[89]00\\d{4,6}");

  private SellerChecks() {}

  /** The tax code in its normal form ("0102641429", "0102641429-066"), or null (noted). */
  static String taxCode(String value, List<String> notes) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Validation v = VnTaxCode.validate(value.strip());
    if (!v.valid()) {
      notes.add("taxCode " + value.strip() + ": " + v.reason());
      return null;
    }
    return v.value();
  }

  /** The registration number in its normal form, or null (noted). */
  static String businessRegistration(String value, List<String> notes) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Validation v = VnBusinessRegistration.validate(value.strip());
    if (!v.valid()) {
      notes.add("businessRegistration " + value.strip() + ": " + v.reason());
      return null;
    }
    return v.value();
  }

  /**
   * The phones that are phones, in national form for Vietnamese numbers ("0912345678", as {@code
   * text.ContactFinder} writes them), deduplicated. A number written with another country code
   * ("+49 30 1234567") cannot be checked here and is kept when it has the 7 to 15 digits of E.164.
   */
  static List<String> phones(Iterable<String> values, List<String> notes) {
    Set<String> out = new LinkedHashSet<>();
    for (String raw : values) {
      if (raw == null || raw.isBlank()) {
        continue;
      }
      String value = raw.strip();
      String digits = value.replaceAll("\\D", "");
      if (SERVICE_NUMBER.matcher(digits).matches()) {
        out.add(digits);
        continue;
      }
      if (value.startsWith("+") && !digits.startsWith("84")) {
        if (digits.length() >= 7 && digits.length() <= 15) {
          out.add(value);
        } else {
          notes.add("phone " + value + ": not an international number (7 to 15 digits)");
        }
        continue;
      }
      Validation v = VnPhone.normalise(value);
      if (v.valid()) {
        out.add("0" + v.value().substring(3));
      } else {
        notes.add("phone " + value + ": " + v.reason());
      }
    }
    return new ArrayList<>(out);
  }
}
