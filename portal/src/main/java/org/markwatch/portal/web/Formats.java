package org.markwatch.portal.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How values read on every page ({@code ${@fmt...}} in the templates): times in Vietnam's time zone
 * whatever the server's, amounts with Vietnamese digit grouping, violations by name.
 */
@Component("fmt")
public class Formats {
  public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(VIETNAM);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(VIETNAM);

  private final MessageSource messages;

  public Formats(MessageSource messages) {
    this.messages = messages;
  }

  /** {@code 01/11/2026 14:00} in Asia/Ho_Chi_Minh; empty for none. */
  public String time(Instant t) {
    return t == null ? "" : TIME.format(t);
  }

  /** An RFC 3339 text (as listing records carry it) in Asia/Ho_Chi_Minh; unparseable text as is. */
  public String time(String rfc3339) {
    if (rfc3339 == null || rfc3339.isBlank()) {
      return "";
    }
    try {
      return TIME.format(Instant.parse(rfc3339));
    } catch (RuntimeException e) {
      try {
        return TIME.format(java.time.OffsetDateTime.parse(rfc3339).toInstant());
      } catch (RuntimeException e2) {
        return rfc3339;
      }
    }
  }

  public String day(Instant t) {
    return t == null ? "" : DAY.format(t);
  }

  /** {@code 1.250.000 VND}: Vietnamese grouping (dots), no decimals for đồng. */
  public String money(BigDecimal amount, String currency) {
    if (amount == null) {
      return "";
    }
    NumberFormat nf = NumberFormat.getNumberInstance(WebConfig.VIETNAMESE);
    nf.setMaximumFractionDigits("VND".equals(currency) ? 0 : 2);
    return nf.format(amount) + (currency == null ? "" : " " + currency.strip());
  }

  /** A violation id by name in the user's language ({@code counterfeit} → {@code Hàng giả}). */
  public String violation(String id) {
    return id == null ? "" : messages.getMessage("violation." + id, null, id, locale());
  }

  /** A score as a percentage-like figure with two decimals. */
  public String score(Double score) {
    return score == null ? "" : String.format(Locale.ROOT, "%.2f", score);
  }

  private static Locale locale() {
    return LocaleContextHolder.getLocale();
  }
}
