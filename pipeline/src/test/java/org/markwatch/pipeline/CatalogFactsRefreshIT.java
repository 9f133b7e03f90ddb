package org.markwatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Listing;
import org.markwatch.model.Money;
import org.markwatch.model.Scored;
import org.markwatch.model.Seller;
import org.markwatch.model.Signal;
import org.markwatch.pipeline.evidence.ShopEvidence;
import org.markwatch.storage.Database;
import org.markwatch.storage.ObservedPriceStore;
import org.markwatch.storage.TestDatabase;
import org.markwatch.storage.origin.OriginStore;

/**
 * Catalog facts from the database reach a running job without a restart (a watching job on the
 * MiniCluster, PostgreSQL, database refresh every 300 ms):
 *
 * <ul>
 *   <li>observed prices: a Converse Chuck Taylor at 900,000 VND is not far below the configured
 *       seed figure for Converse shoes; once {@code observed_prices} holds 5,000,000 VND for the
 *       Chuck Taylor line (and 1,000,000 VND for Converse shoes overall), the same listing observed
 *       again is, against the line's figure;
 *   <li>authorised sellers: a shop named after Adidas is an IP signal, and a shop whose other
 *       listings say "rep 1:1" raises its plain Gucci listing; once the brand owners register both
 *       in {@code authorised_sellers}, their next listings are neither.
 * </ul>
 */
class CatalogFactsRefreshIT {
  private static final Duration PATIENCE = Duration.ofSeconds(120);
  private static final String PRICE_RULE = "counterfeit.price-far-below-market";
  private static final String SHOP_NAME_RULE = "ip.brand-in-shop-name";

  @TempDir Path dir;

  @Test
  void observedPricesAndAuthorisedSellersChangeVerdictsWhileRunning() throws Exception {
    Path spool = Files.createDirectories(dir.resolve("spool"));
    Seller adidasShop = seller("shopee:shop:adi", "Adidas Outlet Sài Gòn");
    Seller repShop = seller("shopee:shop:rep", "Giày Túi Xịn");
    try (TestDatabase scratch = TestDatabase.create(TestDatabase.Backend.POSTGRES)) {
      ScoringJob job =
          ScoringJob.builder()
              .spoolDir(spool)
              .deadLetterFile(dir.resolve("dead.jsonl"))
              .database(scratch.settings())
              .detectorConfig(ScoringJobTest.detectorConfig())
              .parallelism(1)
              .watch(Duration.ofMillis(200))
              .databaseRefresh(Duration.ofMillis(300))
              .build();
      try (RunningScoringJob running = job.start();
          Database db = Database.openWithoutMigrating(scratch.settings())) {
        drop(
            spool,
            "a",
            List.of(
                listing("shopee:conv-1", seller("shopee:shop:c", "Giày Sneaker 68"))
                    .title("Giày Converse Chuck Taylor All Star cổ thấp")
                    .price(Money.vnd(900_000))
                    .build(),
                listing("shopee:adi-1", adidasShop).title("Áo khoác gió nam chống nước").build(),
                listing("shopee:rep-adm-1", repShop).title("Túi Gucci Marmont rep 1:1").build(),
                listing("shopee:rep-adm-2", repShop).title("Ví Gucci GG rep 1:1").build(),
                listing("shopee:rep-plain-1", repShop).title("Túi xách Gucci Dionysus").build()));
        waitFor("the first file stored", () -> stored(db) == 5);
        assertThat(signal(verdict(db, "shopee:conv-1"), PRICE_RULE)).isNull();
        assertThat(signal(verdict(db, "shopee:adi-1"), SHOP_NAME_RULE)).isNotNull();
        assertThat(signal(verdict(db, "shopee:rep-plain-1"), ShopEvidence.SHOP_RULE)).isNotNull();
        long before = running.factsApplied();

        Instant now = Instant.parse("2026-12-06T00:00:00Z");
        new ObservedPriceStore(db.dataSource())
            .replace(
                List.of(
                    new ObservedPriceStore.Price(
                        "converse", "", "shoes", 1_000_000, 200_000, 40, now),
                    new ObservedPriceStore.Price(
                        "converse", "Chuck Taylor", "shoes", 5_000_000, 500_000, 40, now)));
        OriginStore origin = new OriginStore(db.dataSource());
        origin.authoriseSeller("adidas", "shopee:shop:adi", null, "Adidas Outlet", null, "test");
        origin.authoriseSeller("gucci", "shopee:shop:rep", null, "Giày Túi Xịn", null, "test");
        waitFor("the new facts taken up", () -> running.factsApplied() > before);

        drop(
            spool,
            "b",
            List.of(
                listing("shopee:conv-2", seller("shopee:shop:c", "Giày Sneaker 68"))
                    .title("Giày Converse Chuck Taylor All Star cổ thấp")
                    .price(Money.vnd(900_000))
                    .build(),
                listing("shopee:adi-2", adidasShop).title("Quần short thể thao nam").build(),
                listing("shopee:rep-plain-2", repShop).title("Thắt lưng Gucci da bò").build()));
        waitFor("the second file stored", () -> stored(db) == 8);
        assertThat(signal(verdict(db, "shopee:conv-2"), PRICE_RULE))
            .isNotNull()
            .contains("observed median 5,000,000 VND (Converse Chuck Taylor shoes, n=40)");
        assertThat(signal(verdict(db, "shopee:adi-2"), SHOP_NAME_RULE)).isNull();
        assertThat(signal(verdict(db, "shopee:rep-plain-2"), ShopEvidence.SHOP_RULE)).isNull();
        running.stop();
      }
    }
  }

  private static void drop(Path spool, String name, List<Listing> listings) throws Exception {
    Path hidden = spool.resolve("." + name + ".jsonl");
    Files.write(hidden, listings.stream().map(JsonCodec::encode).toList());
    Files.move(hidden, spool.resolve(name + ".jsonl"));
  }

  private static long stored(Database db) {
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM verdicts");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (Exception e) {
      return -1;
    }
  }

  private static Scored verdict(Database db, String listingId) throws Exception {
    try (Connection c = db.connection();
        PreparedStatement ps =
            c.prepareStatement("SELECT scored_json FROM verdicts WHERE listing_id = ?")) {
      ps.setString(1, listingId);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).as("verdict of %s", listingId).isTrue();
        return JsonCodec.mapper().readValue(rs.getString(1), Scored.class);
      }
    }
  }

  private static String signal(Scored s, String rule) {
    return s.signals().stream()
        .filter(x -> x.rule().equals(rule) && x.weight() > 0)
        .map(Signal::evidence)
        .findFirst()
        .orElse(null);
  }

  private static void waitFor(String what, BooleanSupplier condition) throws Exception {
    long until = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("%s within %s", what, PATIENCE).isLessThan(until);
      Thread.sleep(200);
    }
  }

  private static Listing.Builder listing(String id, Seller seller) {
    return Listing.builder(id, "shopee", "https://shopee.vn/p/" + id, "2026-12-01T08:00:00Z")
        .price(Money.vnd(4_500_000))
        .seller(seller);
  }

  private static Seller seller(String id, String name) {
    return new Seller(
        id,
        name,
        "https://shopee.vn/" + id.substring(id.lastIndexOf(':') + 1),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
