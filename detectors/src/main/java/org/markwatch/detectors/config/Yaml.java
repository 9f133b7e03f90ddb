package org.markwatch.detectors.config;

import java.util.ArrayList;
import java.util.List;
import org.markwatch.model.yaml.StrictYaml;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Reads the detectors' configuration files through the project's one strict YAML binding ({@link
 * StrictYaml#mapper()}: unknown keys, wrong types and trailing content are errors, nesting is
 * bounded) and reports a problem as a {@link ConfigException} at the file, line and column of the
 * key, with the key path and, for an unknown key, the keys that are known. Also finds where a value
 * is written, for errors the compilers find after binding (a bad regex, a duplicate id).
 */
public final class Yaml {
  private Yaml() {}

  /**
   * Binds {@code text} to {@code type}; a problem becomes a {@link ConfigException} with line and
   * column.
   */
  public static <T> T read(String file, String text, Class<T> type) {
    if (text.length() > StrictYaml.MAX_BYTES) {
      throw new ConfigException(
          file,
          0,
          0,
          "is " + text.length() + " characters, more than the limit of " + StrictYaml.MAX_BYTES);
    }
    try {
      // the shared mapper, not a Path-taking read: the detectors do no file I/O (NoIoArchTest)
      T value = StrictYaml.mapper().readValue(text, type);
      if (value == null) {
        throw new ConfigException(file, 0, 0, "empty file");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      // Jackson reports the position after the value; point at the key itself
      TokenStreamLocation loc = e.getLocation();
      int[] at =
          keyBefore(text, e.getPropertyName(), loc == null ? Integer.MAX_VALUE : loc.getLineNr());
      List<String> known = new ArrayList<>();
      if (e.getKnownPropertyIds() != null) {
        e.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
      }
      java.util.Collections.sort(known);
      throw new ConfigException(
          file,
          at[0],
          at[1],
          "unknown field '"
              + e.getPropertyName()
              + "' at "
              + path(e)
              + (known.isEmpty() ? "" : ", known fields: " + String.join(", ", known)));
    } catch (JacksonException e) {
      TokenStreamLocation loc = e.getLocation();
      int line = loc == null ? 0 : loc.getLineNr();
      int col = loc == null ? 0 : loc.getColumnNr();
      String p = path(e);
      String problem = e.getOriginalMessage();
      int cut = problem == null ? -1 : problem.indexOf('\n');
      throw new ConfigException(
          file,
          Math.max(line, 0),
          Math.max(col, 0),
          (cut >= 0 ? problem.substring(0, cut) : problem)
              + (p.isEmpty() ? "" : " (at " + p + ")"));
    }
  }

  /** "rules[0].when.terms" for the location of an error. */
  static String path(JacksonException e) {
    StringBuilder b = new StringBuilder();
    for (JacksonException.Reference r : e.getPath()) {
      if (r.getPropertyName() != null) {
        b.append(b.isEmpty() ? "" : ".").append(r.getPropertyName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  /** Line and column (1-based) of the last "name:" key at or before {@code maxLine}. */
  static int[] keyBefore(String text, String name, int maxLine) {
    String[] lines = text.split("\n", -1);
    int[] found = {0, 0};
    java.util.regex.Pattern key =
        java.util.regex.Pattern.compile(
            "(^|[\\s{,\\-])" + java.util.regex.Pattern.quote(name) + "\\s*:");
    for (int i = 0; i < lines.length && i < maxLine; i++) {
      java.util.regex.Matcher m = key.matcher(lines[i]);
      if (m.find()) {
        found = new int[] {i + 1, m.start() + m.group(1).length() + 1};
      }
    }
    return found;
  }

  /**
   * 1-based line of a value written in the file, found by its longest literal start (a regular
   * expression is escaped differently in YAML); {@code fallback} when not found.
   */
  public static int lineOfValue(String text, String value, int fallback) {
    int cut = value.length();
    for (int i = 0; i < value.length(); i++) {
      if ("\\\"'".indexOf(value.charAt(i)) >= 0) {
        cut = i;
        break;
      }
    }
    int line = cut >= 4 ? lineOf(text, value.substring(0, cut)) : 0;
    return line > 0 ? line : fallback;
  }

  /**
   * 1-based line and column of the first {@code needle} written on or after line {@code fromLine}
   * (1-based; 0 or less means from the start); {@code {fromLine, 0}} when it is not found. Points
   * errors about a value at the value itself.
   */
  public static int[] position(String text, int fromLine, String needle) {
    String[] lines = text.split("\n", -1);
    for (int i = Math.max(0, fromLine - 1); i < lines.length; i++) {
      int c = lines[i].indexOf(needle);
      if (c >= 0) {
        return new int[] {i + 1, c + 1};
      }
    }
    return new int[] {Math.max(fromLine, 0), 0};
  }

  /** 1-based line of the first line of {@code text} containing {@code needle}, 0 when absent. */
  public static int lineOf(String text, String needle) {
    int i = text.indexOf(needle);
    if (i < 0) {
      return 0;
    }
    int line = 1;
    for (int k = 0; k < i; k++) {
      if (text.charAt(k) == '\n') {
        line++;
      }
    }
    return line;
  }
}
