package org.markwatch.model;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the contract records as JSON. Decoding validates against the schema first, so a
 * caller gets either a record or every reason it was refused, naming the field.
 */
public final class JsonCodec {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  private JsonCodec() {}

  /** The shared mapper (thread-safe once built). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static Decoded<Listing> decodeListing(String json) {
    return decode(json, SchemaValidator.LISTING, Listing.class);
  }

  public static Decoded<Scored> decodeScored(String json) {
    return decode(json, SchemaValidator.SCORED, Scored.class);
  }

  private static <T> Decoded<T> decode(String json, SchemaValidator validator, Class<T> type) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JacksonException e) {
      return new Decoded<>(null, List.of("not valid JSON: " + e.getOriginalMessage()));
    }
    if (tree == null || tree.isMissingNode()) {
      return new Decoded<>(null, List.of("empty record"));
    }
    if (!tree.isObject()) {
      return new Decoded<>(null, List.of("$: expected a JSON object"));
    }
    List<String> errors = validator.validate(tree);
    if (!errors.isEmpty()) {
      return new Decoded<>(null, errors);
    }
    try {
      return new Decoded<>(MAPPER.treeToValue(tree, type), List.of());
    } catch (JacksonException e) {
      return new Decoded<>(null, List.of("cannot read record: " + e.getOriginalMessage()));
    }
  }

  /** One JSON line, no trailing newline. */
  public static String encode(Object record) {
    return MAPPER.writeValueAsString(record);
  }

  public static JsonNode tree(Object record) {
    return MAPPER.valueToTree(record);
  }
}
