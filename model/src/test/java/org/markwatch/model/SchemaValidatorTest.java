package org.markwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The contract schemas under the networknt validator (draft 2020-12, unknown keywords refused). */
class SchemaValidatorTest {
  static final JsonMapper MAPPER = JsonMapper.builder().build();
  static final Path SHARED = Path.of(System.getProperty("markwatch.shared", "../../shared"));

  static JsonNode json(String text) {
    return MAPPER.readTree(text);
  }

  @Test
  void theSharedSchemasLoadUnchangedAndTheBundledCopiesAreTheSame() throws Exception {
    for (String name : List.of("listing.schema.json", "scored.schema.json")) {
      String shared = Files.readString(SHARED.resolve("schema").resolve(name));
      SchemaValidator validator = SchemaValidator.of(name, json(shared));
      assertThat(validator).isNotNull();
      try (var bundled = SchemaValidator.class.getResourceAsStream("/schema/" + name)) {
        assertThat(new String(bundled.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
            .as("src/main/resources/schema/%s is a copy of ../shared/schema/%s", name, name)
            .isEqualTo(shared);
      }
    }
  }

  @Test
  void everyDevelopmentListingIsValid() throws Exception {
    List<String> lines = Files.readAllLines(SHARED.resolve("data/dev-listings.jsonl"));
    assertThat(lines).hasSizeGreaterThan(100);
    for (String line : lines) {
      if (!line.isBlank()) {
        assertThat(SchemaValidator.LISTING.validate(json(line))).as(line).isEmpty();
      }
    }
  }

  @Test
  void aKeywordTheDraftDoesNotDefineIsRefusedWithItsName() {
    JsonNode typo =
        json(
            """
        {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
         "properties":{"price":{"type":"object","properties":{"amount":{"type":"number","minimun":0}}}}}""");
    assertThatThrownBy(() -> SchemaValidator.of("typo.schema.json", typo))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("typo.schema.json")
        .hasMessageContaining("'minimun' is unknown");
  }

  @Test
  void aViolatingRecordIsReportedAtTheJsonPointerOfEachBadValue() {
    JsonNode listing =
        json(
            """
        {"schema":"markwatch.listing/1","platform":"web","url":"https://a.example/1",
         "observedAt":"2026-11-01T07:00:00Z","title":"t","price":{"amount":"12k","currency":"VND"},
         "contacts":[{"type":"phone","value":"1"},{"type":"fax","value":"2"}]}""");
    assertThat(SchemaValidator.LISTING.validate(listing))
        .containsExactlyInAnyOrder(
            "/id: required property 'id' not found",
            "/price/amount: string found, number expected (got \"12k\")",
            "/contacts/1/type: does not have a value in the enumeration [\"phone\", \"zalo\", \"bank_account\", "
                + "\"email\", \"url\", \"telegram\", \"other\"] (got \"fax\")");
  }

  @Test
  void formatsAreAssertedNotOnlyAnnotated() {
    JsonNode listing =
        json(
            """
        {"schema":"markwatch.listing/1","id":"a","platform":"web","url":"/item/1",
         "observedAt":"yesterday","title":"t"}""");
    assertThat(SchemaValidator.LISTING.validate(listing))
        .containsExactlyInAnyOrder(
            "/url: does not match the uri pattern must be a valid RFC 3986 URI (got \"/item/1\")",
            "/observedAt: does not match the date-time pattern must be a valid RFC 3339 date-time (got \"yesterday\")");
  }
}
