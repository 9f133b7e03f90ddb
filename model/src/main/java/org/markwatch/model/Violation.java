package org.markwatch.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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

  private final String id = name().toLowerCase(Locale.ROOT);

  /** By id, for {@link #fromId}: it runs for every signal of every scored listing. */
  private static final Map<String, Violation> BY_ID =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Violation::id, v -> v));

  /** The schema's spelling, e.g. {@code unknown_origin}. */
  public String id() {
    return id;
  }

  public static Optional<Violation> fromId(String id) {
    return Optional.ofNullable(id == null ? null : BY_ID.get(id));
  }
}
