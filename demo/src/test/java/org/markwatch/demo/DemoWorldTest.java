package org.markwatch.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.markwatch.model.Violation;
import org.markwatch.model.validate.VnTaxCode;

class DemoWorldTest {
  private final DemoWorld world = DemoWorld.generate(42);

  @Test
  void sameSeedGivesEqualWorldsAndAnotherSeedAnotherWorld() {
    DemoWorld again = DemoWorld.generate(42);
    assertThat(again.listings()).isEqualTo(world.listings());
    assertThat(again.sellers()).isEqualTo(world.sellers());
    assertThat(again.now()).isEqualTo(world.now());

    DemoWorld other = DemoWorld.generate(7);
    assertThat(other.listings()).hasSameSizeAs(world.listings());
    assertThat(other.listings().stream().map(DemoListing::title).toList())
        .isNotEqualTo(world.listings().stream().map(DemoListing::title).toList());
  }

  @Test
  void hasAtLeast300ListingsOnThreePlatformsWithUniqueIds() {
    assertThat(world.listings()).hasSizeGreaterThanOrEqualTo(300);
    assertThat(world.listings(DemoPlatform.CHOSI)).hasSize(DemoWorld.CHOSI_LISTINGS);
    assertThat(world.listings(DemoPlatform.MUABAN)).hasSize(DemoWorld.MUABAN_LISTINGS);
    assertThat(world.listings(DemoPlatform.MANGXA)).hasSize(DemoWorld.MANGXA_POSTS);
    assertThat(world.listings().stream().map(DemoListing::listingId).distinct())
        .hasSize(world.listings().size());
    for (DemoListing l : world.listings()) {
      assertThat(l.listingId()).isEqualTo(l.platform().id() + ":" + l.nativeId());
      assertThat(l.nativeId()).matches("[0-9]+");
      assertThat(l.path()).contains(l.nativeId());
      assertThat(world.seller(l.sellerId())).as(l.listingId()).isPresent();
    }
  }

  @Test
  void violationsAreAMinorityAndAgreeWithTheCase() {
    long flagged = world.listings().stream().filter(DemoListing::expectedFlagged).count();
    double share = (double) flagged / world.listings().size();
    assertThat(share).isBetween(0.33, 0.42);
    for (DemoListing l : world.listings()) {
      assertThat(l.expectedFlagged())
          .as(l.listingId() + " " + l.caseLabel())
          .isEqualTo(
              l.caseLabel().violating()
                  || l.expectedViolations().contains(Violation.SELLER_NONCOMPLIANT));
      if (!l.caseLabel().violating()) {
        assertThat(l.expectedViolations()).as(l.listingId()).isEmpty();
      }
    }
    Set<DemoCase> seen =
        world.listings().stream().map(DemoListing::caseLabel).collect(Collectors.toSet());
    assertThat(seen).containsAll(List.of(DemoCase.values()));
  }

  @Test
  void sellersWithoutBusinessInformationMakeTheirListingsNoncompliant() {
    for (DemoListing l : world.listings()) {
      DemoSeller s = world.seller(l.sellerId()).orElseThrow();
      boolean expected = l.platform().marketplace() && !s.compliant();
      assertThat(l.expectedViolations().contains(Violation.SELLER_NONCOMPLIANT))
          .as(l.listingId())
          .isEqualTo(expected);
      if (l.caseLabel() == DemoCase.OFFICIAL_STORE) {
        assertThat(s.official()).isTrue();
        assertThat(l.brandIds()).containsExactly(s.officialBrandId());
      }
    }
    assertThat(world.sellers(DemoPlatform.CHOSI))
        .anyMatch(s -> !s.compliant())
        .anyMatch(DemoSeller::official);
    assertThat(world.sellers(DemoPlatform.MUABAN))
        .anyMatch(s -> !s.compliant())
        .anyMatch(DemoSeller::official);
  }

  @Test
  void everyShownTaxCodeHasAValidCheckDigit() {
    List<DemoSeller> withCodes = world.sellers().stream().filter(DemoSeller::compliant).toList();
    assertThat(withCodes).hasSizeGreaterThan(20);
    for (DemoSeller s : withCodes) {
      assertThat(validTaxCode(s.business().taxCode()))
          .as(s.name() + " " + s.business().taxCode())
          .isTrue();
    }
  }

  /** A 10-digit code valid by the validator the crawler and the detectors use. */
  static boolean validTaxCode(String code) {
    return code.matches("[0-9]{10}") && VnTaxCode.validate(code).valid();
  }

  @Test
  void brandIdsAreThoseOfTheCoreCatalog() throws IOException {
    Path tsv =
        Path.of(
            System.getProperty("markwatch.shared", "../../shared"), "data/brands/core-brands.tsv");
    Set<String> known =
        Files.readAllLines(tsv, StandardCharsets.UTF_8).stream()
            .skip(1)
            .map(line -> line.split("\t")[0])
            .collect(Collectors.toSet());
    Set<String> used = new HashSet<>();
    world.listings().forEach(l -> used.addAll(l.brandIds()));
    assertThat(used).hasSizeGreaterThan(50);
    assertThat(known).containsAll(used);
    for (ProductCatalog.Brand b : new ProductCatalog().brands()) {
      assertThat(known).as(b.id()).contains(b.id());
    }
  }

  @Test
  void muabanHasHalfJsonLdHalfMicrodata() {
    Map<DemoListing.Markup, Long> markup =
        world.listings(DemoPlatform.MUABAN).stream()
            .collect(Collectors.groupingBy(DemoListing::markup, Collectors.counting()));
    assertThat(markup)
        .containsEntry(DemoListing.Markup.JSON_LD, 50L)
        .containsEntry(DemoListing.Markup.MICRODATA, 50L);
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 2, 3, 99, 20261120, -5})
  void invariantsHoldForOtherSeeds(long seed) {
    DemoWorld w = DemoWorld.generate(seed);
    assertThat(w.listings()).hasSize(340);
    assertThat(w.listings().stream().map(DemoListing::listingId).distinct()).hasSize(340);
    assertThat(w.listings().stream().map(DemoListing::path).distinct()).hasSize(340);
    assertThat(w.sellers().stream().map(DemoSeller::sellerId).distinct())
        .hasSize(w.sellers().size());
    w.sellers().stream()
        .filter(DemoSeller::compliant)
        .forEach(
            s ->
                assertThat(validTaxCode(s.business().taxCode()))
                    .as(s.business().taxCode())
                    .isTrue());
    assertThat(postPriceFormats(w)).hasSizeGreaterThanOrEqualTo(3);
    assertThat(w.listings()).anyMatch(l -> l.title().equals(WorldGenerator.HOSTILE_TITLE));
    for (DemoPlatform p : List.of(DemoPlatform.CHOSI, DemoPlatform.MUABAN)) {
      for (DemoListing l : w.listings(p)) {
        assertThat(l.priceVnd()).as(l.title()).isPositive();
        assertThat(l.title()).isNotBlank();
        assertThat(l.images()).isNotEmpty();
      }
    }
  }

  @Test
  void postsStateTheirPriceInAVietnameseFormatAndTheirContacts() {
    Set<String> formats = postPriceFormats(world);
    assertThat(formats).containsExactlyInAnyOrder("grouped", "tr", "triệu", "k");
    assertThat(world.listings(DemoPlatform.MANGXA))
        .anyMatch(p -> p.text().contains("zalo"))
        .anyMatch(p -> p.post().contacts().isEmpty());
  }

  /**
   * Checks every post's written price and contacts against the ground truth; returns the formats
   * seen.
   */
  private static Set<String> postPriceFormats(DemoWorld world) {
    Pattern pricePattern =
        Pattern.compile(
            "(\\d{1,3}(?:\\.\\d{3})+) ?(?:đ|VNĐ)|(\\d+)tr(\\d?)\\b|(\\d+)(?:,(\\d))? triệu|(\\d+)[kK]\\b");
    Set<String> formats = new HashSet<>();
    for (DemoListing p : world.listings(DemoPlatform.MANGXA)) {
      Matcher m = pricePattern.matcher(p.text());
      assertThat(m.find()).as(p.text()).isTrue();
      long amount;
      if (m.group(1) != null) {
        amount = Long.parseLong(m.group(1).replace(".", ""));
        formats.add("grouped");
      } else if (m.group(2) != null) {
        amount =
            Long.parseLong(m.group(2)) * 1_000_000
                + (m.group(3).isEmpty() ? 0 : Long.parseLong(m.group(3)) * 100_000);
        formats.add("tr");
      } else if (m.group(4) != null) {
        amount =
            Long.parseLong(m.group(4)) * 1_000_000
                + (m.group(5) == null ? 0 : Long.parseLong(m.group(5)) * 100_000);
        formats.add("triệu");
      } else {
        amount = Long.parseLong(m.group(6)) * 1_000;
        formats.add("k");
      }
      assertThat(amount).as(p.text()).isEqualTo(p.priceVnd());
      String digits = p.text().replaceAll("[.\\- ]", "");
      for (DemoContact c : p.post().contacts()) {
        assertThat(digits).contains(c.value());
        assertThat(c.value()).matches("0[35789][0-9]{8}");
      }
    }
    return formats;
  }

  @Test
  void labelLinesCarryTheGroundTruthInTheEvalToolsShape() {
    List<String> lines = world.labelLines();
    assertThat(lines).hasSize(world.listings().size());
    DemoListing first = world.listings().get(0);
    var node = org.markwatch.model.JsonCodec.mapper().readTree(lines.get(0));
    assertThat(node.path("id").asString()).isEqualTo(first.listingId());
    assertThat(node.path("flagged").asBoolean()).isEqualTo(first.expectedFlagged());
    assertThat(node.path("brands").size()).isEqualTo(first.brandIds().size());
    assertThat(node.path("violations").size()).isEqualTo(first.expectedViolations().size());
    assertThat(node.path("case").asString()).isEqualTo(first.caseLabel().label());
  }

  @Test
  void countsAddUp() {
    DemoCounts chosi = world.counts(DemoPlatform.CHOSI);
    assertThat(chosi.listings()).isEqualTo(160);
    int pages =
        world.categories(DemoPlatform.CHOSI).values().stream()
            .mapToInt(in -> (in.size() + 19) / 20)
            .sum();
    assertThat(chosi.categoryPages())
        .isEqualTo(pages)
        .isGreaterThan(world.categories(DemoPlatform.CHOSI).size());
    assertThat(chosi.crawlablePages()).isEqualTo(1 + pages + 160 + chosi.sellers());
    DemoCounts mangxa = world.counts(DemoPlatform.MANGXA);
    assertThat(mangxa.feedBatches()).isEqualTo(8);
  }
}
