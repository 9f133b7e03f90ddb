package org.markwatch.model.yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.JsonToken;
import tools.jackson.core.SerializableString;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.core.util.JsonParserDelegate;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The one way markwatch reads a YAML configuration file (rules, brands, sources, extraction
 * profiles): bound strictly onto records, so an unknown key, a wrong type or a missing required
 * value is an error naming the file, line and key instead of something silently ignored.
 *
 * <p>Configuration files are written by people, not scraped, but they are still bounded: at most
 * {@value #MAX_BYTES} bytes and {@value #MAX_DEPTH} levels of nesting.
 */
public final class StrictYaml {
  /** Larger than any configuration file we ship (the brand catalog is about 1 MB). */
  public static final int MAX_BYTES = 32 * 1024 * 1024;

  /** Deeper than any configuration needs; a guard against pathological files. */
  public static final int MAX_DEPTH = 64;

  private static final YAMLMapper MAPPER =
      YAMLMapper.builder(
              YAMLFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                  .build())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private StrictYaml() {}

  /** The shared mapper, for callers that bind from a tree or need a reader of their own. */
  public static YAMLMapper mapper() {
    return MAPPER;
  }

  /**
   * Reads {@code file} as one {@code type}.
   *
   * @throws YamlException naming the file, line and key when the file cannot be read or bound
   */
  public static <T> T read(Path file, Class<T> type) {
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new YamlException(
            file, 0, "", "is " + size + " bytes, more than the limit of " + MAX_BYTES);
      }
      return read(file, Files.readString(file), type);
    } catch (IOException e) {
      throw new YamlException(file, 0, "", "cannot be read (" + e.getMessage() + ")");
    }
  }

  /** Reads YAML text that came from {@code source} (used in messages only). */
  public static <T> T read(Path source, String yaml, Class<T> type) {
    try {
      return MAPPER.readValue(yaml, type);
    } catch (JacksonException e) {
      throw translate(source, yaml, e);
    }
  }

  /**
   * Reads YAML text into a tree whose values know their line, for files checked by hand rather than
   * bound onto records. The tree is built by Jackson through the shared mapper, so it has the same
   * size and depth limits and refuses a key given twice; only the lines are noted on the way. An
   * empty document is an explicit null on line 1.
   *
   * @throws YamlException naming the line when the text is not valid YAML or is too large
   */
  public static YamlValue readLocated(Path source, String yaml) {
    if (yaml.length() > MAX_BYTES) {
      throw new YamlException(
          source,
          0,
          "",
          "is " + yaml.length() + " characters, more than the limit of " + MAX_BYTES);
    }
    ObjectReader reader = MAPPER.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = new LineNoting(reader.createParser(yaml), lines)) {
      JsonNode root = reader.readTree(parser);
      if (root == null || root.isMissingNode()) {
        return new YamlValue(null, 1);
      }
      return located(root, JsonPointer.empty(), lines);
    } catch (JacksonException e) {
      throw translate(source, yaml, e);
    }
  }

  private static YamlValue located(JsonNode node, JsonPointer at, Map<String, Integer> lines) {
    int line = lines.getOrDefault(at.toString(), 0);
    if (node.isObject()) {
      Map<String, YamlValue> map = new LinkedHashMap<>();
      for (Entry<String, JsonNode> e : node.properties()) {
        map.put(e.getKey(), located(e.getValue(), at.appendProperty(e.getKey()), lines));
      }
      return new YamlValue(map, line);
    }
    if (node.isArray()) {
      List<YamlValue> list = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        list.add(located(node.get(i), at.appendIndex(i), lines));
      }
      return new YamlValue(list, line);
    }
    return new YamlValue(node.isNull() ? null : node.asString(), line);
  }

  /**
   * Notes, as Jackson builds the tree, the line where each value starts (its key's line inside a
   * mapping), keyed by JSON Pointer; the tree model itself keeps no locations.
   */
  private static final class LineNoting extends JsonParserDelegate {
    private final Map<String, Integer> lines;

    LineNoting(JsonParser parser, Map<String, Integer> lines) {
      super(parser);
      this.lines = lines;
    }

    // Every way of advancing the parser notes the token it lands on; the tree builder uses
    // several of them (nextName, nextNameMatch), not only nextToken.
    @Override
    public JsonToken nextToken() {
      JsonToken t = super.nextToken();
      note();
      return t;
    }

    @Override
    public JsonToken nextValue() {
      JsonToken t = super.nextValue();
      note();
      return t;
    }

    @Override
    public String nextName() {
      String name = super.nextName();
      note();
      return name;
    }

    @Override
    public boolean nextName(SerializableString name) {
      boolean matched = super.nextName(name);
      note();
      return matched;
    }

    @Override
    public int nextNameMatch(PropertyNameMatcher matcher) {
      int match = super.nextNameMatch(matcher);
      note();
      return match;
    }

    private void note() {
      JsonToken t = currentToken();
      if (t == null || t.isStructEnd()) {
        return;
      }
      TokenStreamContext context = streamReadContext();
      if (t.isStructStart() && context.getParent() != null) {
        context = context.getParent(); // the new container's context has no path of its own yet
      }
      lines.putIfAbsent(context.pathAsPointer().toString(), currentTokenLocation().getLineNr());
    }
  }

  /** Turns a Jackson failure into one line: where, which key, what is wrong. */
  static YamlException translate(Path source, String yaml, JacksonException e) {
    TokenStreamLocation location = e.getLocation();
    int line = location == null ? 0 : location.getLineNr();
    if (e instanceof DatabindException d) {
      line = keyLine(yaml, line, lastKey(d));
    }
    String key = e instanceof DatabindException d ? keyPath(d) : "";
    String problem;
    if (e instanceof UnrecognizedPropertyException u) {
      problem =
          "unknown key '"
              + u.getPropertyName()
              + "'; known keys: "
              + String.join(
                  ", ", u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList());
    } else {
      problem = e.getOriginalMessage();
      int cut = problem == null ? -1 : problem.indexOf('\n');
      if (cut >= 0) {
        problem = problem.substring(0, cut);
      }
    }
    return new YamlException(source, line, key, problem);
  }

  private static String lastKey(DatabindException e) {
    String key = null;
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        key = ref.getPropertyName();
      }
    }
    return key;
  }

  /**
   * The YAML parser reports the position of the event after the offending value, often the next
   * line; the line a person wants is the one holding the key, so look back for it.
   */
  private static int keyLine(String yaml, int reported, String key) {
    if (key == null || reported <= 0) {
      return reported;
    }
    String[] lines = yaml.split("\n", -1);
    for (int i = Math.min(reported, lines.length) - 1; i >= 0; i--) {
      String t = lines[i].stripLeading();
      if (t.startsWith("- ")) {
        t = t.substring(2).stripLeading();
      }
      if (t.startsWith(key + ":")
          || t.startsWith("\"" + key + "\":")
          || t.startsWith("'" + key + "':")) {
        return i + 1;
      }
    }
    return reported;
  }

  private static String keyPath(DatabindException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
