package org.markwatch.storage;

import java.util.Arrays;
import java.util.List;

/** Small helpers to turn column values back into Java values. */
final class Rows {
  private Rows() {}

  /** Splits a comma-separated column; null or empty gives an empty list. */
  static List<String> split(String csv) {
    if (csv == null || csv.isEmpty()) {
      return List.of();
    }
    return Arrays.asList(csv.split(","));
  }

  /** CHAR(n) columns come back blank-padded on some databases. */
  static String trimmed(String s) {
    return s == null ? null : s.strip();
  }
}
