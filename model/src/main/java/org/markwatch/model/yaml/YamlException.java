package org.markwatch.model.yaml;

import java.nio.file.Path;

/**
 * A configuration file that cannot be bound. The message is one line a person can act on: {@code
 * conf/rules/counterfeit.yaml:12: rules[3].weight: expected a number}.
 *
 * @param line 1-based, or 0 when the problem is the whole file
 * @param key the dotted key path, or empty when not known
 */
public final class YamlException extends RuntimeException {
  private final transient Path file;
  private final int line;
  private final String key;
  private final String problem;

  public YamlException(Path file, int line, String key, String problem) {
    super(format(file, line, key, problem));
    this.file = file;
    this.line = line;
    this.key = key;
    this.problem = problem;
  }

  private static String format(Path file, int line, String key, String problem) {
    StringBuilder s = new StringBuilder().append(file);
    if (line > 0) {
      s.append(':').append(line);
    }
    s.append(": ");
    if (key != null && !key.isEmpty()) {
      s.append(key).append(": ");
    }
    return s.append(problem).toString();
  }

  public Path file() {
    return file;
  }

  public int line() {
    return line;
  }

  /** What is wrong, without the file, line and key. */
  public String problem() {
    return problem;
  }

  public String key() {
    return key;
  }
}
