package org.markwatch.portal.review;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.markwatch.storage.review.ReasonCode;
import org.markwatch.storage.review.ReasonCodes;
import org.markwatch.storage.review.ReviewState;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The documented reason codes for the decision forms ({@code ${@reasons...}}), labelled in the
 * user's language. Read once: the list only changes with a migration.
 */
@Component("reasons")
public class Reasons {
  /** A reason code as a form option. */
  public record Option(String code, String outcome, String label) {}

  private final ReasonCodes codes;
  private final AtomicReference<List<ReasonCode>> all = new AtomicReference<>();

  Reasons(ReasonCodes codes) {
    this.codes = codes;
  }

  /** The codes for one outcome (confirmed, dismissed, escalated), first the default. */
  public List<Option> forOutcome(String outcome) {
    ReviewState state = ReviewState.parse(outcome);
    return list().stream().filter(r -> r.outcome() == state).map(Reasons::option).toList();
  }

  public String label(String code) {
    return list().stream()
        .filter(r -> r.code().equals(code))
        .findFirst()
        .map(r -> option(r).label())
        .orElse(code);
  }

  private List<ReasonCode> list() {
    List<ReasonCode> l = all.get();
    if (l == null) {
      l = codes.list();
      all.set(l);
    }
    return l;
  }

  private static Option option(ReasonCode r) {
    boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
    return new Option(
        r.code(), r.outcome().sql(), (english ? r.labelEn() : r.labelVi()) + " (" + r.code() + ")");
  }
}
