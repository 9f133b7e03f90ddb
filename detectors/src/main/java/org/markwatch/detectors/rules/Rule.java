package org.markwatch.detectors.rules;

import java.time.LocalDate;
import java.util.List;
import org.markwatch.model.Signal;
import org.markwatch.model.Violation;

/** A compiled rule: fires when {@code when} holds and no condition of {@code unless} does. */
public record Rule(
    String id,
    String description,
    Violation violation,
    String legalBasis,
    LocalDate effectiveFrom,
    LocalDate effectiveTo,
    double weight,
    Condition when,
    List<Condition> unless,
    Examples examples,
    String file) {

  /** The signal when the rule fires on the listing, else null. */
  public Signal apply(ListingContext ctx, LocalDate observed) {
    if (observed != null && ((effectiveFrom != null && observed.isBefore(effectiveFrom))
        || (effectiveTo != null && observed.isAfter(effectiveTo)))) {
      return null;
    }
    Evidence e = when.test(ctx);
    if (e == null) {
      return null;
    }
    for (Condition u : unless) {
      if (u.test(ctx) != null) {
        return null;
      }
    }
    return new Signal(id, weight, violation.id(), e.field(), e.text());
  }
}
