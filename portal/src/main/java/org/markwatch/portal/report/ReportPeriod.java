package org.markwatch.portal.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The periods of the plan's reviews, ending today (Asia/Ho_Chi_Minh): six months, a year, two
 * years; or any period given by its first and last day.
 */
public record ReportPeriod(String preset, LocalDate from, LocalDate to) {
  public static final int MAX_DAYS = 3 * 366;

  public static ReportPeriod of(String preset, String from, String to, LocalDate today) {
    String p =
        preset == null || preset.isBlank()
            ? (from != null && !from.isBlank() ? "custom" : "6m")
            : preset;
    return switch (p) {
      case "6m" -> new ReportPeriod(p, today.minusMonths(6).plusDays(1), today);
      case "1y" -> new ReportPeriod(p, today.minusYears(1).plusDays(1), today);
      case "2y" -> new ReportPeriod(p, today.minusYears(2).plusDays(1), today);
      case "custom" -> custom(from, to, today);
      default ->
          throw new IllegalArgumentException(
              "unknown period " + preset + ": use 6m, 1y, 2y or custom");
    };
  }

  static ReportPeriod custom(String from, String to, LocalDate today) {
    try {
      LocalDate f = LocalDate.parse(from);
      LocalDate t = to == null || to.isBlank() ? today : LocalDate.parse(to);
      if (t.isBefore(f)) {
        throw new IllegalArgumentException("the period ends before it starts");
      }
      if (f.plusDays(MAX_DAYS).isBefore(t)) {
        throw new IllegalArgumentException("a period of at most " + MAX_DAYS + " days");
      }
      return new ReportPeriod("custom", f, t);
    } catch (DateTimeParseException | NullPointerException e) {
      throw new IllegalArgumentException("dates are written yyyy-mm-dd, e.g. 2026-01-31");
    }
  }
}
