package org.markwatch.crawler.source;

import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Substitutes {@code ${name}} in source values from a caller's map; an unknown name is an error.
 */
final class Variables {
  private static final Pattern VAR = Pattern.compile("\\$\\{([^}]*)}");

  private final Map<String, String> values;

  Variables(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /**
   * Returns {@code text} with every variable replaced; the message of a failure lists the known
   * names.
   */
  String substitute(String text, String file, int line, String field) {
    Matcher m = VAR.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new UnknownVariableException(
            file,
            line,
            field,
            m.group(1),
            "unknown variable ${"
                + m.group(1)
                + "}; the caller passed "
                + new TreeSet<>(values.keySet()));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * A {@code ${name}} the caller did not pass; {@link SourceLoader#loadAvailable} sets such sources
   * aside.
   */
  static final class UnknownVariableException extends RuntimeException {
    final String name;
    final SourceConfigException error;

    UnknownVariableException(String file, int line, String field, String name, String reason) {
      super(new SourceConfigException(file, line, field, reason).getMessage());
      this.name = name;
      this.error = new SourceConfigException(file, line, field, reason);
    }
  }
}
