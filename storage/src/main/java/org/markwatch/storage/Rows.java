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

  /**
   * Hex SHA-256 of the values joined by a separator no value contains (U+0000); null as "\u0001".
   */
  static String sha256(String... values) {
    java.security.MessageDigest digest;
    try {
      digest = java.security.MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    for (String v : values) {
      digest.update((v == null ? "\u0001" : v).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      digest.update((byte) 0);
    }
    return java.util.HexFormat.of().formatHex(digest.digest());
  }
}
