package org.markwatch.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates JSON against the project's copies of the contract schemas ({@code /schema/*.json}).
 *
 * <p>It interprets the part of JSON Schema 2020-12 the contracts use: type, const, enum, required,
 * anyOf, properties, additionalProperties, items, local $ref, pattern, minLength, maxLength,
 * minimum, maximum and the uri and date-time formats. A hand-written interpreter keeps the error
 * messages exact ({@code $.price.amount: expected number, got string "12k"}), which analysts and
 * operators read when a record goes to the dead-letter output.
 */
public final class SchemaValidator {
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  public static final SchemaValidator LISTING = load("/schema/listing.schema.json");
  public static final SchemaValidator SCORED = load("/schema/scored.schema.json");

  private final JsonNode root;
  private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

  private SchemaValidator(JsonNode root) {
    this.root = root;
  }

  private static SchemaValidator load(String resource) {
    try (InputStream in = SchemaValidator.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("schema resource missing from the classpath: " + resource);
      }
      return new SchemaValidator(MAPPER.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** All errors of {@code doc}, in document order; empty when it is valid. */
  public List<String> validate(JsonNode doc) {
    List<String> errors = new ArrayList<>();
    check(root, doc, "$", errors);
    return errors;
  }

  private void check(JsonNode schema, JsonNode node, String path, List<String> errors) {
    if (schema.has("$ref")) {
      check(resolve(schema.get("$ref").asString()), node, path, errors);
      return;
    }
    if (schema.has("const") && !schema.get("const").equals(node)) {
      errors.add(path + ": must be " + schema.get("const") + ", got " + describe(node));
      return;
    }
    if (schema.has("enum")) {
      boolean found = false;
      for (JsonNode option : schema.get("enum")) {
        found |= option.equals(node);
      }
      if (!found) {
        errors.add(path + ": " + describe(node) + " is not one of " + joinValues(schema.get("enum")));
        return;
      }
    }
    if (schema.has("type") && !hasType(node, schema.get("type").asString())) {
      errors.add(path + ": expected " + schema.get("type").asString() + ", got " + describe(node));
      return;
    }
    if (node.isString()) {
      checkString(schema, node.asString(), path, errors);
    }
    if (node.isNumber()) {
      checkNumber(schema, node.decimalValue(), path, errors);
    }
    if (node.isObject()) {
      checkObject(schema, node, path, errors);
    }
    if (node.isArray() && schema.has("items")) {
      for (int i = 0; i < node.size(); i++) {
        check(schema.get("items"), node.get(i), path + "[" + i + "]", errors);
      }
    }
  }

  private void checkObject(JsonNode schema, JsonNode node, String path, List<String> errors) {
    if (schema.has("required")) {
      for (JsonNode name : schema.get("required")) {
        if (!node.has(name.asString())) {
          errors.add(child(path, name.asString()) + ": required field is missing");
        }
      }
    }
    if (schema.has("anyOf")) {
      boolean any = false;
      List<String> alternatives = new ArrayList<>();
      for (JsonNode alternative : schema.get("anyOf")) {
        List<String> sub = new ArrayList<>();
        check(alternative, node, path, sub);
        any |= sub.isEmpty();
        alternatives.add(alternative.has("required") ? joinValues(alternative.get("required")) : alternative.toString());
      }
      if (!any) {
        errors.add(path + ": needs at least one of " + String.join(" or ", alternatives));
      }
    }
    JsonNode properties = schema.path("properties");
    JsonNode additional = schema.get("additionalProperties");
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      JsonNode propertySchema = properties.get(field.getKey());
      if (propertySchema != null) {
        check(propertySchema, field.getValue(), child(path, field.getKey()), errors);
      } else if (additional != null && additional.isObject()) {
        check(additional, field.getValue(), child(path, field.getKey()), errors);
      } else if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
        errors.add(child(path, field.getKey()) + ": unknown field");
      }
    }
  }

  private void checkString(JsonNode schema, String value, String path, List<String> errors) {
    int length = value.codePointCount(0, value.length());
    if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
      errors.add(path + ": must have at least " + schema.get("minLength").asInt() + " characters, got " + length);
    }
    if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
      errors.add(path + ": must have at most " + schema.get("maxLength").asInt() + " characters, got " + length);
    }
    if (schema.has("pattern")) {
      String regex = schema.get("pattern").asString();
      if (!patterns.computeIfAbsent(regex, Pattern::compile).matcher(value).find()) {
        errors.add(path + ": " + quote(value) + " does not match " + regex);
      }
    }
    if (schema.has("format")) {
      String format = schema.get("format").asString();
      if (format.equals("date-time") && !isDateTime(value)) {
        errors.add(path + ": " + quote(value) + " is not an RFC 3339 date-time such as 2026-11-01T07:00:00Z");
      } else if (format.equals("uri") && !isAbsoluteUri(value)) {
        errors.add(path + ": " + quote(value) + " is not an absolute URI");
      }
    }
  }

  private static void checkNumber(JsonNode schema, BigDecimal value, String path, List<String> errors) {
    if (schema.has("minimum") && value.compareTo(schema.get("minimum").decimalValue()) < 0) {
      errors.add(path + ": must be >= " + schema.get("minimum") + ", got " + value.toPlainString());
    }
    if (schema.has("maximum") && value.compareTo(schema.get("maximum").decimalValue()) > 0) {
      errors.add(path + ": must be <= " + schema.get("maximum") + ", got " + value.toPlainString());
    }
  }

  private JsonNode resolve(String ref) {
    if (!ref.startsWith("#/")) {
      throw new IllegalStateException("only local $ref is supported, got " + ref);
    }
    JsonNode target = root;
    for (String part : ref.substring(2).split("/")) {
      target = target.path(part);
    }
    if (target.isMissingNode()) {
      throw new IllegalStateException("unresolvable $ref " + ref);
    }
    return target;
  }

  private static boolean hasType(JsonNode node, String type) {
    return switch (type) {
      case "object" -> node.isObject();
      case "array" -> node.isArray();
      case "string" -> node.isString();
      case "number" -> node.isNumber();
      case "integer" -> node.isIntegralNumber()
          || (node.isNumber() && node.decimalValue().stripTrailingZeros().scale() <= 0);
      case "boolean" -> node.isBoolean();
      case "null" -> node.isNull();
      default -> throw new IllegalStateException("unsupported schema type " + type);
    };
  }

  private static boolean isDateTime(String value) {
    try {
      OffsetDateTime.parse(value);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static boolean isAbsoluteUri(String value) {
    try {
      return new URI(value).isAbsolute();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static String child(String path, String name) {
    return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? path + "." + name : path + "[" + quote(name) + "]";
  }

  private static String describe(JsonNode node) {
    String type = node.isString() ? "string" : node.isNumber() ? "number" : node.isBoolean() ? "boolean"
        : node.isNull() ? "null" : node.isArray() ? "array" : "object";
    String text = node.toString();
    if (node.isContainer()) {
      return type;
    }
    return type + " " + (text.length() > 60 ? text.substring(0, 57) + "..." : text);
  }

  private static String joinValues(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.isString() ? v.asString() : v.toString()));
    return values.stream().collect(Collectors.joining(", ", "[", "]"));
  }

  private static String quote(String value) {
    String shown = value.length() > 60 ? value.substring(0, 57) + "..." : value;
    return "\"" + shown + "\"";
  }
}
