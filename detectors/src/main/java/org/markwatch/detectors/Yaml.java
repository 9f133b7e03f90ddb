package org.markwatch.detectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Strict YAML binding of configuration files: unknown fields and wrong types are errors. */
public final class Yaml {
  private static final ObjectMapper MAPPER = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private Yaml() {}

  /** Binds {@code text} to {@code type}; a problem becomes a {@link ConfigException} with line and column. */
  public static <T> T read(String file, String text, Class<T> type) {
    try {
      T value = MAPPER.readValue(text, type);
      if (value == null) {
        throw new ConfigException(file, 0, 0, "empty file");
      }
      return value;
    } catch (JacksonException e) {
      TokenStreamLocation loc = e.getLocation();
      int line = loc == null ? 0 : loc.getLineNr();
      int col = loc == null ? 0 : loc.getColumnNr();
      String msg = e.getOriginalMessage();
      String path = e.getPathReference();
      throw new ConfigException(file, Math.max(line, 0), Math.max(col, 0),
          msg + (path == null || path.isEmpty() ? "" : " (at " + shortPath(path) + ")"));
    }
  }

  private static String shortPath(String ref) {
    return ref.replaceAll("[a-zA-Z0-9_.$]*\\.", "").replace("\"", "");
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
