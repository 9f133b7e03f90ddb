package org.markwatch.model;

import java.util.List;

/**
 * The outcome of decoding one JSON record: the value, or the reasons it was refused (never both).
 */
public record Decoded<T>(T value, List<String> errors) {
  public Decoded {
    errors = List.copyOf(errors);
  }

  public boolean ok() {
    return value != null;
  }

  /** The reasons as one line, for stderr and the dead-letter output. */
  public String reason() {
    return String.join("; ", errors);
  }
}
