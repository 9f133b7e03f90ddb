package org.markwatch.crawler.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A YAML document read into maps, lists and strings that remember their line, so that errors can
 * name it. Small on purpose: profiles are short configuration files.
 */
final class YamlTree {
  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  private static final int MAX_DEPTH = 20;

  /** A value (a {@code Map<String, Node>}, a {@code List<Node>}, a String or null) and its line. */
  record Node(Object value, int line) {}

  private YamlTree() {}

  static Node parse(String fileName, String yaml) {
    try (JsonParser p = YAML.createParser(yaml)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new ProfileException(fileName + ": empty profile");
      }
      return read(fileName, p, 0);
    } catch (JacksonException e) {
      int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
      throw new ProfileException(fileName + ":" + line + ": not valid YAML: " + e.getOriginalMessage());
    }
  }

  private static Node read(String fileName, JsonParser p, int depth) {
    int line = p.currentTokenLocation().getLineNr();
    if (depth > MAX_DEPTH) {
      throw new ProfileException(fileName + ":" + line + ": nested too deeply");
    }
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        Map<String, Node> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
          String name = p.currentName();
          int keyLine = p.currentTokenLocation().getLineNr();
          p.nextToken();
          Node v = read(fileName, p, depth + 1);
          if (map.containsKey(name)) {
            throw new ProfileException(fileName + ":" + keyLine + ": field '" + name + "' given twice");
          }
          map.put(name, new Node(v.value(), keyLine));
        }
        return new Node(map, line);
      }
      case START_ARRAY -> {
        List<Node> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(read(fileName, p, depth + 1));
        }
        return new Node(list, line);
      }
      case VALUE_NULL -> {
        return new Node(null, line);
      }
      default -> {
        return new Node(p.getString(), line);
      }
    }
  }
}
