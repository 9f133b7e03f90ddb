package org.markwatch.detectors.rules;

/** A compiled condition over a listing. */
public interface Condition {
  /** The evidence when the condition holds, else null. */
  Evidence test(ListingContext ctx);
}
