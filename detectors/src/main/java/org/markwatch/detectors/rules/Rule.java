package org.markwatch.detectors.rules;

import java.time.LocalDate;
import java.util.List;
import org.markwatch.model.Signal;
import org.markwatch.model.Violation;

/**
 * A compiled rule: fires when {@code when} holds and no condition of {@code unless} does, unless
 * the product contradicts the rule's {@code sense} (then a zero-weight {@value #SENSE_DROPPED}
 * signal says why).
 */
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
    String file,
    List<String> sense) {
  /** Rule id of the zero-weight signal saying why a rule's words were not read in its sense. */
  public static final String SENSE_DROPPED = "sense.dropped";

  /** The signal when the rule fires on the listing, else null. */
  public Signal apply(ListingContext ctx, LocalDate observed) {
    if (observed != null
        && ((effectiveFrom != null && observed.isBefore(effectiveFrom))
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
    String why = org.markwatch.detectors.match.WordSense.contradiction(ctx.product(), sense);
    if (why != null) {
      return new Signal(
          SENSE_DROPPED, 0.0, violation.id(), e.field(), id + ": '" + e.text() + "' " + why);
    }
    return new Signal(id, weight, violation.id(), e.field(), e.text());
  }
}
