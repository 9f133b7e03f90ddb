package org.markwatch.storage;

import java.util.List;
import org.markwatch.model.BrandHit;
import org.markwatch.model.Evidence;
import org.markwatch.model.Listing;
import org.markwatch.model.Money;
import org.markwatch.model.Scored;
import org.markwatch.model.Seller;
import org.markwatch.model.Signal;

/** Small hand-made scored listings for the storage tests. */
public final class Fixtures {
  private Fixtures() {}

  public static Listing listing(
      String id, String platform, String sellerId, String title, String observedAt) {
    return Listing.builder(
            id, platform, "https://" + platform + ".example.vn/item/" + id.hashCode(), observedAt)
        .title(title)
        .text("mô tả " + title)
        .price(Money.vnd(450_000))
        .seller(
            sellerId == null
                ? null
                : new Seller(
                    sellerId,
                    "Shop " + sellerId,
                    null,
                    List.of("0901234567"),
                    null,
                    null,
                    "Hà Nội",
                    null,
                    null,
                    false,
                    null,
                    null,
                    null,
                    null))
        .evidence(new Evidence(200, "static", "a".repeat(64), null))
        .build();
  }

  public static Scored flagged(
      String listingId, double score, List<String> violations, String brand) {
    return Scored.of(
        listingId,
        "rules-test-1",
        score,
        true,
        violations,
        List.of(new BrandHit(brand, brand, "title", "exact")),
        List.of(new Signal("counterfeit-term", score, violations.get(0), "title", "hàng fake")));
  }

  public static Scored clean(String listingId) {
    return Scored.of(listingId, "rules-test-1", 0.05, false, List.of(), List.of(), List.of());
  }

  /** Six listings on two platforms and three sellers; four flagged. */
  public static List<ScoredListing> sample() {
    return List.of(
        new ScoredListing(
            listing(
                "shopee:1",
                "shopee",
                "shopee:shop:a",
                "Túi Louis Vuitton rep 1:1",
                "2026-11-01T07:00:00Z"),
            flagged("shopee:1", 0.95, List.of("counterfeit", "ip_infringing"), "louis-vuitton")),
        new ScoredListing(
            listing(
                "shopee:2",
                "shopee",
                "shopee:shop:a",
                "Giày Nike super fake",
                "2026-11-01T07:05:00Z"),
            flagged("shopee:2", 0.90, List.of("counterfeit"), "nike")),
        new ScoredListing(
            listing(
                "shopee:3",
                "shopee",
                "shopee:shop:b",
                "Balo laptop chống nước",
                "2026-11-01T07:10:00Z"),
            clean("shopee:3")),
        new ScoredListing(
            listing(
                "tiki:1",
                "tiki",
                "tiki:shop:c",
                "Viên uống giảm cân cấp tốc",
                "2026-11-01T08:00:00+07:00"),
            flagged("tiki:1", 0.70, List.of("misleading"), "none")),
        new ScoredListing(
            listing(
                "tiki:2",
                "tiki",
                "tiki:shop:c",
                "Thuốc lá điện tử xách tay",
                "2026-11-01T09:00:00Z"),
            flagged("tiki:2", 0.80, List.of("smuggled", "prohibited"), "none")),
        new ScoredListing(
            listing(
                "tiki:3", "tiki", null, "Ốp lưng tương thích iPhone 15", "2026-11-01T10:00:00Z"),
            clean("tiki:3")));
  }
}
