package org.markwatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class JsonCodecTest {
  static final Path SHARED = Path.of(System.getProperty("markwatch.shared", "../../shared"));

  @Test
  void everyDevListingRoundTripsUnchanged() throws IOException {
    List<String> lines = Files.readAllLines(SHARED.resolve("data/dev-listings.jsonl"));
    assertThat(lines).hasSizeGreaterThan(100);
    for (String line : lines) {
      Decoded<Listing> decoded = JsonCodec.decodeListing(line);
      assertThat(decoded.errors()).as(line).isEmpty();
      JsonNode original = JsonCodec.mapper().readTree(line);
      JsonNode written = JsonCodec.mapper().readTree(JsonCodec.encode(decoded.value()));
      assertThat(written).as(line).isEqualTo(normaliseNumbers(original));
    }
  }

  @Test
  void unknownFieldsAreKeptAndWrittenBack() {
    String line =
        """
        {"schema":"markwatch.listing/1","id":"x:1","platform":"web","url":"https://a.example/1",\
        "observedAt":"2026-11-01T07:00:00Z","title":"t","futureField":{"a":[1,2]}}""";
    Listing listing = JsonCodec.decodeListing(line).value();
    assertThat(listing.extra()).containsKey("futureField");
    assertThat(JsonCodec.encode(listing)).contains("\"futureField\":{\"a\":[1,2]}");
  }

  @ParameterizedTest(name = "{0}")
  // Backquote as the quote character: the messages quote with ' and the JSON with ".
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
      missing id          | {"schema":"markwatch.listing/1","platform":"web","url":"https://a.example/1","observedAt":"2026-11-01T07:00:00Z","title":"t"} | /id: required property 'id' not found
      amount as text      | {"schema":"markwatch.listing/1","id":"a","platform":"web","url":"https://a.example/1","observedAt":"2026-11-01T07:00:00Z","title":"t","price":{"amount":"12k","currency":"VND"}} | /price/amount: string found, number expected (got "12k")
      wrong type of title | {"schema":"markwatch.listing/1","id":"a","platform":"web","url":"https://a.example/1","observedAt":"2026-11-01T07:00:00Z","title":42} | /title: integer found, string expected (got 42)
      no title nor text   | {"schema":"markwatch.listing/1","id":"a","platform":"web","url":"https://a.example/1","observedAt":"2026-11-01T07:00:00Z"} | /title: required property 'title' not found
      bad date            | {"schema":"markwatch.listing/1","id":"a","platform":"web","url":"https://a.example/1","observedAt":"yesterday","title":"t"} | /observedAt: does not match the date-time pattern must be a valid RFC 3339 date-time (got "yesterday")
      relative url        | {"schema":"markwatch.listing/1","id":"a","platform":"web","url":"/item/1","observedAt":"2026-11-01T07:00:00Z","title":"t"} | /url: does not match the uri pattern must be a valid RFC 3986 URI (got "/item/1")
      bad platform        | {"schema":"markwatch.listing/1","id":"a","platform":"Shopee VN","url":"https://a.example/1","observedAt":"2026-11-01T07:00:00Z","title":"t"} | /platform: does not match the regex pattern ^[a-z0-9][a-z0-9_.-]{0,63}$ (got "Shopee VN")
      negative price      | {"schema":"markwatch.listing/1","id":"a","platform":"web","url":"https://a.example/1","observedAt":"2026-11-01T07:00:00Z","title":"t","price":{"amount":-1,"currency":"VND"}} | /price/amount: must have a minimum value of 0 (got -1)
      wrong schema        | {"schema":"markwatch.listing/2","id":"a","platform":"web","url":"https://a.example/1","observedAt":"2026-11-01T07:00:00Z","title":"t"} | /schema: must be the constant value 'markwatch.listing/1' (got "markwatch.listing/2")
      bad kind            | {"schema":"markwatch.listing/1","id":"a","platform":"web","kind":"video","url":"https://a.example/1","observedAt":"2026-11-01T07:00:00Z","title":"t"} | /kind: does not have a value in the enumeration ["product", "post"] (got "video")
      contact type        | {"schema":"markwatch.listing/1","id":"a","platform":"web","url":"https://a.example/1","observedAt":"2026-11-01T07:00:00Z","title":"t","contacts":[{"type":"fax","value":"1"}]} | /contacts/0/type: does not have a value in the enumeration ["phone", "zalo", "bank_account", "email", "url", "telegram", "other"] (got "fax")
      not json            | {"schema": | not valid JSON: Unexpected end-of-input within/between Object entries
      """)
  void brokenListingsGetExactErrors(String name, String json, String error) {
    Decoded<Listing> decoded = JsonCodec.decodeListing(json);
    assertThat(decoded.ok()).isFalse();
    assertThat(decoded.errors()).first().isEqualTo(error);
    assertThat(decoded.errors())
        .as("one error per bad value; a failed anyOf names each alternative")
        .hasSize(name.equals("no title nor text") ? 2 : 1);
  }

  @Test
  void scoredWithUnknownViolationIsRefused() {
    String json =
        """
        {"schema":"markwatch.scored/1","listingId":"a","rulesetVersion":"r1","score":0.9,"flagged":true,\
        "violations":["fake"],"brands":[],"signals":[]}""";
    assertThat(JsonCodec.decodeScored(json).errors())
        .containsExactly(
            "/violations/0: does not have a value in the enumeration [\"prohibited\", \"smuggled\", "
                + "\"counterfeit\", \"ip_infringing\", \"substandard\", \"restricted\", \"conditional\", \"expired\", "
                + "\"unknown_origin\", \"misleading\", \"seller_noncompliant\"] (got \"fake\")");
  }

  @Test
  void scoredRoundTripsAndValidates() {
    Scored scored =
        Scored.of(
            "shopee:1",
            "abc",
            0.93,
            true,
            List.of("counterfeit"),
            List.of(new BrandHit("nike", "N1ke", "title", "misspelling")),
            List.of(new Signal("counterfeit.terms", 2.5, "counterfeit", "title", "rep 1:1")));
    String json = JsonCodec.encode(scored);
    Decoded<Scored> back = JsonCodec.decodeScored(json);
    assertThat(back.errors()).isEmpty();
    assertThat(back.value()).isEqualTo(scored);
    assertThat(JsonCodec.decodeScored(json.replace("0.93", "1.5")).errors())
        .containsExactly("/score: must have a maximum value of 1 (got 1.5)");
  }

  @Test
  void everyViolationIdIsInTheScoredSchema() {
    for (Violation v : Violation.values()) {
      String json =
          JsonCodec.encode(Scored.of("a", "r", 0.5, true, List.of(v.id()), List.of(), List.of()));
      assertThat(JsonCodec.decodeScored(json).errors()).as(v.id()).isEmpty();
    }
  }

  /** Jackson reads 349000 as an int node and writes a BigDecimal back; compare numbers by value. */
  private static JsonNode normaliseNumbers(JsonNode node) {
    return JsonCodec.mapper()
        .readTree(
            JsonCodec.mapper()
                .writeValueAsString(JsonCodec.mapper().treeToValue(node, Object.class)));
  }
}
