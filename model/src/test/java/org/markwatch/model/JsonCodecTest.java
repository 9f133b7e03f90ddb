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
    String line = """
        {"schema":"markwatch.listing/1","id":"x:1","platform":"web","url":"https://a.example/1",\
        "observedAt":"2026-11-01T07:00:00Z","title":"t","futureField":{"a":[1,2]}}""";
    Listing listing = JsonCodec.decodeListing(line).value();
    assertThat(listing.extra()).containsKey("futureField");
    assertThat(JsonCodec.encode(listing)).contains("\"futureField\":{\"a\":[1,2]}");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      missing id          | {"schema":"markwatch.listing/1","platform":"web","url":"https://a.example/1","observedAt":"2026-11-01T07:00:00Z","title":"t"} | $.id: required field is missing
      amount as text      | {"schema":"markwatch.listing/1","id":"a","platform":"web","url":"https://a.example/1","observedAt":"2026-11-01T07:00:00Z","title":"t","price":{"amount":"12k","currency":"VND"}} | $.price.amount: expected number, got string "12k"
      wrong type of title | {"schema":"markwatch.listing/1","id":"a","platform":"web","url":"https://a.example/1","observedAt":"2026-11-01T07:00:00Z","title":42} | $.title: expected string, got number 42
      no title nor text   | {"schema":"markwatch.listing/1","id":"a","platform":"web","url":"https://a.example/1","observedAt":"2026-11-01T07:00:00Z"} | $: needs at least one of [title] or [text]
      bad date            | {"schema":"markwatch.listing/1","id":"a","platform":"web","url":"https://a.example/1","observedAt":"yesterday","title":"t"} | $.observedAt: "yesterday" is not an RFC 3339 date-time such as 2026-11-01T07:00:00Z
      relative url        | {"schema":"markwatch.listing/1","id":"a","platform":"web","url":"/item/1","observedAt":"2026-11-01T07:00:00Z","title":"t"} | $.url: "/item/1" is not an absolute URI
      bad platform        | {"schema":"markwatch.listing/1","id":"a","platform":"Shopee VN","url":"https://a.example/1","observedAt":"2026-11-01T07:00:00Z","title":"t"} | $.platform: "Shopee VN" does not match ^[a-z0-9][a-z0-9_.-]{0,63}$
      negative price      | {"schema":"markwatch.listing/1","id":"a","platform":"web","url":"https://a.example/1","observedAt":"2026-11-01T07:00:00Z","title":"t","price":{"amount":-1,"currency":"VND"}} | $.price.amount: must be >= 0, got -1
      wrong schema        | {"schema":"markwatch.listing/2","id":"a","platform":"web","url":"https://a.example/1","observedAt":"2026-11-01T07:00:00Z","title":"t"} | $.schema: must be "markwatch.listing/1", got string "markwatch.listing/2"
      bad kind            | {"schema":"markwatch.listing/1","id":"a","platform":"web","kind":"video","url":"https://a.example/1","observedAt":"2026-11-01T07:00:00Z","title":"t"} | $.kind: string "video" is not one of [product, post]
      contact type        | {"schema":"markwatch.listing/1","id":"a","platform":"web","url":"https://a.example/1","observedAt":"2026-11-01T07:00:00Z","title":"t","contacts":[{"type":"fax","value":"1"}]} | $.contacts[0].type: string "fax" is not one of [phone, zalo, bank_account, email, url, telegram, other]
      not json            | {"schema": | not valid JSON: Unexpected end-of-input within/between Object entries
      """)
  void brokenListingsGetExactErrors(String name, String json, String error) {
    Decoded<Listing> decoded = JsonCodec.decodeListing(json);
    assertThat(decoded.ok()).isFalse();
    assertThat(decoded.errors()).containsExactly(error);
  }

  @Test
  void scoredWithUnknownViolationIsRefused() {
    String json = """
        {"schema":"markwatch.scored/1","listingId":"a","rulesetVersion":"r1","score":0.9,"flagged":true,\
        "violations":["fake"],"brands":[],"signals":[]}""";
    assertThat(JsonCodec.decodeScored(json).errors())
        .containsExactly("$.violations[0]: string \"fake\" is not one of [prohibited, smuggled, counterfeit, "
            + "ip_infringing, substandard, restricted, conditional, expired, unknown_origin, misleading, "
            + "seller_noncompliant]");
  }

  @Test
  void scoredRoundTripsAndValidates() {
    Scored scored = Scored.of("shopee:1", "abc", 0.93, true, List.of("counterfeit"),
        List.of(new BrandHit("nike", "N1ke", "title", "misspelling")),
        List.of(new Signal("counterfeit.terms", 2.5, "counterfeit", "title", "rep 1:1")));
    String json = JsonCodec.encode(scored);
    Decoded<Scored> back = JsonCodec.decodeScored(json);
    assertThat(back.errors()).isEmpty();
    assertThat(back.value()).isEqualTo(scored);
    assertThat(JsonCodec.decodeScored(json.replace("0.93", "1.5")).errors())
        .containsExactly("$.score: must be <= 1, got 1.5");
  }

  @Test
  void everyViolationIdIsInTheScoredSchema() {
    for (Violation v : Violation.values()) {
      String json = JsonCodec.encode(Scored.of("a", "r", 0.5, true, List.of(v.id()), List.of(), List.of()));
      assertThat(JsonCodec.decodeScored(json).errors()).as(v.id()).isEmpty();
    }
  }

  /** Jackson reads 349000 as an int node and writes a BigDecimal back; compare numbers by value. */
  private static JsonNode normaliseNumbers(JsonNode node) {
    return JsonCodec.mapper().readTree(JsonCodec.mapper().writeValueAsString(
        JsonCodec.mapper().treeToValue(node, Object.class)));
  }
}
