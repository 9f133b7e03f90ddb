package org.markwatch.crawler.extract.schemaorg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.parser.Parser;
import tools.jackson.databind.JsonNode;

/**
 * Small readers over schema.org JSON trees, where any value may be a string, an object or an array.
 */
public final class Nodes {
  private Nodes() {}

  /** The values of {@code field}: an array is spread, a single value is a list of one. */
  static List<JsonNode> all(JsonNode node, String field) {
    List<JsonNode> out = new ArrayList<>();
    if (node == null || !node.isObject()) {
      return out;
    }
    JsonNode v = node.get(field);
    if (v == null) {
      v = node.get("http://schema.org/" + field);
    }
    if (v == null) {
      // Hand-written JSON-LD gets the case wrong ("lowprice", "PriceCurrency").
      for (var e : node.properties()) {
        if (e.getKey().equalsIgnoreCase(field)) {
          v = e.getValue();
          break;
        }
      }
    }
    if (v == null || v.isNull()) {
      return out;
    }
    if (v.isArray()) {
      v.forEach(out::add);
    } else {
      out.add(v);
    }
    return out;
  }

  static JsonNode first(JsonNode node, String field) {
    List<JsonNode> a = all(node, field);
    return a.isEmpty() ? null : a.get(0);
  }

  /**
   * Text of a field: a string or number as is, an object's {@code name} (or {@code @value}, {@code
   * value}), the first usable element of an array. Null when blank.
   */
  /** {@link #text} for callers outside the package. */
  public static String textOf(JsonNode node, String field) {
    return text(node, field);
  }

  static String text(JsonNode node, String field) {
    for (JsonNode v : all(node, field)) {
      String t = scalar(v);
      if (t != null) {
        return t;
      }
    }
    return null;
  }

  static String scalar(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isValueNode()) {
      String s = unescape(v.asString()).strip();
      return s.isEmpty() ? null : s;
    }
    if (v.isObject()) {
      for (String k : List.of("name", "@value", "value", "@id")) {
        JsonNode inner = v.get(k);
        if (inner != null && inner.isValueNode()) {
          String s = unescape(inner.asString()).strip();
          if (!s.isEmpty()) {
            return s;
          }
        }
      }
    }
    if (v.isArray() && !v.isEmpty()) {
      return scalar(v.get(0));
    }
    return null;
  }

  /**
   * A price written as a value, or wrapped in objects ({"value": 12}, {"sales": {"value": 12}}), as
   * some generators do; null when none within three levels.
   */
  static String priceScalar(JsonNode v, int depth) {
    if (v == null || v.isNull() || depth > 3) {
      return null;
    }
    if (v.isValueNode()) {
      return scalar(v);
    }
    if (v.isArray()) {
      return v.isEmpty() ? null : priceScalar(v.get(0), depth + 1);
    }
    for (String k : List.of("value", "amount", "price", "decimalPrice", "@value")) {
      JsonNode inner = v.get(k);
      if (inner != null && inner.isValueNode() && scalar(inner) != null) {
        return scalar(inner);
      }
    }
    for (var e : v.properties()) {
      if (e.getValue().isObject()) {
        String s = priceScalar(e.getValue(), depth + 1);
        if (s != null) {
          return s;
        }
      }
    }
    return null;
  }

  /** HTML entities in JSON strings ("Kitchen &amp; Tabletop"): generators often escape twice. */
  static String unescape(String s) {
    return s.indexOf('&') >= 0 && s.indexOf(';') > s.indexOf('&')
        ? Parser.unescapeEntities(s, false)
        : s;
  }

  /** The schema.org types of a node, without the vocabulary prefix. */
  static List<String> types(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node == null || !node.isObject()) {
      return out;
    }
    for (JsonNode t : all(node, "@type")) {
      if (t.isValueNode()) {
        String s = t.asString();
        int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf(':'));
        out.add(slash >= 0 ? s.substring(slash + 1) : s);
      }
    }
    return out;
  }

  static boolean hasType(JsonNode node, String... wanted) {
    for (String t : types(node)) {
      for (String w : wanted) {
        if (t.equalsIgnoreCase(w)) {
          return true;
        }
      }
    }
    return false;
  }

  /** "http://schema.org/InStock" → "InStock". */
  static String enumValue(String v) {
    if (v == null) {
      return null;
    }
    int slash = v.lastIndexOf('/');
    String s = slash >= 0 ? v.substring(slash + 1) : v;
    return s.isBlank() ? null : s.strip();
  }

  static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }
}
