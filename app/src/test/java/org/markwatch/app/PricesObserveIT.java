package org.markwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.markwatch.detectors.DetectorConfig;
import org.markwatch.detectors.Detectors;
import org.markwatch.detectors.TestConf;
import org.markwatch.model.Listing;
import org.markwatch.model.Money;
import org.markwatch.model.Scored;
import org.markwatch.pipeline.DetectorConfFiles;
import org.markwatch.storage.Database;
import org.markwatch.storage.DatabaseSettings;
import org.markwatch.storage.ListingStore;
import org.markwatch.storage.ObservedPriceQuery;
import org.markwatch.storage.ObservedPriceStore;
import org.markwatch.storage.ScoredListing;
import org.markwatch.storage.TestDatabase;

/**
 * {@code prices observe} over listings scored by the real detectors and stored in a real database:
 * the medians are the ones written by hand below, the file is read by the detectors unchanged and
 * moves the verdict of counterfeit.price-far-below-market.
 */
class PricesObserveIT {
  private static final Path CONF = TestConf.withoutRetailCatalog(); // see TestConf
  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), ZoneOffset.UTC);
  private static final String RULE = "counterfeit.price-far-below-market";

  /**
   * 25 genuine-priced Vans shoes, 2,760,000 to 3,240,000 VND in steps of 20,000: median 3,000,000,
   * MAD 120,000. Five "rep 1:1" copies at 300,000 are flagged counterfeit by the detectors;
   * counted, they would move the median to 2,950,000. One without a product type, one too old.
   */
  private static List<Listing> market() {
    List<Listing> out = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      out.add(
          listing(
              "v" + i,
              "Giày Vans Authentic màu " + i,
              2_760_000 + 20_000L * i,
              "2026-11-01T08:00:00Z"));
    }
    for (int i = 0; i < 5; i++) {
      out.add(
          listing(
              "rep" + i, "Giày Vans Authentic rep 1:1 màu " + i, 300_000, "2026-11-01T08:00:00Z"));
    }
    out.add(listing("notype", "Vans Authentic", 100_000, "2026-11-01T08:00:00Z"));
    out.add(listing("old", "Giày Vans Authentic cũ", 100_000, "2026-01-01T08:00:00Z"));
    return out;
  }

  private static Listing listing(String id, String title, long price, String observedAt) {
    return Listing.builder("shop:" + id, "shop", "https://shop.example.vn/" + id, observedAt)
        .title(title)
        .price(Money.vnd(price))
        .build();
  }

  private static void store(DatabaseSettings settings) {
    List<Scored> scored = store(settings, market());
    assertThat(scored.subList(25, 30))
        .allSatisfy(s -> assertThat(s.violations()).contains("counterfeit"));
    assertThat(scored.subList(0, 25))
        .allSatisfy(s -> assertThat(s.violations()).doesNotContain("counterfeit"));
  }

  /** Scores the listings with the real detectors and stores them; returns the verdicts. */
  private static List<Scored> store(DatabaseSettings settings, List<Listing> listings) {
    try (Detectors d = Detectors.create(DetectorConfFiles.read(CONF));
        Database db = Database.open(settings)) {
      List<Scored> scored = d.scoreAll(listings);
      List<ScoredListing> rows = new ArrayList<>();
      for (int i = 0; i < listings.size(); i++) {
        rows.add(new ScoredListing(listings.get(i), scored.get(i)));
      }
      assertThat(new ListingStore(db.dataSource()).saveAll(rows).rejected()).isEmpty();
      return scored;
    }
  }

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void writesTheMarketMedianThatTheDetectorsReadAndThatMovesTheRule(
      TestDatabase.Backend backend, @TempDir Path dir) throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend)) {
      store(scratch.settings());
      Path out = dir.resolve("observed-prices.yaml");
      ObservedPriceQuery.Result r = observeAndStore(scratch.settings(), out);

      assertThat(r.groups())
          .containsExactly(
              new ObservedPriceQuery.Group("vans", "", "shoes", 3_000_000, 120_000, 25));
      // --store: the same figures in the database, for running jobs
      try (Database db = Database.openWithoutMigrating(scratch.settings())) {
        assertThat(new ObservedPriceStore(db.dataSource()).all())
            .containsExactly(
                new ObservedPriceStore.Price(
                    "vans", "", "shoes", 3_000_000, 120_000, 25, NOW.instant()));
      }
      assertThat(r.counterfeit()).isEqualTo(5);
      assertThat(r.noType()).isEqualTo(1);
      String text = Files.readString(out);
      assertThat(text)
          .startsWith("# Observed market prices")
          .contains(
              "Computed 2026-11-24T00:00:00Z",
              "--since 90 --min-samples 20",
              "observed since 2026-08-26T00:00:00Z",
              "left out: 5 with a counterfeit verdict")
          .contains(
              "catalog: observed-prices\nobservedPrices:\n"
                  + "  - {brand: \"vans\", type: \"shoes\", median: 3000000, mad: 120000, samples: 25}\n");
      assertThat(text).doesNotContain("password");

      // the same conf with the computed file in place of the seed values
      DetectorConfig seed = DetectorConfFiles.read(CONF);
      Map<String, String> brands = new TreeMap<>(seed.brandFiles());
      brands.put("brands/observed-prices.yaml", text);
      DetectorConfig computed = new DetectorConfig(brands, seed.ruleFiles());
      Listing probe =
          listing("probe", "Giày Vans Authentic đen trắng", 700_000, "2026-11-20T08:00:00Z");
      try (Detectors before = Detectors.create(seed);
          Detectors after = Detectors.create(computed)) {
        // seed median 1,600,000: 700,000 is not below 0.3 x; computed median 3,000,000: it is
        assertThat(fired(before.score(probe))).isFalse();
        assertThat(fired(after.score(probe))).isTrue();
        assertThat(after.score(probe).signals())
            .filteredOn(s -> s.rule().equals(RULE))
            .singleElement()
            .satisfies(
                s -> assertThat(s.evidence()).contains("observed median 3,000,000 VND", "n=25"));
      }
    }
  }

  @Test
  void aProductLineGetsItsOwnMedianAndTheRuleComparesWithIt(@TempDir Path dir) throws Exception {
    // 25 Vans Authentic at 1,000,000 and 25 Vans Old Skool (a line of the catalog) at 3,000,000:
    // the brand's median is 2,000,000, the line's 3,000,000
    List<Listing> listings = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      listings.add(
          listing("a" + i, "Giày Vans Authentic màu " + i, 1_000_000, "2026-11-01T08:00:00Z"));
      listings.add(
          listing("o" + i, "Giày Vans Old Skool màu " + i, 3_000_000, "2026-11-01T08:00:00Z"));
    }
    try (TestDatabase scratch = TestDatabase.create(TestDatabase.Backend.H2)) {
      store(scratch.settings(), listings);
      Path out = dir.resolve("observed-prices.yaml");
      ObservedPriceQuery.Result r = observeAndStore(scratch.settings(), out);
      assertThat(r.groups())
          .containsExactly(
              new ObservedPriceQuery.Group("vans", "", "shoes", 2_000_000, 1_000_000, 50),
              new ObservedPriceQuery.Group("vans", "Old Skool", "shoes", 3_000_000, 0, 25));
      String text = Files.readString(out);
      assertThat(text).contains("{brand: \"vans\", line: \"Old Skool\", type: \"shoes\"");

      // 800,000 is not below 0.3 x the brand's 2,000,000, but below 0.3 x the line's 3,000,000
      DetectorConfig seed = DetectorConfFiles.read(CONF);
      Map<String, String> brands = new TreeMap<>(seed.brandFiles());
      brands.put("brands/observed-prices.yaml", text);
      try (Detectors after = Detectors.create(new DetectorConfig(brands, seed.ruleFiles()))) {
        Listing oldSkool =
            listing("probe1", "Giày Vans Old Skool đen trắng", 800_000, "2026-11-20T08:00:00Z");
        Listing authentic =
            listing("probe2", "Giày Vans Authentic đen trắng", 800_000, "2026-11-20T08:00:00Z");
        assertThat(after.score(oldSkool).signals())
            .filteredOn(x -> x.rule().equals(RULE))
            .singleElement()
            .satisfies(
                x ->
                    assertThat(x.evidence())
                        .contains("observed median 3,000,000 VND", "Vans Old Skool", "n=25"));
        assertThat(fired(after.score(authentic))).isFalse();
      }
    }
  }

  /** {@code prices observe --since 90 --min-samples 20 --out FILE --store} at {@link #NOW}. */
  private static ObservedPriceQuery.Result observeAndStore(DatabaseSettings settings, Path out) {
    return PricesCommand.Observe.observe(
        settings,
        new DetectorConfig(DetectorConfFiles.readDir(CONF, "brands"), Map.of()),
        90,
        20,
        out,
        true,
        NOW);
  }

  private static boolean fired(Scored s) {
    return s.signals().stream().anyMatch(x -> x.rule().equals(RULE));
  }

  @Test
  void theCommandWritesTheFileFromTheEmbeddedDatabase(@TempDir Path dir) {
    Path data = dir.resolve("data");
    store(DatabaseSettings.h2File(data.resolve("db").toAbsolutePath()));
    Path out = dir.resolve("prices.yaml");
    // observed 2026-11-01, so a --since of 3650 days takes them in whatever today is
    int code =
        Main.run(
            "prices",
            "observe",
            "--since",
            "3650",
            "--min-samples",
            "25",
            "--out",
            out.toString(),
            "--data",
            data.toString(),
            "--conf",
            CONF.toString());
    assertThat(code).isEqualTo(0);
    assertThat(out)
        .content()
        .contains("{brand: \"vans\", type: \"shoes\", median: 3000000, mad: 120000, samples: 25}");
    assertThat(
            Main.run(
                "prices",
                "observe",
                "--min-samples",
                "0",
                "--out",
                out.toString(),
                "--data",
                data.toString()))
        .isEqualTo(2);
  }
}
