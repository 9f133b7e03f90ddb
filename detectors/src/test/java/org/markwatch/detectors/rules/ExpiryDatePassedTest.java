package org.markwatch.detectors.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.junit.jupiter.api.Test;
import org.markwatch.detectors.DetectorConfig;
import org.markwatch.detectors.Detectors;
import org.markwatch.detectors.config.ConfigException;
import org.markwatch.model.Listing;
import org.markwatch.model.Scored;
import org.markwatch.model.Signal;

/** The {@code expiryDatePassed} condition inside a real ruleset, compiled by the detectors. */
class ExpiryDatePassedTest {
  private static final String BRANDS = "brands:\n  - {id: acme, name: Acme}\n";
  private static final String RULES =
      """
      rules:
        - id: expired.by-date
          violation: expired
          legalBasis: x
          weight: 0.8
          when:
            expiryDatePassed: {in: [title, text, attributes]}
      """;
  private static Detectors detectors;

  @BeforeContainer
  static void compile() {
    detectors = create(RULES);
  }

  @AfterContainer
  static void close() {
    detectors.close();
  }

  private static Detectors create(String rules) {
    return Detectors.create(
        new DetectorConfig(Map.of("brands/b.yaml", BRANDS), Map.of("rules/r.yaml", rules)));
  }

  private static Listing listing(String text, LocalDate observed, Map<String, String> attributes) {
    return Listing.builder("t:1", "t", "https://t.invalid/1", observed + "T09:30:00+07:00")
        .title("Sữa bột nhập khẩu")
        .text(text)
        .attributes(attributes)
        .build();
  }

  private static Signal signal(Scored s) {
    return s.signals().stream()
        .filter(x -> x.rule().equals("expired.by-date"))
        .findFirst()
        .orElse(null);
  }

  @Test
  void firesWithTheDateAsEvidenceWhenItIsBeforeTheObservationDate() {
    try (Detectors d = create(RULES)) {
      Scored s =
          d.score(listing("Xả kho, HSD: 05/2025, còn nguyên hộp", LocalDate.of(2026, 1, 1), null));
      assertThat(signal(s)).isNotNull();
      assertThat(signal(s).field()).isEqualTo("text");
      assertThat(signal(s).evidence()).isEqualTo("HSD: 05/2025");
      assertThat(s.violations()).contains("expired");
    }
  }

  @Test
  void aMonthOnlyDateLastsToTheEndOfTheMonth() {
    try (Detectors d = create(RULES)) {
      assertThat(signal(d.score(listing("HSD 05/2025", LocalDate.of(2025, 5, 31), null)))).isNull();
      assertThat(signal(d.score(listing("HSD 05/2025", LocalDate.of(2025, 6, 1), null))))
          .isNotNull();
      assertThat(signal(d.score(listing("HSD 12/03/2025", LocalDate.of(2025, 3, 12), null))))
          .isNull();
      assertThat(signal(d.score(listing("HSD 12/03/2025", LocalDate.of(2025, 3, 13), null))))
          .isNotNull();
    }
  }

  @Test
  void readsAttributesNamedLikeAnExpiryDateButNeverTheManufactureDate() {
    try (Detectors d = create(RULES)) {
      Scored s = d.score(listing(null, LocalDate.of(2026, 1, 1), Map.of("Hạn sử dụng", "10/2025")));
      assertThat(signal(s).field()).isEqualTo("attributes.Hạn sử dụng");
      assertThat(
              signal(
                  d.score(
                      listing(null, LocalDate.of(2026, 1, 1), Map.of("Ngày sản xuất", "10/2020")))))
          .isNull();
      assertThat(
              signal(d.score(listing("NSX 01/2020, HSD 01/2028", LocalDate.of(2026, 1, 1), null))))
          .isNull();
    }
  }

  @Test
  void attributeNamesAreReadDecomposedAndWithTheirColon() {
    String nfd = java.text.Normalizer.normalize("Hạn sử dụng", java.text.Normalizer.Form.NFD);
    try (Detectors d = create(RULES)) {
      for (String key : new String[] {nfd, "HSD:", "Expiry date :", "EXP -"}) {
        Scored s = d.score(listing(null, LocalDate.of(2026, 1, 1), Map.of(key, "10/2025")));
        assertThat(signal(s)).as(key).isNotNull();
        assertThat(signal(s).field()).isEqualTo("attributes." + key);
      }
      assertThat(ExpiryDatePassed.isExpiryKey("NSX:")).isFalse();
      assertThat(ExpiryDatePassed.isExpiryKey("Expert")).isFalse();
    }
  }

  @Test
  void withoutAnObservationDateNothingFires() {
    try (Detectors d = create(RULES)) {
      Listing l =
          Listing.builder("t:1", "t", "https://t.invalid/1", null).text("HSD 01/2001").build();
      assertThat(signal(d.score(l))).isNull();
    }
  }

  @Test
  void minDaysPastWaitsThatManyDays() {
    try (Detectors d =
        create(RULES.replace("{in: [title, text, attributes]}", "{minDaysPast: 30}"))) {
      assertThat(signal(d.score(listing("HSD 01/03/2025", LocalDate.of(2025, 3, 31), null))))
          .isNull();
      assertThat(signal(d.score(listing("HSD 01/03/2025", LocalDate.of(2025, 4, 1), null))))
          .isNotNull();
    }
  }

  @Test
  void badValuesAreRefusedWithLineAndColumn() {
    assertThatThrownBy(() -> create(RULES.replace("[title, text, attributes]", "[title, body]")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("rules/r.yaml:7:")
        .hasMessageContaining("unknown field 'body'")
        .satisfies(e -> assertThat(((ConfigException) e).column()).isEqualTo(38));
    assertThatThrownBy(
            () -> create(RULES.replace("{in: [title, text, attributes]}", "{minDaysPast: -2}")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("rules/r.yaml:7:26:")
        .hasMessageContaining("minDaysPast must be 0..3650, got -2");
    assertThatThrownBy(
            () -> create(RULES.replace("{in: [title, text, attributes]}", "{within: [title]}")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("rules/r.yaml:7:")
        .hasMessageContaining("unknown field 'within'");
    assertThatThrownBy(
            () ->
                create(RULES + "    examples:\n      fire: [{title: x, observedAt: yesterday}]\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("rules/r.yaml:9:")
        .hasMessageContaining("observedAt 'yesterday'");
    for (String bad :
        new String[] {"2026-03-01 9am", "2026-03-01T25:00:00Z", "2026-03-01T08:00:00"}) {
      assertThatThrownBy(
              () ->
                  create(
                      RULES
                          + "    examples:\n      fire: [{title: x, observedAt: '"
                          + bad
                          + "'}]\n"))
          .as(bad)
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith("rules/r.yaml:9:")
          .hasMessageContaining("observedAt '" + bad + "'");
    }
    try (Detectors d =
        create(
            RULES
                + "    examples:\n      quiet: [{title: x, observedAt: '2026-03-01T08:00:00+07:00'},"
                + " {title: y, observedAt: 2026-03-01}]\n")) {
      assertThat(d.rules()).hasSize(1);
    }
  }

  @Property(tries = 300)
  void aDateAfterTheObservationDateNeverFires(
      @ForAll @IntRange(min = 0, max = 20000) int observedDay,
      @ForAll @IntRange(min = 1, max = 4000) int daysLater) {
    LocalDate observed = LocalDate.of(2000, 1, 1).plusDays(observedDay);
    LocalDate expiry = observed.plusDays(daysLater);
    String[] forms = {
      String.format(
          "HSD: %02d/%02d/%d", expiry.getDayOfMonth(), expiry.getMonthValue(), expiry.getYear()),
      "hạn dùng " + expiry,
      String.format("EXP %02d/%d", expiry.getMonthValue(), expiry.getYear()),
      String.format("date %d/%02d", expiry.getMonthValue(), expiry.getYear() % 100)
    };
    for (String f : forms) {
      assertThat(signal(detectors.score(listing(f, observed, null))))
          .as(f + " seen " + observed)
          .isNull();
    }
  }

  @Property(tries = 300)
  void aDateBeforeTheObservationDateAlwaysFires(
      @ForAll @IntRange(min = 0, max = 20000) int observedDay,
      @ForAll @IntRange(min = 1, max = 4000) int daysEarlier) {
    LocalDate observed = LocalDate.of(2001, 1, 1).plusDays(observedDay);
    LocalDate expiry = observed.minusDays(daysEarlier);
    assertThat(
            signal(
                detectors.score(
                    listing(
                        String.format(
                            "HSD: %02d/%02d/%d",
                            expiry.getDayOfMonth(), expiry.getMonthValue(), expiry.getYear()),
                        observed,
                        null))))
        .isNotNull();
    boolean monthPast = YearMonth.from(expiry).isBefore(YearMonth.from(observed));
    assertThat(
            signal(
                    detectors.score(
                        listing(
                            String.format("EXP %02d/%d", expiry.getMonthValue(), expiry.getYear()),
                            observed,
                            null)))
                != null)
        .isEqualTo(monthPast);
  }
}
