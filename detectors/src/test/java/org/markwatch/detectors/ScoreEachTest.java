package org.markwatch.detectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.markwatch.model.Listing;

class ScoreEachTest {
  /**
   * A rule whose regex recurses once per character: a few KB of matching text overflow the stack.
   */
  private static final DetectorConfig RECURSIVE =
      new DetectorConfig(
          Map.of("brands/b.yaml", "brands:\n  - {id: acme, name: Acme}\n"),
          Map.of(
              "rules/r.yaml",
              """
          rules:
            - id: misleading.recursive
              violation: misleading
              legalBasis: test
              weight: 0.9
              when: {patterns: {in: [text], any: ["(?:a|b)*c"]}}
          """));

  private static Listing listing(int i, String text) {
    return Listing.builder(
            "shop:" + i, "shop", "https://shop.example.vn/" + i, "2026-11-20T08:00:00Z")
        .title("Nồi cơm điện " + i)
        .text(text)
        .build();
  }

  @Test
  void aListingTheDetectorsFailOnFailsAloneAndTheOthersKeepTheirVerdicts() {
    List<Listing> listings =
        List.of(listing(0, "abc"), listing(1, "ab".repeat(5_000) + "c"), listing(2, "Hàng mới"));
    try (Detectors d = Detectors.create(RECURSIVE)) {
      assertThatThrownBy(() -> d.scoreAll(listings)).isInstanceOf(StackOverflowError.class);
      List<Detectors.Outcome> out = d.scoreEach(listings);
      assertThat(out).extracting(Detectors.Outcome::ok).containsExactly(true, false, true);
      assertThat(out.get(1).reason()).startsWith("detectors failed: StackOverflowError");
      assertThat(out.get(0).scored()).isEqualTo(d.score(listings.get(0)));
      assertThat(out.get(0).scored().violations()).containsExactly("misleading");
      assertThat(out.get(2).scored().flagged()).isFalse();
    }
  }
}
