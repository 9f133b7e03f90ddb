package org.markwatch.crawler.source;

import java.util.List;
import java.util.Map;

/**
 * A YAML value with the line it starts on, so configuration errors can name the line. {@code value}
 * is a {@code Map<String, YamlNode>} (insertion-ordered), a {@code List<YamlNode>}, a scalar as
 * {@code String}, or null for an explicit null.
 */
record YamlNode(Object value, int line) {

  boolean isMap() {
    return value instanceof Map<?, ?>;
  }

  boolean isList() {
    return value instanceof List<?>;
  }

  boolean isScalar() {
    return value instanceof String;
  }

  @SuppressWarnings("unchecked")
  Map<String, YamlNode> map() {
    return (Map<String, YamlNode>) value;
  }

  @SuppressWarnings("unchecked")
  List<YamlNode> list() {
    return (List<YamlNode>) value;
  }

  String scalar() {
    return (String) value;
  }

  String kind() {
    if (value == null) return "null";
    if (isMap()) return "a mapping";
    if (isList()) return "a list";
    return "'" + value + "'";
  }
}
