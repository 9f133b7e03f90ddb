package org.markwatch.app.benchqueue;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.markwatch.model.BrandHit;
import org.markwatch.model.Contact;
import org.markwatch.model.Listing;
import org.markwatch.model.Money;
import org.markwatch.model.Scored;
import org.markwatch.model.Seller;
import org.markwatch.model.Signal;
import org.markwatch.storage.ScoredListing;

/**
 * Generated listings with verdicts for the queue benchmark: deterministic from the index (the same
 * index always gives the same listing), Vietnamese titles with diacritics so the accent-folded
 * search has real work, 20 listings per seller, sellers spread over six provinces, about 60 % of
 * verdicts flagged.
 */
public final class BenchListings {
  public static final String RULESET = "bench-ruleset-1";

  /**
   * The version of what this class generates, kept in a loaded database's marker row: change it
   * with the generator so {@code bench queue --reuse} loads again instead of measuring old data.
   */
  public static final String GENERATOR = "bench-listings/1";

  public static final int PER_SELLER = 20;

  /** A province as addresses write it, and its code (table provinces). */
  public record Province(String text, String code) {}

  public static final List<Province> PROVINCES =
      List.of(
          new Province("Hà Nội", "ha-noi"),
          new Province("TP. Hồ Chí Minh", "ho-chi-minh"),
          new Province("Đà Nẵng", "da-nang"),
          new Province("Hải Phòng", "hai-phong"),
          new Province("Cần Thơ", "can-tho"),
          new Province("Nghệ An", "nghe-an"));
  static final String[] PRODUCTS = {
    "Nước hoa",
    "Túi xách",
    "Giày thể thao",
    "Thuốc lá điện tử",
    "Đồng hồ",
    "Son môi",
    "Kem dưỡng da",
    "Áo khoác",
    "Tai nghe",
    "Sữa bột",
    "Thực phẩm chức năng",
    "Mắt kính"
  };
  static final String[] BRANDS = {
    "Chanel",
    "Louis Vuitton",
    "Nike",
    "Rolex",
    "Dior",
    "Apple",
    "Gucci",
    "Adidas",
    "Vinamilk",
    "Ray-Ban",
    "Sony",
    "Hermès"
  };
  static final String[] WORDS = {
    "chính hãng",
    "hàng hiệu",
    "rep 1:1",
    "siêu cấp",
    "giá rẻ",
    "xách tay",
    "fullbox",
    "auth",
    "like auth",
    "nội địa",
    "sale sốc",
    "mới 100%"
  };
  static final String[] SHOP_NAMES = {
    "Hoa Mai",
    "Ánh Dương",
    "Phương Nam",
    "Thủy Tiên",
    "Bảo Ngọc",
    "Đức Thịnh",
    "Minh Châu",
    "Gia Hân",
    "Hồng Nhung",
    "Quốc Việt"
  };
  static final String[] VIOLATIONS = {
    "counterfeit",
    "ip_infringing",
    "prohibited",
    "smuggled",
    "misleading",
    "unknown_origin",
    "seller_noncompliant",
    "substandard"
  };
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private BenchListings() {}

  public static String sellerId(long i) {
    return "bench:shop:" + (i / PER_SELLER);
  }

  public static Province province(long sellerIndex) {
    return PROVINCES.get((int) (sellerIndex % PROVINCES.size()));
  }

  public static String phone(long sellerIndex) {
    return String.format("09%08d", (sellerIndex * 7919) % 100_000_000L);
  }

  public static Seller seller(long i) {
    long s = i / PER_SELLER;
    return new Seller(
        sellerId(i),
        "Shop " + SHOP_NAMES[(int) (s % SHOP_NAMES.length)] + " " + s,
        null,
        List.of(phone(s)),
        null,
        null,
        province(s).text(),
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** Listing {@code i} and its verdict. */
  public static ScoredListing listing(long i) {
    SplittableRandom r = new SplittableRandom(i * 0x9E3779B97F4A7C15L + 17);
    String id = "bench:" + i;
    String product = PRODUCTS[r.nextInt(PRODUCTS.length)];
    String brand = BRANDS[r.nextInt(BRANDS.length)];
    String title = product + " " + brand + " " + WORDS[r.nextInt(WORDS.length)] + " mã " + i;
    long price = 50_000 + 1_000L * r.nextInt(5_000);
    Instant observed = START.plusSeconds(r.nextLong(300L * 86_400));
    Listing listing =
        Listing.builder(id, "bench", "https://bench.example/p/" + i, observed.toString())
            .title(title)
            .text(title + ". Liên hệ Zalo " + phone(i / PER_SELLER))
            .price(Money.vnd(price))
            .seller(seller(i))
            .contacts(List.of(new Contact("zalo", phone(i / PER_SELLER))))
            .build();
    double score = r.nextDouble();
    boolean flagged = score >= 0.4;
    List<String> violations =
        flagged
            ? (r.nextInt(4) == 0
                ? List.of(VIOLATIONS[r.nextInt(VIOLATIONS.length)], "seller_noncompliant")
                : List.of(VIOLATIONS[r.nextInt(VIOLATIONS.length)]))
            : List.of();
    violations = violations.stream().distinct().toList();
    List<BrandHit> brands =
        flagged
            ? List.of(new BrandHit(brand.toLowerCase().replace(' ', '-'), brand, "title", "name"))
            : List.of();
    List<Signal> signals =
        violations.stream().map(v -> new Signal("bench." + v, 1.0, v, "title", brand)).toList();
    return new ScoredListing(
        listing,
        Scored.of(
            id, RULESET, Math.round(score * 1000) / 1000.0, flagged, violations, brands, signals));
  }
}
