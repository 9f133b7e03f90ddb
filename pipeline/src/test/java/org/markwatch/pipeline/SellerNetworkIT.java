package org.markwatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markwatch.model.Contact;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Listing;
import org.markwatch.model.Money;
import org.markwatch.model.Scored;
import org.markwatch.model.Seller;
import org.markwatch.model.Signal;
import org.markwatch.pipeline.evidence.ShopEvidence;
import org.markwatch.storage.Database;
import org.markwatch.storage.TestDatabase;
import org.markwatch.storage.networks.NetworkMembership;
import org.markwatch.storage.networks.SellerLink;
import org.markwatch.storage.networks.SellerNetwork;
import org.markwatch.storage.networks.SellerNetworkStore;

/**
 * Seller networks and shop-level evidence through the real job (MiniCluster, bounded spool runs)
 * into the real PostgreSQL server:
 *
 * <ol>
 *   <li>three sellers on three platforms linked by a phone written two ways and a shared Zalo
 *       account become one network (id, members, links, counts); a replica shop whose other
 *       listings say "rep 1:1" raises its plain branded listing with an explained signal; an
 *       official store with the same kind of listings is never raised;
 *   <li>after the first seller is confirmed a violator, the next run raises the branded listings of
 *       the two others: one shares its phone with the violator, the other only its network.
 * </ol>
 */
class SellerNetworkIT {
  @TempDir Path dir;

  @Test
  void sellersSharingContactsFormANetworkAndShopsBetrayTheirListings() throws Exception {
    try (TestDatabase scratch = TestDatabase.create(TestDatabase.Backend.POSTGRES)) {
      Path spool = Files.createDirectories(dir.resolve("spool1"));
      List<Listing> first = new ArrayList<>();
      // the network: A (shopee) --phone-- B (facebook) --zalo-- C (lazada)
      first.add(
          listing("shopee:1", "shopee", seller("shopee:shop:a", "Tiệm A", "0912 345 678", null))
              .title("Nồi cơm điện mini 1.2 lít")
              .build());
      first.add(
          listing("facebook:1", "facebook", seller("facebook:page:b", "Bé B", null, "zalo-b-shop"))
              .title("Quạt tích điện để bàn")
              .contacts(List.of(new Contact("phone", "+84 912.345.678")))
              .build());
      first.add(
          listing("lazada:1", "lazada", seller("lazada:shop:c", "C Store", null, "Zalo-B-Shop"))
              .title("Ấm siêu tốc inox")
              .build());
      // a replica shop: its plain branded listing first, the admissions after it
      Seller rep = seller("shopee:shop:rep", "Giày Túi Xịn", null, null);
      first.add(listing("shopee:rep0", "shopee", rep).title("Túi xách Gucci Dionysus").build());
      first.add(listing("shopee:rep1", "shopee", rep).title("Túi Gucci Marmont rep 1:1").build());
      first.add(
          listing("shopee:rep2", "shopee", rep).title("Giày Gucci Ace trắng rep 1:1").build());
      first.add(
          listing("shopee:rep3", "shopee", rep).title("Ví Gucci GG rep 1:1 full box").build());
      // the same listings from an official store of the brand (allow-listed by shop name)
      Seller official = seller("shopee:shop:gucci", "Gucci Official Store", null, null);
      first.add(
          listing("shopee:off0", "shopee", official).title("Túi xách Gucci Dionysus").build());
      first.add(
          listing("shopee:off1", "shopee", official).title("Túi Gucci Marmont rep 1:1").build());
      first.add(
          listing("shopee:off2", "shopee", official).title("Giày Gucci Ace trắng rep 1:1").build());
      first.add(
          listing("shopee:off3", "shopee", official).title("Ví Gucci GG rep 1:1 full box").build());
      write(spool.resolve("a.jsonl"), first);
      JobReport r1 = job(scratch, spool).run();
      assertThat(r1.valid()).isEqualTo(first.size());
      assertThat(r1.storeFailed()).isZero();

      try (Database db = Database.openWithoutMigrating(scratch.settings())) {
        SellerNetworkStore networks = new SellerNetworkStore(db.dataSource());
        Optional<String> id = networks.networkOf("shopee:shop:a");
        assertThat(id).isPresent();
        assertThat(networks.members(id.get()))
            .extracting(NetworkMembership::sellerId)
            .containsExactly("facebook:page:b", "lazada:shop:c", "shopee:shop:a");
        assertThat(networks.links(id.get()))
            .extracting(l -> l.kind() + ":" + l.value())
            .containsExactlyInAnyOrder("phone:0912345678", "zalo:zalo-b-shop");
        SellerNetwork n = networks.find(id.get()).orElseThrow();
        assertThat(n.sellers()).isEqualTo(3);
        assertThat(n.platforms()).isEqualTo(3);
        assertThat(n.violators()).isZero();
        assertThat(networks.networkOf("shopee:shop:rep")).isEmpty();

        // the counts are the whole shop's, whatever order its listings came in
        Scored plain = verdict(db, "shopee:rep0");
        assertThat(plain.flagged()).isTrue();
        assertThat(plain.violations()).contains("counterfeit");
        assertThat(signal(plain, ShopEvidence.SHOP_RULE))
            .hasValueSatisfying(
                s ->
                    assertThat(s.evidence())
                        .isEqualTo("shop's other listings say \"rep 1:1\" (3 of 3)"));
        // the admitting listings stand on their own words, not on the shop's
        assertThat(signal(verdict(db, "shopee:rep1"), ShopEvidence.SHOP_RULE)).isEmpty();

        // the official store: its listings admit copies just the same (precondition), yet its
        // plain listing is never raised
        assertThat(ShopEvidence.replicaPhrase(verdict(db, "shopee:off1"))).isNotNull();
        Scored officialPlain = verdict(db, "shopee:off0");
        assertThat(signal(officialPlain, ShopEvidence.SHOP_RULE)).isEmpty();
        assertThat(officialPlain.flagged()).isFalse();

        // 2. seller A confirmed a violator
        try (Connection c = db.connection();
            PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO violators (seller_id, decision_ref, legal_basis, confirmed_by, confirmed_at)"
                        + " VALUES (?, 'QD-15/2026', 'Decree 98/2020/ND-CP art. 11', 'test', CURRENT_TIMESTAMP)")) {
          ps.setString(1, "shopee:shop:a");
          ps.executeUpdate();
        }
      }

      Path spool2 = Files.createDirectories(dir.resolve("spool2"));
      List<Listing> second =
          List.of(
              listing(
                      "facebook:2",
                      "facebook",
                      seller("facebook:page:b", "Bé B", null, "zalo-b-shop"))
                  .title("Túi Gucci Marmont mini")
                  .contacts(List.of(new Contact("phone", "0912345678")))
                  .build(),
              listing("lazada:2", "lazada", seller("lazada:shop:c", "C Store", null, "zalo-b-shop"))
                  .title("Ví Gucci GG Supreme")
                  .build(),
              listing("lazada:3", "lazada", seller("lazada:shop:c", "C Store", null, "zalo-b-shop"))
                  .title("Ấm siêu tốc 1.7 lít")
                  .build());
      write(spool2.resolve("b.jsonl"), second);
      job(scratch, spool2).run();
      try (Database db = Database.openWithoutMigrating(scratch.settings())) {
        assertThat(signal(verdict(db, "facebook:2"), ShopEvidence.NETWORK_RULE))
            .hasValueSatisfying(
                s ->
                    assertThat(s.evidence())
                        .isEqualTo("shares phone 0912345678 with 1 confirmed violator"));
        assertThat(signal(verdict(db, "lazada:2"), ShopEvidence.NETWORK_RULE))
            .hasValueSatisfying(
                s ->
                    assertThat(s.evidence())
                        .matches(
                            "is in seller network net-[0-9a-f]{16} with 1 confirmed violator"));
        // unbranded goods are not raised by who sells them
        assertThat(signal(verdict(db, "lazada:3"), ShopEvidence.NETWORK_RULE)).isEmpty();
        SellerNetworkStore networks = new SellerNetworkStore(db.dataSource());
        SellerNetwork n =
            networks.find(networks.networkOf("lazada:shop:c").orElseThrow()).orElseThrow();
        assertThat(n.violators()).isEqualTo(1);
        assertThat(n.riskScore()).isGreaterThanOrEqualTo(0.6);
        assertThat(networks.highestRisk(1)).extracting(SellerNetwork::id).containsExactly(n.id());
        List<SellerLink> links = networks.links(n.id());
        assertThat(links).isNotEmpty();
      }
    }
  }

  private static ScoringJob job(TestDatabase scratch, Path spool) {
    return ScoringJob.builder()
        .spoolDir(spool)
        .database(scratch.settings())
        .detectorConfig(ScoringJobTest.detectorConfig())
        .parallelism(2)
        .build();
  }

  private static Listing.Builder listing(String id, String platform, Seller seller) {
    return Listing.builder(
            id, platform, "https://" + platform + ".vn/p/" + id, "2026-12-01T08:00:00Z")
        .price(Money.vnd(450_000))
        .seller(seller);
  }

  private static Seller seller(String id, String name, String phone, String zalo) {
    return new Seller(
        id,
        name,
        "https://"
            + id.substring(0, id.indexOf(':'))
            + ".vn/"
            + id.substring(id.lastIndexOf(':') + 1),
        phone == null ? null : List.of(phone),
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
        zalo == null ? null : List.of(zalo));
  }

  private static void write(Path file, List<Listing> listings) throws Exception {
    Files.write(file, listings.stream().map(JsonCodec::encode).toList());
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

  private static Optional<Signal> signal(Scored s, String rule) {
    return s.signals().stream().filter(x -> x.rule().equals(rule)).findFirst();
  }
}
