package org.markwatch.detectors.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.markwatch.detectors.TestData;
import org.markwatch.model.Listing;

/**
 * Rule examples are written apart from the dev set: an example copied from a dev title would make
 * the dev-set figures and the example both prove less. Titles are compared lower-cased with spaces
 * made uniform. The held-out set is kept apart from the dev set the same way.
 */
class RuleExamplesApartFromDevSetTest {
  static String norm(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }

  static Set<String> devTitles() {
    Set<String> dev = new HashSet<>();
    for (Listing l : TestData.devListings()) {
      if (l.title() != null && !l.title().isBlank()) {
        dev.add(norm(l.title()));
      }
    }
    return dev;
  }

  @Test
  void noRuleExampleIsADevTitle() {
    assumeTrue(
        Files.exists(TestData.shared().resolve("data/dev-listings.jsonl")), "needs ../shared");
    Set<String> dev = devTitles();
    List<String> copied = new ArrayList<>();
    for (Rule r : TestData.defaultDetectors().rules()) {
      for (ExampleListing e : r.examples().fire()) {
        if (dev.contains(norm(e.title()))) copied.add(r.id() + " fire: " + e.title());
      }
      for (ExampleListing e : r.examples().quiet()) {
        if (dev.contains(norm(e.title()))) copied.add(r.id() + " quiet: " + e.title());
      }
    }
    assertThat(copied).as("rule examples copied word for word from dev-set titles").isEmpty();
  }

  @Test
  void noHeldOutTitleIsADevTitle() throws Exception {
    assumeTrue(
        Files.exists(TestData.shared().resolve("data/dev-listings.jsonl")), "needs ../shared");
    Set<String> dev = devTitles();
    List<String> copied = new ArrayList<>();
    try (var in = getClass().getResourceAsStream("/heldout/heldout.jsonl")) {
      for (String line :
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          String title = org.markwatch.model.JsonCodec.decodeListing(line).value().title();
          if (dev.contains(norm(title))) copied.add(title);
        }
      }
    }
    assertThat(copied).isEmpty();
  }
}
