package org.markwatch.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The violation vocabulary of the 2020 national plan and Decision 319, as the scored schema spells
 * it ({@link #id()}).
 */
public enum Violation {
  PROHIBITED,
  SMUGGLED,
  COUNTERFEIT,
  IP_INFRINGING,
  SUBSTANDARD,
  RESTRICTED,
  CONDITIONAL,
  EXPIRED,
  UNKNOWN_ORIGIN,
  MISLEADING,
  SELLER_NONCOMPLIANT;

  /** The schema's spelling, e.g. {@code unknown_origin}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Violation> fromId(String id) {
    return Arrays.stream(values()).filter(v -> v.id().equals(id)).findFirst();
  }
}
