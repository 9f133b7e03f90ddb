package org.markwatch.model;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.DisallowUnknownKeywordFactory;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates JSON against the project's copies of the contract schemas ({@code /schema/*.json},
 * identical to {@code ../shared/schema/}) with the networknt JSON Schema validator, draft 2020-12.
 *
 * <p>Strict about the schemas: a keyword the draft does not define is an error when the schema is
 * loaded, never silently ignored. Formats ({@code uri}, {@code date-time}) are asserted, not only
 * annotated. Each error is one line that starts with the JSON pointer of the offending value (for a
 * missing field, the pointer it would have) and ends with the value found, e.g. {@code
 * /price/amount: string found, number expected (got "12k")}; analysts and operators read these in
 * the dead-letter output.
 */
public final class SchemaValidator {
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  /** Draft 2020-12, with unknown keywords refused instead of treated as annotations. */
  private static final Dialect STRICT_2020_12 =
      Dialect.builder(Dialects.getDraft202012())
          .unknownKeywordFactory(DisallowUnknownKeywordFactory.getInstance())
          .build();

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          STRICT_2020_12,
          builder ->
              builder.schemaRegistryConfig(
                  SchemaRegistryConfig.builder()
                      .formatAssertionsEnabled(true)
                      .locale(Locale.ROOT)
                      .build()));

  /**
   * Base of the schemas' retrieval IRIs: their {@code $id}s are relative ("markwatch.listing/1").
   */
  private static final String BASE = "https://schema.markwatch.invalid/";

  public static final SchemaValidator LISTING = load("/schema/listing.schema.json");
  public static final SchemaValidator SCORED = load("/schema/scored.schema.json");

  private final Schema schema;

  private SchemaValidator(Schema schema) {
    this.schema = schema;
  }

  private static SchemaValidator load(String resource) {
    try (InputStream in = SchemaValidator.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("schema resource missing from the classpath: " + resource);
      }
      return of(resource.substring(resource.lastIndexOf('/') + 1), MAPPER.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A validator of {@code schemaJson}, named {@code name} in errors.
   *
   * @throws IllegalArgumentException when the schema uses a keyword draft 2020-12 does not define,
   *     or is otherwise not a schema; the message names the schema and the keyword
   */
  public static SchemaValidator of(String name, JsonNode schemaJson) {
    try {
      Schema schema = REGISTRY.getSchema(SchemaLocation.of(BASE + name), schemaJson);
      schema.initializeValidators(); // compile every keyword now, so an unknown one fails here
      return new SchemaValidator(schema);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "schema " + name + " is not a valid draft 2020-12 schema: " + e.getMessage(), e);
    }
  }

  /** All errors of {@code doc}; empty when it is valid. */
  public List<String> validate(JsonNode doc) {
    List<String> errors = new ArrayList<>();
    for (Error error : schema.validate(doc)) {
      errors.add(describe(error));
    }
    return errors;
  }

  private static String describe(Error error) {
    String pointer = pointer(error.getInstanceLocation());
    boolean missing = "required".equals(error.getKeyword()) && error.getProperty() != null;
    if (missing) {
      pointer = pointer + "/" + escape(error.getProperty());
    }
    StringBuilder line =
        new StringBuilder(pointer.isEmpty() ? "(document)" : pointer)
            .append(": ")
            .append(error.getMessage());
    JsonNode value = error.getInstanceNode();
    if (!missing && value != null && value.isValueNode()) {
      String shown = value.toString();
      line.append(" (got ")
          .append(shown.length() > 80 ? shown.substring(0, 77) + "..." : shown)
          .append(')');
    }
    return line.toString();
  }

  /** RFC 6901 JSON pointer of a location ("" for the whole document). */
  private static String pointer(NodePath path) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      b.append('/')
          .append(element instanceof Integer n ? n.toString() : escape(String.valueOf(element)));
    }
    return b.toString();
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
