package org.markwatch.detectors.match;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The listing fields text matching looks at, named as in the scored schema's evidence. */
public enum Field {
  TITLE,
  TEXT,
  SELLER,
  CLAIMED,
  CATEGORY,
  /** The platform's product attributes, one "name: value" a line ("Tem hợp quy CR: Không có"). */
  ATTRIBUTES;

  public static final List<Field> ALL = List.of(values());

  private final String id = name().toLowerCase(Locale.ROOT);

  /** Lowercase name: title, text, seller, claimed, category, attributes. */
  public String id() {
    return id;
  }

  public static Optional<Field> fromId(String id) {
    for (Field f : values()) {
      if (f.id().equals(id)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
