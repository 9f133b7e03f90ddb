package org.markwatch.detectors.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.markwatch.detectors.DetectorConfig;
import org.markwatch.detectors.Detectors;
import org.markwatch.detectors.config.ConfigException;
import org.markwatch.model.Listing;

/** A term preceded by a guarantee, negation or condition in its clause does not count. */
class TermContextTest {
  private static final String BRANDS = "brands:\n  - {id: acme, name: Acme}\n";
  private static final String RULES =
      """
      rules:
        - id: c.admission
          violation: counterfeit
          legalBasis: x
          weight: 0.9
          when:
            terms:
              in: [title, text]
              any: [hàng giả, hàng fake]
              notAfter: [nếu, phát hiện, không bán]
              notAfterWords: 3
      """;
  private static Detectors detectors;

  @BeforeAll
  static void compile() {
    detectors =
        Detectors.create(
            new DetectorConfig(Map.of("brands/b.yaml", BRANDS), Map.of("rules/r.yaml", RULES)));
  }

  @AfterAll
  static void close() {
    detectors.close();
  }

  private static boolean flagged(String text) {
    Listing l =
        Listing.builder("t:1", "t", "http://127.0.0.1/1", "2026-11-24T00:00:00Z")
            .title("Túi xách")
            .text(text)
            .build();
    return detectors.score(l).flagged();
  }

  @Test
  void aTermInsideAGuaranteeIsNoAdmission() {
    assertThat(flagged("Hoàn tiền gấp đôi nếu phát hiện hàng giả")).isFalse();
    assertThat(flagged("Shop không bán hàng fake")).isFalse();
    assertThat(flagged("hoan tien neu la hang gia"))
        .isFalse(); // accents optional for the context too
  }

  @Test
  void theSameTermOutsideTheWindowOrClauseStillCounts() {
    assertThat(flagged("Hàng giả loại đẹp")).isTrue();
    assertThat(flagged("Nếu khách cần thì ib, hàng giả loại đẹp")).isTrue(); // another clause
    assertThat(flagged("Nếu khách cần mua thêm mẫu hàng giả")).isTrue(); // 5 words back, window 3
    assertThat(flagged("Nếu phát hiện hàng giả hoàn tiền. Còn đây là hàng fake loại 1"))
        .isTrue(); // second hit
  }

  @Test
  void windowOutOfRangeIsRefused() {
    assertThatThrownBy(
            () ->
                Detectors.create(
                    new DetectorConfig(
                        Map.of("brands/b.yaml", BRANDS),
                        Map.of(
                            "rules/r.yaml",
                            RULES.replace("notAfterWords: 3", "notAfterWords: 40")))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("notAfterWords must be 1..12");
  }
}
