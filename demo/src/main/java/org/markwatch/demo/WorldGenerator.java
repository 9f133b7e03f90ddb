package org.markwatch.demo;

import static org.markwatch.demo.VnText.pick;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.markwatch.demo.ProductCatalog.Kind;
import org.markwatch.demo.ProductCatalog.Product;
import org.markwatch.model.Violation;

/** Builds a {@link DemoWorld} from a seed: sellers, then listings by case quota, then posts. */
final class WorldGenerator {
  /** The world's "now": post times and expiry dates are relative to it, never to the clock. */
  static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-20T12:00:00+07:00");

  private static final Map<DemoCase, Integer> CHOSI_QUOTA =
      quota(
          DemoCase.GENUINE,
          38,
          DemoCase.OFFICIAL_STORE,
          22,
          DemoCase.ACCESSORY,
          16,
          DemoCase.SECOND_HAND,
          12,
          DemoCase.GENERIC,
          16,
          DemoCase.COUNTERFEIT,
          24,
          DemoCase.SMUGGLED,
          7,
          DemoCase.UNKNOWN_ORIGIN,
          3,
          DemoCase.PROHIBITED,
          8,
          DemoCase.RESTRICTED,
          3,
          DemoCase.CONDITIONAL,
          3,
          DemoCase.MISLEADING,
          5,
          DemoCase.SELLER_MISSING_INFO,
          3);
  private static final Map<DemoCase, Integer> MUABAN_QUOTA =
      quota(
          DemoCase.GENUINE,
          24,
          DemoCase.OFFICIAL_STORE,
          14,
          DemoCase.ACCESSORY,
          10,
          DemoCase.SECOND_HAND,
          8,
          DemoCase.GENERIC,
          8,
          DemoCase.COUNTERFEIT,
          14,
          DemoCase.SMUGGLED,
          5,
          DemoCase.UNKNOWN_ORIGIN,
          2,
          DemoCase.PROHIBITED,
          4,
          DemoCase.RESTRICTED,
          2,
          DemoCase.CONDITIONAL,
          2,
          DemoCase.MISLEADING,
          3,
          DemoCase.EXPIRED,
          2,
          DemoCase.SELLER_MISSING_INFO,
          2);
  private static final Map<DemoCase, Integer> MANGXA_QUOTA =
      quota(
          DemoCase.GENUINE,
          8,
          DemoCase.ACCESSORY,
          10,
          DemoCase.SECOND_HAND,
          14,
          DemoCase.GENERIC,
          14,
          DemoCase.COUNTERFEIT,
          16,
          DemoCase.SMUGGLED,
          7,
          DemoCase.PROHIBITED,
          5,
          DemoCase.RESTRICTED,
          2,
          DemoCase.CONDITIONAL,
          2,
          DemoCase.MISLEADING,
          2);

  private static final List<String> CHOSI_OFFICIAL =
      List.of(
          "samsung",
          "xiaomi",
          "anker",
          "loreal",
          "la-roche-posay",
          "innisfree",
          "vinamilk",
          "casio");
  private static final List<String> MUABAN_OFFICIAL =
      List.of("sony", "cerave", "abbott", "logitech", "apple", "nike");

  /** A title written to break naive HTML generation; the page must show it as text. */
  static final String HOSTILE_TITLE =
      "Hộp đựng bút <3 \"Cute\" & xinh <script>alert('demo')</script> giá rẻ";

  private final ProductCatalog catalog = new ProductCatalog();
  private final ListingWriter writer = new ListingWriter(catalog);
  private final PostWriter posts = new PostWriter(catalog, writer);

  DemoWorld generate(long seed) {
    List<DemoSeller> sellers = new ArrayList<>();
    List<DemoListing> listings = new ArrayList<>();
    marketplace(
        new Random(seed ^ 0x43484F5349L),
        DemoPlatform.CHOSI,
        CHOSI_QUOTA,
        CHOSI_OFFICIAL,
        24,
        12,
        sellers,
        listings);
    marketplace(
        new Random(seed ^ 0x4D554142414EL),
        DemoPlatform.MUABAN,
        MUABAN_QUOTA,
        MUABAN_OFFICIAL,
        16,
        8,
        sellers,
        listings);
    feed(new Random(seed ^ 0x4D414E4758414EL), sellers, listings);
    return new DemoWorld(seed, NOW.toString(), listings, sellers);
  }

  private void marketplace(
      Random r,
      DemoPlatform platform,
      Map<DemoCase, Integer> quota,
      List<String> officialBrands,
      int compliantCount,
      int noncompliantCount,
      List<DemoSeller> allSellers,
      List<DemoListing> out) {
    SellerFactory names = new SellerFactory();
    List<DemoSeller> official = new ArrayList<>();
    List<DemoSeller> compliant = new ArrayList<>();
    List<DemoSeller> noncompliant = new ArrayList<>();
    int next = 1000 + r.nextInt(9000);
    for (String brandId : officialBrands) {
      String brand = catalog.brand(brandId).name();
      String name =
          brand + (platform == DemoPlatform.CHOSI ? " Official Store" : " Flagship Store");
      next += 1 + r.nextInt(40);
      official.add(
          seller(
              platform,
              next,
              name,
              true,
              brandId,
              names.business(r, "Phân phối " + brand + " Việt Nam", true),
              null,
              r));
    }
    for (int i = 0; i < compliantCount; i++) {
      String name = names.shopName(r);
      next += 1 + r.nextInt(40);
      compliant.add(
          seller(
              platform,
              next,
              name,
              false,
              null,
              names.business(r, name, r.nextInt(3) > 0),
              null,
              r));
    }
    for (int i = 0; i < noncompliantCount; i++) {
      String name = names.shopName(r);
      next += 1 + r.nextInt(40);
      noncompliant.add(
          seller(platform, next, name, false, null, null, i % 2 == 0 ? VnText.mobile(r) : null, r));
    }

    List<DemoCase> cases = expand(quota);
    Collections.shuffle(cases, r);
    List<Boolean> jsonLd = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      jsonLd.add(platform == DemoPlatform.CHOSI || i < cases.size() / 2);
    }
    Collections.shuffle(jsonLd, r);

    Map<String, Integer> sold = new LinkedHashMap<>();
    List<DemoListing> drafted = new ArrayList<>();
    long id = platform == DemoPlatform.CHOSI ? 21_000_000L : 274_000_000L;
    boolean hostileDone = platform != DemoPlatform.CHOSI;
    for (int i = 0; i < cases.size(); i++) {
      DemoCase c = cases.get(i);
      Draft d = draft(r, c, officialBrands);
      if (!hostileDone && c == DemoCase.GENERIC) {
        d.title = HOSTILE_TITLE;
        d.category = Category.NHA_CUA;
        d.text.setLength(0);
        d.line("Hộp đựng bút để bàn <3 hình thú \"Cute\", nhựa ABS & gỗ ép.");
        d.line("Shop đặt tên sản phẩm có ký tự < > & \" ' như người bán thật hay làm.");
        hostileDone = true;
      }
      DemoSeller seller;
      if (c == DemoCase.OFFICIAL_STORE) {
        seller =
            official.stream()
                .filter(s -> s.officialBrandId().equals(d.officialBrandId))
                .findFirst()
                .orElseThrow();
      } else if (c == DemoCase.SELLER_MISSING_INFO) {
        seller = pick(r, noncompliant);
      } else if (c.violating()) {
        // A shop that sells replicas sells replicas: counterfeits never share a shop with honest
        // listings (shop-level evidence reads a shop's other listings). The roll is drawn for
        // every violating listing all the same, so the rest of the world stays as it was.
        boolean roll = r.nextInt(10) < 7;
        seller = roll || c == DemoCase.COUNTERFEIT ? pick(r, noncompliant) : pick(r, compliant);
      } else {
        seller = pick(r, compliant);
      }
      if (c == DemoCase.OFFICIAL_STORE && platform == DemoPlatform.MUABAN) {
        // The writer speaks of an "Official Store"; on muaban brand stores are "Flagship Store"s.
        d.title =
            d.title
                .replace(" Official Store", " Flagship Store")
                .replace(" Official]", " Flagship]");
        String text = d.text.toString().replace(" Official Store", " Flagship Store");
        d.text.setLength(0);
        d.text.append(text);
      }
      if (!seller.compliant()) {
        d.violation(Violation.SELLER_NONCOMPLIANT);
      }
      id += 1 + r.nextInt(2_000);
      String nativeId = Long.toString(id);
      String slug = VnText.slug(d.title);
      String path =
          platform == DemoPlatform.CHOSI
              ? "/p/" + nativeId + "/" + slug
              : "/san-pham/" + slug + "-i" + nativeId + ".html";
      int imageCount = 1 + r.nextInt(3);
      List<String> images = new ArrayList<>();
      for (int k = 1; k <= imageCount; k++) {
        images.add("/img/" + nativeId + "-" + k + ".svg");
      }
      int soldCount =
          c == DemoCase.OFFICIAL_STORE
              ? 200 + r.nextInt(9000)
              : r.nextInt(c.violating() ? 3000 : 1500);
      sold.merge(seller.sellerId(), 1, Integer::sum);
      drafted.add(
          new DemoListing(
              platform,
              nativeId,
              platform.id() + ":" + nativeId,
              path,
              jsonLd.get(i) ? DemoListing.Markup.JSON_LD : DemoListing.Markup.MICRODATA,
              d.title,
              d.text.toString(),
              d.price,
              d.listPrice,
              d.category.slug,
              seller.sellerId(),
              d.brandClaimed,
              List.copyOf(d.brandIds),
              c,
              List.copyOf(d.violations),
              Collections.unmodifiableMap(new LinkedHashMap<>(d.attributes)),
              List.copyOf(images),
              soldCount,
              null));
    }
    // Only sellers with listings exist: a shop page nobody links to would be unreachable.
    for (List<DemoSeller> group : List.of(official, compliant, noncompliant)) {
      group.stream().filter(s -> sold.containsKey(s.sellerId())).forEach(allSellers::add);
    }
    out.addAll(drafted);
  }

  private Draft draft(Random r, DemoCase c, List<String> officialBrands) {
    return switch (c) {
      case GENUINE -> writer.genuine(r, pick(r, catalog.mass()));
      case OFFICIAL_STORE ->
          writer.official(
              r,
              pick(
                  r,
                  catalog.mass().stream()
                      .filter(p -> officialBrands.contains(p.brand().id()))
                      .toList()));
      case ACCESSORY -> writer.accessory(r);
      case SECOND_HAND ->
          writer.secondHand(
              r,
              pick(
                  r,
                  catalog.products().stream()
                      .filter(
                          p -> p.kind().tech() || p.kind() == Kind.BAG || p.kind() == Kind.WATCH)
                      .toList()));
      case GENERIC -> writer.generic(r);
      case COUNTERFEIT -> writer.counterfeit(r, pick(r, catalog.faked()));
      case SMUGGLED -> writer.smuggled(r, pick(r, importable()));
      case UNKNOWN_ORIGIN ->
          writer.unknownOrigin(
              r,
              pick(
                  r,
                  catalog.mass().stream()
                      .filter(p -> p.kind().beauty() || p.kind().consumable())
                      .toList()));
      case PROHIBITED, RESTRICTED, CONDITIONAL, MISLEADING -> writer.regulated(r, c);
      case EXPIRED ->
          writer.expired(
              r,
              pick(
                  r,
                  catalog.mass().stream()
                      .filter(
                          p ->
                              p.kind() == Kind.MILK
                                  || p.kind() == Kind.SUPPLEMENT
                                  || p.kind() == Kind.SKINCARE)
                      .toList()));
      case SELLER_MISSING_INFO -> writer.sellerMissingInfo(r);
    };
  }

  private List<Product> importable() {
    return catalog.mass().stream()
        .filter(p -> p.kind().beauty() || p.kind().consumable() || p.kind() == Kind.PHONE)
        .toList();
  }

  /** Feed authors who post the counterfeit posts (16 of them), and nothing else. */
  private static final int REPLICA_AUTHORS = 5;

  private void feed(Random r, List<DemoSeller> allSellers, List<DemoListing> out) {
    SellerFactory names = new SellerFactory();
    List<DemoSeller> authors = new ArrayList<>();
    long uid = 100_000_000L + r.nextInt(1_000_000);
    for (int i = 0; i < 28; i++) {
      uid += 1 + r.nextInt(500_000);
      String nativeId = Long.toString(uid);
      authors.add(
          new DemoSeller(
              DemoPlatform.MANGXA,
              nativeId,
              DemoPlatform.MANGXA.id() + ":shop:" + nativeId,
              names.authorName(r),
              "/u/" + nativeId,
              false,
              null,
              null,
              null,
              0,
              10 + r.nextInt(5000),
              2012 + r.nextInt(13)));
    }
    List<DemoCase> cases = expand(MANGXA_QUOTA);
    Collections.shuffle(cases, r);
    OffsetDateTime time = NOW.minusMinutes(5 + r.nextInt(60));
    long postId = 7_310_000_000_000L + r.nextInt(1_000_000);
    DateTimeFormatter human = DateTimeFormatter.ofPattern("d 'tháng' M 'lúc' HH:mm");
    java.util.Set<String> used = new java.util.HashSet<>();
    // Newest first, as the feed shows them; ids grow with time like real post ids.
    List<DemoListing> posts = new ArrayList<>();
    // Replica sellers post replicas: counterfeit posts come from their own authors, never from
    // those who post honest goods (shop-level evidence reads an author's other posts).
    List<DemoSeller> replicaAuthors = authors.subList(0, REPLICA_AUTHORS);
    List<DemoSeller> otherAuthors = authors.subList(REPLICA_AUTHORS, authors.size());
    for (DemoCase c : cases) {
      Draft d = this.posts.write(r, c);
      DemoSeller author = pick(r, c == DemoCase.COUNTERFEIT ? replicaAuthors : otherAuthors);
      used.add(author.sellerId());
      postId -= 1 + r.nextInt(90_000_000);
      String nativeId = Long.toString(postId);
      List<String> images = new ArrayList<>();
      int imageCount = r.nextInt(4);
      for (int k = 1; k <= imageCount; k++) {
        images.add("/img/" + nativeId + "-" + k + ".svg");
      }
      DemoListing.PostInfo info =
          new DemoListing.PostInfo(
              time.toString(),
              time.format(human),
              r.nextInt(c.violating() ? 600 : 200),
              r.nextInt(120),
              List.copyOf(d.contacts));
      posts.add(
          new DemoListing(
              DemoPlatform.MANGXA,
              nativeId,
              DemoPlatform.MANGXA.id() + ":" + nativeId,
              "/post/" + nativeId,
              DemoListing.Markup.FEED_POST,
              d.title,
              d.text.toString(),
              d.price,
              null,
              null,
              author.sellerId(),
              null,
              List.copyOf(d.brandIds),
              c,
              List.copyOf(d.violations),
              Map.of(),
              List.copyOf(images),
              0,
              info));
      time = time.minusMinutes(20 + r.nextInt(900));
    }
    authors.stream().filter(a -> used.contains(a.sellerId())).forEach(allSellers::add);
    out.addAll(posts);
  }

  private DemoSeller seller(
      DemoPlatform platform,
      int n,
      String name,
      boolean official,
      String brandId,
      DemoSeller.BusinessInfo business,
      String phoneOnly,
      Random r) {
    String nativeId = Integer.toString(n);
    String path = (platform == DemoPlatform.CHOSI ? "/shop/" : "/cua-hang/") + nativeId;
    double rating =
        Math.round((official ? 4.7 + r.nextDouble() * 0.3 : 3.8 + r.nextDouble() * 1.2) * 10)
            / 10.0;
    return new DemoSeller(
        platform,
        nativeId,
        platform.id() + ":shop:" + nativeId,
        name,
        path,
        official,
        brandId,
        business,
        phoneOnly,
        Math.min(5.0, rating),
        official ? 50_000 + r.nextInt(900_000) : r.nextInt(40_000),
        official ? 2016 + r.nextInt(5) : 2015 + r.nextInt(11));
  }

  private static List<DemoCase> expand(Map<DemoCase, Integer> quota) {
    List<DemoCase> cases = new ArrayList<>();
    quota.forEach((c, n) -> cases.addAll(Collections.nCopies(n, c)));
    return cases;
  }

  private static Map<DemoCase, Integer> quota(Object... pairs) {
    Map<DemoCase, Integer> m = new EnumMap<>(DemoCase.class);
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((DemoCase) pairs[i], (Integer) pairs[i + 1]);
    }
    return m;
  }
}
