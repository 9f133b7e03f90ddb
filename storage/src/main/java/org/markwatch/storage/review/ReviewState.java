package org.markwatch.storage.review;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The review workflow: new → in_review → confirmed | dismissed | escalated → actioned. A decision
 * may be taken straight from new (the analyst opened it and decided); an escalated listing is
 * settled by a supervisor (confirmed or dismissed); a dismissed one can be reopened.
 */
public enum ReviewState {
  NEW,
  IN_REVIEW,
  CONFIRMED,
  DISMISSED,
  ESCALATED,
  ACTIONED;

  public String sql() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ReviewState parse(String s) {
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown review state '"
              + s
              + "' (expected new, in_review, confirmed, dismissed, escalated or actioned)");
    }
  }

  /** The states this one may move to. */
  public Set<ReviewState> next() {
    return switch (this) {
      case NEW -> EnumSet.of(IN_REVIEW, CONFIRMED, DISMISSED, ESCALATED);
      case IN_REVIEW -> EnumSet.of(NEW, CONFIRMED, DISMISSED, ESCALATED);
      case ESCALATED -> EnumSet.of(IN_REVIEW, CONFIRMED, DISMISSED);
      case CONFIRMED -> EnumSet.of(ACTIONED);
      case DISMISSED -> EnumSet.of(IN_REVIEW);
      case ACTIONED -> EnumSet.noneOf(ReviewState.class);
    };
  }

  /** A state a decision (with a reason code) leads to. */
  public boolean isDecision() {
    return this == CONFIRMED || this == DISMISSED || this == ESCALATED || this == ACTIONED;
  }

  /** Still waiting for an analyst: what "the queue" shows by default. */
  public static Set<ReviewState> open() {
    return EnumSet.of(NEW, IN_REVIEW, ESCALATED);
  }
}
