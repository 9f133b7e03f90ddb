package org.markwatch.demo;

/** Escaping for generated markup: every generated string goes through one of these. */
final class Html {
  private Html() {}

  /** Escapes text for HTML/XML element content and quoted attribute values. */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Makes serialised JSON safe inside a {@code <script>} element: a title containing {@code
   * </script>} must not end the element. The escapes only occur inside JSON strings, so the JSON
   * stays equal.
   */
  static String scriptSafeJson(String json) {
    return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
  }
}
