package org.markwatch.demo;

import java.util.Locale;

/**
 * Why a demo listing exists: the situation it stages. Clean cases are the hard negatives a detector
 * must leave alone; the others carry at least one violation in the ground truth.
 */
public enum DemoCase {
  GENUINE(false),
  OFFICIAL_STORE(false),
  ACCESSORY(false),
  SECOND_HAND(false),
  GENERIC(false),
  COUNTERFEIT(true),
  SMUGGLED(true),
  UNKNOWN_ORIGIN(true),
  PROHIBITED(true),
  RESTRICTED(true),
  CONDITIONAL(true),
  MISLEADING(true),
  EXPIRED(true),
  SELLER_MISSING_INFO(true);

  private final boolean violating;

  DemoCase(boolean violating) {
    this.violating = violating;
  }

  /** The label as tests and reports spell it, e.g. {@code official_store}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when every listing of this case is expected to be flagged. */
  public boolean violating() {
    return violating;
  }
}
