package org.markwatch.detectors.rules;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds expiry dates written in listing text, in the Vietnamese and English forms sellers use:
 * "HSD: 05/2026", "HSD 12/03/2025", "hạn sử dụng: 12.03.2025", "hạn dùng 2025-10-01", "EXP
 * 10/2025", "exp. date 2025/10", "date 6/25", "best before 12 Dec 2025". Pure: no clock.
 *
 * <p>Manufacture dates are never read as expiry dates: "NSX", "MFG", "ngày sản xuất" are not expiry
 * labels, a bare "date" after a word such as "manufacture", "release" or "ship" is not one either,
 * and in a paired label ("NSX/HSD: 01/2024 - 01/2026", "MFG/EXP ...") the first date belongs to
 * manufacture, so only the second is read. A month-only date expires at the end of the month; a
 * two-digit year is 20yy; "a/b" with two numbers is month/year (as on packaging), never day/month,
 * so "HSD 25/12" without a year is not a date.
 */
public final class ExpiryDates {
  private ExpiryDates() {}

  /** One expiry date in a text: where it stands, the text as written and its last valid day. */
  public record Found(int start, int end, String text, LocalDate lastDay) {}

  private static final String LABEL =
      "(?<label>"
          + "h[ạa]n\\s+s[ửu]\\s+d[ụu]ng|h[ạa]n\\s+d[ùu]ng|hsd|h\\.s\\.d\\.?"
          + "|exp(?:iry|iration)?\\s*+\\.?\\s*+date|expiry|expiration|expires?|exp\\.?|e\\.x\\.p\\.?"
          + "|best\\s+before(?:\\s+end)?|bbe|use\\s+by|date"
          + ")(?![\\p{L}])";

  /** What may stand between a label and its date: punctuation and a few linking words. */
  private static final String GAP =
      "[\\s:=\\-–.)\\]]*+(?:(?:đến|den|tới|toi|là|la|until|to|hết|het|ngày|ngay|tháng|thang|th)"
          + "(?![\\p{L}])[\\s:.]*+){0,3}";

  private static final String MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec";

  /** The rest of a month's full name, and nothing else: "HSD marketing 2025" names no month. */
  private static final String MONTH_REST =
      "(?:tember|ember|ruary|uary|ober|ust|ch|il|e|y|t)?+(?![\\p{L}])";

  private static final String DATE =
      "(?:"
          + "(?<y1>(?:19|20)\\d{2})\\s*+[-/.]\\s*+(?<m1>\\d{1,2})(?:\\s*+[-/.]\\s*+(?<d1>\\d{1,2}))?"
          + "|(?<d2>\\d{1,2})\\s*+[-/.]\\s*+(?<m2>\\d{1,2})\\s*+[-/.]\\s*+(?<y2>\\d{4}|\\d{2})"
          + "|(?:(?<d4>\\d{1,2})(?:\\s*+[-/.]\\s*+|\\s++))?(?<mn>"
          + MONTHS
          + ")"
          + MONTH_REST
          + "\\.?\\s*+(?:[-/.]\\s*+)?(?<y4>(?:19|20)\\d{2}|\\d{2})"
          + "|(?<m3>\\d{1,2})\\s*+[-/.]\\s*+(?<y3>\\d{4}|\\d{2})"
          + ")(?!\\d|[-/.]\\d)";

  private static final Pattern LABELLED =
      Pattern.compile("(?<![\\p{L}\\p{N}])" + LABEL + GAP + DATE);
  private static final Pattern SECOND_DATE =
      Pattern.compile("\\G\\s*+(?:(?:[-–—~,;|/]|đến|den|to)\\s*+)?" + DATE);

  /**
   * A manufacture label just before an expiry label: "nsx/hsd", "mfg - exp", "ngày sản xuất & hạn
   * dùng".
   */
  private static final Pattern MFG_PAIR =
      Pattern.compile(
          "(?:nsx|mfg|mfd|sx|ngày\\s+sản\\s+xuất|ngay\\s+san\\s+xuat|manufactured?|production|prod)\\s*[/&\\-–|]\\s*$");

  /** Words that make a bare "date" some other date ("release date 10/2024", "mfg date"). */
  private static final Set<String> NOT_EXPIRY_BEFORE_DATE =
      Set.of(
          "release",
          "released",
          "launch",
          "manufacture",
          "manufacturing",
          "manufactured",
          "manufacturer",
          "production",
          "produced",
          "prod",
          "mfg",
          "mfd",
          "ship",
          "shipping",
          "shipped",
          "delivery",
          "order",
          "ordered",
          "due",
          "start",
          "end",
          "update",
          "updated",
          "sale",
          "drop",
          "birth",
          "issue",
          "issued",
          "packing",
          "packed",
          "pack",
          "packaging",
          "import",
          "imported",
          "nsx",
          "sx",
          "xuất",
          "xuat",
          "post",
          "posted",
          "purchase",
          "purchased",
          "mua",
          "nhập",
          "nhap",
          "of",
          "đăng",
          "dang",
          "cập",
          "cap",
          "sinh",
          "giao",
          "bán",
          "ban");

  private static final Pattern LAST_WORD = Pattern.compile("([\\p{L}]+)[^\\p{L}\\p{N}]*$");

  /**
   * Every label starts with one of these (lower case): texts without any skip the regular
   * expression.
   */
  private static final List<String> LABEL_STARTS =
      List.of("hsd", "h.s.d", "hạn", "han", "exp", "e.x.p", "date", "best", "bbe", "use");

  /** Every expiry date written in {@code text}, in text order; empty for null. */
  public static List<Found> find(String text) {
    List<Found> out = new ArrayList<>();
    if (text == null || !hasDigit(text)) {
      return out; // every date has digits; most listing texts are scored without the expression
    }
    String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
    String lower = nfc.toLowerCase(Locale.ROOT);
    if (LABEL_STARTS.stream().noneMatch(lower::contains)) {
      return out;
    }
    // lower-casing keeps the length for Vietnamese and English; when it does not, quote the
    // lower-case text
    String shown = lower.length() == nfc.length() ? nfc : lower;
    Matcher m = LABELLED.matcher(lower);
    int from = 0;
    while (from < lower.length() && m.find(from)) {
      from = m.end();
      String before = lower.substring(Math.max(0, m.start() - 40), m.start());
      LocalDate last;
      int end = m.end();
      if (MFG_PAIR.matcher(before).find()) {
        // "NSX/HSD: 01/2024 - 01/2026": the date after the pair label is the manufacture date
        Matcher second = SECOND_DATE.matcher(lower);
        second.region(m.end(), lower.length());
        if (!second.find()) {
          continue;
        }
        last = lastDay(second);
        end = second.end();
      } else {
        if (m.group("label").equals("date") && bareDateIsOther(before)) {
          continue;
        }
        last = lastDay(m);
      }
      if (last != null) {
        out.add(new Found(m.start(), end, shown.substring(m.start(), end), last));
      }
    }
    return out;
  }

  private static boolean hasDigit(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  private static boolean bareDateIsOther(String before) {
    Matcher w = LAST_WORD.matcher(before);
    return w.find() && NOT_EXPIRY_BEFORE_DATE.contains(w.group(1));
  }

  /** The last day the goods are good for, or null when the numbers are not a date. */
  private static LocalDate lastDay(Matcher m) {
    try {
      if (m.group("y1") != null) {
        return day(year(m.group("y1")), num(m.group("m1")), m.group("d1"));
      }
      if (m.group("y2") != null) {
        return day(year(m.group("y2")), num(m.group("m2")), m.group("d2"));
      }
      if (m.group("y4") != null) {
        int month = MONTHS.indexOf(m.group("mn")) / 4 + 1;
        return day(year(m.group("y4")), month, m.group("d4"));
      }
      if (m.group("y3") != null) {
        return day(year(m.group("y3")), num(m.group("m3")), null);
      }
    } catch (DateTimeException | NumberFormatException e) {
      return null; // 31/02/2026, month 13: numbers that are not a date
    }
    return null;
  }

  private static LocalDate day(int year, int month, String dayOrNull) {
    if (year < 1990 || year > 2100) {
      throw new DateTimeException("year out of range: " + year);
    }
    YearMonth ym = YearMonth.of(year, month);
    return dayOrNull == null ? ym.atEndOfMonth() : ym.atDay(num(dayOrNull));
  }

  private static int year(String y) {
    int v = num(y);
    return y.length() == 2 ? 2000 + v : v;
  }

  private static int num(String s) {
    return Integer.parseInt(s);
  }

  /**
   * The calendar date of a listing's {@code observedAt} (RFC 3339) as written, the same day the
   * rules' effective dates are compared with; null when absent or unreadable.
   */
  public static LocalDate observedDate(String observedAt) {
    if (observedAt == null || observedAt.length() < 10) {
      return null;
    }
    try {
      return LocalDate.parse(observedAt.substring(0, 10));
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
