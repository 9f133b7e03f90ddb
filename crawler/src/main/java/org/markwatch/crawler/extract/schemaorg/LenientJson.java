package org.markwatch.crawler.extract.schemaorg;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON that pages embed, which is often broken: comments, single quotes, trailing commas,
 * raw newlines in strings, HTML comment or CDATA wrappers, several objects in a row, or a cut-off
 * end. Bounded: at most {@value #MAX_DEPTH} levels of nesting and {@value #MAX_CHARS} characters.
 */
public final class LenientJson {
  public static final int MAX_DEPTH = 200;
  public static final int MAX_CHARS = 4_000_000;

  private static final JsonMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .enable(
                      JsonReadFeature.ALLOW_JAVA_COMMENTS,
                      JsonReadFeature.ALLOW_YAML_COMMENTS,
                      JsonReadFeature.ALLOW_SINGLE_QUOTES,
                      JsonReadFeature.ALLOW_UNQUOTED_PROPERTY_NAMES,
                      JsonReadFeature.ALLOW_TRAILING_COMMA,
                      JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
                      JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER,
                      JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS,
                      JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS,
                      JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS,
                      JsonReadFeature.ALLOW_TRAILING_DECIMAL_POINT_FOR_NUMBERS,
                      JsonReadFeature.ALLOW_MISSING_VALUES)
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(MAX_DEPTH)
                          .maxDocumentLength(MAX_CHARS)
                          .maxStringLength(MAX_CHARS)
                          .build())
                  .build())
          .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  private LenientJson() {}

  /**
   * Every JSON value in {@code text}, repaired where possible; empty when nothing could be read.
   * Never throws on bad input.
   */
  public static List<JsonNode> readAll(String text) {
    if (text == null) {
      return List.of();
    }
    String s = unwrap(text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text);
    if (s.isEmpty()) {
      return List.of();
    }
    List<JsonNode> out = readSequence(s);
    if (!out.isEmpty()) {
      return out;
    }
    String repaired = closeOpenBrackets(s);
    return repaired == null ? List.of() : readSequence(repaired);
  }

  /** The first JSON value of {@code text}, or null. */
  public static JsonNode read(String text) {
    List<JsonNode> all = readAll(text);
    return all.isEmpty() ? null : all.get(0);
  }

  private static List<JsonNode> readSequence(String s) {
    List<JsonNode> out = new ArrayList<>();
    try (MappingIterator<JsonNode> it = MAPPER.readerFor(JsonNode.class).readValues(s)) {
      while (it.hasNextValue()) {
        JsonNode n = it.nextValue();
        if (n != null && (n.isObject() || n.isArray())) {
          out.add(n);
        }
      }
    } catch (JacksonException | IllegalStateException | NumberFormatException e) {
      // Values read before the error are kept: a partial result beats none. (Lenient number
      // features let "." through the tokenizer; BigDecimal then refuses it.)
    }
    return out;
  }

  private static String unwrap(String text) {
    String s = text.strip();
    s =
        s.replace("<!--", "")
            .replace("-->", "")
            .replace("<![CDATA[", "")
            .replace("]]>", "")
            .strip();
    if (s.startsWith("//")) {
      int nl = s.indexOf('\n');
      s = nl < 0 ? "" : s.substring(nl + 1).strip();
    }
    int start = 0;
    while (start < s.length() && s.charAt(start) != '{' && s.charAt(start) != '[') {
      start++;
    }
    s = s.substring(start);
    while (s.endsWith(";")) {
      s = s.substring(0, s.length() - 1).strip();
    }
    return s;
  }

  /**
   * A cut-off document closed at its last complete member; null when that is not possible. Walks
   * the text once, tracking strings and the bracket stack.
   */
  static String closeOpenBrackets(String s) {
    Deque<Character> stack = new ArrayDeque<>();
    boolean inString = false;
    char quote = 0;
    int lastSafe = -1;
    Deque<Character> stackAtSafe = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          inString = false;
        }
        continue;
      }
      switch (c) {
        case '"', '\'' -> {
          inString = true;
          quote = c;
        }
        case '{', '[' -> {
          if (stack.size() > MAX_DEPTH) {
            return null;
          }
          stack.push(c);
        }
        case '}', ']' -> {
          if (stack.isEmpty()) {
            return null;
          }
          stack.pop();
          lastSafe = i;
          stackAtSafe = new ArrayDeque<>(stack);
          if (stack.isEmpty()) {
            return s.substring(0, i + 1);
          }
        }
        case ',' -> {
          lastSafe = i - 1;
          stackAtSafe = new ArrayDeque<>(stack);
        }
        default -> {}
      }
    }
    if (!inString && !stack.isEmpty()) {
      // Cut after a complete member: close what is open right at the end.
      String body = s.stripTrailing();
      while (body.endsWith(",")) {
        body = body.substring(0, body.length() - 1).stripTrailing();
      }
      if (!body.endsWith(":")) {
        StringBuilder sb = new StringBuilder(body);
        for (char open : stack) {
          sb.append(open == '{' ? '}' : ']');
        }
        if (!readSequence(sb.toString()).isEmpty()) {
          return sb.toString();
        }
      }
    }
    if (lastSafe < 0 || stackAtSafe == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder(s.substring(0, lastSafe + 1));
    for (char open : stackAtSafe) {
      sb.append(open == '{' ? '}' : ']');
    }
    return sb.toString();
  }
}
