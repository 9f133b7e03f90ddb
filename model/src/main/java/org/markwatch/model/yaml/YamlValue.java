package org.markwatch.model.yaml;

import java.util.List;
import java.util.Map;

/**
 * A YAML value with the line it starts on, for configuration whose checks are written by hand but
 * must still name the line of a bad value. {@code value} is a {@code Map<String, YamlValue>}
 * (insertion-ordered), a {@code List<YamlValue>}, a scalar as {@code String}, or null for an
 * explicit null. A mapping's values carry the line of their key. Made by {@link
 * StrictYaml#readLocated}.
 */
public record YamlValue(Object value, int line) {

  public boolean isMap() {
    return value instanceof Map<?, ?>;
  }

  public boolean isList() {
    return value instanceof List<?>;
  }

  public boolean isScalar() {
    return value instanceof String;
  }

  @SuppressWarnings("unchecked")
  public Map<String, YamlValue> map() {
    return (Map<String, YamlValue>) value;
  }

  @SuppressWarnings("unchecked")
  public List<YamlValue> list() {
    return (List<YamlValue>) value;
  }

  public String scalar() {
    return (String) value;
  }

  /** How the value reads in a message: "a mapping", "a list", "null" or the quoted scalar. */
  public String kind() {
    if (value == null) return "null";
    if (isMap()) return "a mapping";
    if (isList()) return "a list";
    return "'" + value + "'";
  }
}
