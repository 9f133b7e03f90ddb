package org.markwatch.crawler.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads YAML into {@link YamlNode}s that remember their line. Jackson's tree model drops
 * locations, so this walks the token stream instead.
 */
final class YamlTreeReader {
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private YamlTreeReader() {}

  /** Parses one document; a syntax error becomes a {@link SourceConfigException} naming the line. */
  static YamlNode read(String fileName, String text) {
    try (JsonParser p = YAML.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return new YamlNode(null, 1);
      }
      return readValue(fileName, p, t);
    } catch (JacksonException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new SourceConfigException(fileName, line, "", "not valid YAML: " + e.getOriginalMessage());
    }
  }

  private static YamlNode readValue(String fileName, JsonParser p, JsonToken t) {
    int line = p.currentTokenLocation().getLineNr();
    switch (t) {
      case START_OBJECT -> {
        Map<String, YamlNode> map = new LinkedHashMap<>();
        while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
          String key = p.currentName();
          int keyLine = p.currentTokenLocation().getLineNr();
          if (map.containsKey(key)) {
            throw new SourceConfigException(fileName, keyLine, key, "duplicate key");
          }
          map.put(key, readValue(fileName, p, p.nextToken()));
        }
        return new YamlNode(map, line);
      }
      case START_ARRAY -> {
        List<YamlNode> list = new ArrayList<>();
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          list.add(readValue(fileName, p, t));
        }
        return new YamlNode(list, line);
      }
      case VALUE_NULL -> {
        return new YamlNode(null, line);
      }
      default -> {
        return new YamlNode(p.getString(), line);
      }
    }
  }
}
