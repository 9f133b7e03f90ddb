package org.markwatch.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The demo world: three platforms of listings and sellers, generated deterministically from a seed,
 * with the ground truth of every listing. The same seed gives equal worlds and, served on the same
 * base URLs, byte-identical pages.
 *
 * <p>Sizes for any seed: {@value #CHOSI_LISTINGS} listings on {@code demo.chosi}, {@value
 * #MUABAN_LISTINGS} on {@code demo.muaban}, {@value #MANGXA_POSTS} posts on {@code demo.mangxa};
 * about 37% of them violate (see {@link DemoCase}).
 */
public final class DemoWorld {
  public static final int CHOSI_LISTINGS = 160;
  public static final int MUABAN_LISTINGS = 100;
  public static final int MANGXA_POSTS = 80;

  /** Products per category page on chosi. */
  public static final int CHOSI_PAGE_SIZE = 20;

  /** Products per category page on muaban. */
  public static final int MUABAN_PAGE_SIZE = 24;

  /** Posts per {@code /api/feed} response on mangxa. */
  public static final int FEED_BATCH = 10;

  private final long seed;
  private final String now;
  private final List<DemoListing> listings;
  private final List<DemoSeller> sellers;
  private final Map<String, DemoListing> byId;
  private final Map<String, DemoSeller> sellersById;

  DemoWorld(long seed, String now, List<DemoListing> listings, List<DemoSeller> sellers) {
    this.seed = seed;
    this.now = now;
    this.listings = List.copyOf(listings);
    this.sellers = List.copyOf(sellers);
    this.byId =
        this.listings.stream()
            .collect(
                Collectors.toMap(
                    DemoListing::listingId,
                    Function.identity(),
                    (a, b) -> {
                      throw new IllegalStateException("duplicate demo listing id " + a.listingId());
                    },
                    LinkedHashMap::new));
    this.sellersById =
        this.sellers.stream()
            .collect(
                Collectors.toMap(
                    DemoSeller::sellerId,
                    Function.identity(),
                    (a, b) -> {
                      throw new IllegalStateException("duplicate demo seller id " + a.sellerId());
                    },
                    LinkedHashMap::new));
  }

  /** Generates the world of a seed; takes a few milliseconds. */
  public static DemoWorld generate(long seed) {
    return new WorldGenerator().generate(seed);
  }

  public long seed() {
    return seed;
  }

  /** The world's fixed "now" (ISO-8601 with offset): post times are before it. */
  public String now() {
    return now;
  }

  /** Every listing: chosi, then muaban, then mangxa (newest post first). */
  public List<DemoListing> listings() {
    return listings;
  }

  public List<DemoListing> listings(DemoPlatform platform) {
    return listings.stream().filter(l -> l.platform() == platform).toList();
  }

  /** Every shop and post author that has at least one listing. */
  public List<DemoSeller> sellers() {
    return sellers;
  }

  public List<DemoSeller> sellers(DemoPlatform platform) {
    return sellers.stream().filter(s -> s.platform() == platform).toList();
  }

  public Optional<DemoListing> listing(String listingId) {
    return Optional.ofNullable(byId.get(listingId));
  }

  public Optional<DemoSeller> seller(String sellerId) {
    return Optional.ofNullable(sellersById.get(sellerId));
  }

  public List<DemoListing> listingsOf(DemoSeller seller) {
    return listings.stream().filter(l -> l.sellerId().equals(seller.sellerId())).toList();
  }

  /**
   * A platform's category slugs in menu order with the listings of each, sorted by native id (the
   * order the category pages show). Empty on the feed.
   */
  public Map<String, List<DemoListing>> categories(DemoPlatform platform) {
    Map<String, List<DemoListing>> out = new LinkedHashMap<>();
    if (!platform.marketplace()) {
      return out;
    }
    for (Category c : Category.values()) {
      List<DemoListing> in =
          listings(platform).stream()
              .filter(l -> c.slug.equals(l.categorySlug()))
              .sorted(Comparator.comparingLong(l -> Long.parseLong(l.nativeId())))
              .toList();
      if (!in.isEmpty()) {
        out.put(c.slug, in);
      }
    }
    return out;
  }

  /** The display name of a category slug, e.g. "Giày Dép". */
  public static String categoryTitle(String slug) {
    for (Category c : Category.values()) {
      if (c.slug.equals(slug)) {
        return c.title;
      }
    }
    throw new IllegalArgumentException("unknown demo category: " + slug);
  }

  public static int pageSize(DemoPlatform platform) {
    return switch (platform) {
      case CHOSI -> CHOSI_PAGE_SIZE;
      case MUABAN -> MUABAN_PAGE_SIZE;
      case MANGXA -> FEED_BATCH;
    };
  }

  /** Page and listing counts of one platform. */
  public DemoCounts counts(DemoPlatform platform) {
    int n = listings(platform).size();
    int sellerCount = sellers(platform).size();
    if (!platform.marketplace()) {
      int batches = (n + FEED_BATCH - 1) / FEED_BATCH;
      return new DemoCounts(platform, n, sellerCount, 0, batches, 2 + n + sellerCount);
    }
    int pages = 0;
    for (List<DemoListing> in : categories(platform).values()) {
      pages += (in.size() + pageSize(platform) - 1) / pageSize(platform);
    }
    return new DemoCounts(platform, n, sellerCount, pages, 0, 1 + pages + n + sellerCount);
  }

  /**
   * The ground truth as JSON lines in the shape {@code ../shared/tools/eval_detect.py} reads as
   * LABELS: {@code {"id", "flagged", "brands", "violations", "case"}}, one line per listing.
   */
  public List<String> labelLines() {
    List<String> out = new ArrayList<>();
    for (DemoListing l : listings) {
      tools.jackson.databind.node.ObjectNode o =
          org.markwatch.model.JsonCodec.mapper().createObjectNode();
      o.put("id", l.listingId());
      o.put("flagged", l.expectedFlagged());
      l.brandIds().forEach(o.putArray("brands")::add);
      l.expectedViolationIds().forEach(o.putArray("violations")::add);
      o.put("case", l.caseLabel().label());
      out.add(org.markwatch.model.JsonCodec.mapper().writeValueAsString(o));
    }
    return out;
  }

  /** Counts of the three platforms, in {@link DemoPlatform} order. */
  public List<DemoCounts> counts() {
    List<DemoCounts> out = new ArrayList<>();
    for (DemoPlatform p : DemoPlatform.values()) {
      out.add(counts(p));
    }
    return out;
  }
}
