package org.markwatch.model.validate;

/** The outcome of a check: the normalised value when valid, else the reason it is not. */
public record Validation(boolean valid, String value, String reason) {
  public static Validation ok(String value) {
    return new Validation(true, value, null);
  }

  public static Validation invalid(String reason) {
    return new Validation(false, null, reason);
  }
}
