package org.markwatch.crawler.extract.schemaorg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class LenientJsonTest {

  @Test
  void commentsQuotesTrailingCommasAndRawNewlines() {
    JsonNode n =
        LenientJson.read("// lead\n{name: 'Áo', \"d\": \"a\nb\", list: [1, 2,], /* c */ }");
    assertThat(n.get("name").asString()).isEqualTo("Áo");
    assertThat(n.get("d").asString()).isEqualTo("a\nb");
    assertThat(n.get("list")).hasSize(2);
  }

  @Test
  void wrappersAndSeveralObjectsInARow() {
    List<JsonNode> all = LenientJson.readAll("<!-- <![CDATA[ {\"a\":1} {\"b\":2} ]]> -->");
    assertThat(all).hasSize(2);
    assertThat(all.get(1).get("b").asInt()).isEqualTo(2);
  }

  @Test
  void cutOffDocumentIsClosedAtItsLastCompleteMember() {
    JsonNode n =
        LenientJson.read(
            "{\"@type\":\"Product\",\"name\":\"X\",\"offers\":{\"price\":\"5\",\"priceCurrency\":\"US");
    assertThat(n.get("name").asString()).isEqualTo("X");
    assertThat(n.get("offers").get("price").asString()).isEqualTo("5");
    assertThat(LenientJson.read("{\"a\":1,\"b\":[1,2")).isNotNull();
  }

  @Test
  void hopelessOrTooDeepInputGivesNothing() {
    assertThat(LenientJson.readAll("not json at all")).isEmpty();
    assertThat(LenientJson.readAll("")).isEmpty();
    assertThat(LenientJson.readAll(null)).isEmpty();
    assertThat(
            LenientJson.readAll(
                "[".repeat(LenientJson.MAX_DEPTH + 50) + "]".repeat(LenientJson.MAX_DEPTH + 50)))
        .isEmpty();
  }
}
