package org.markwatch.demo;

import java.util.List;
import java.util.Map;
import org.markwatch.model.Violation;

/**
 * One listing of the demo world with its ground truth.
 *
 * @param listingId the id a crawler should give it: {@code platform:nativeId}, where nativeId is
 *     the number in the product URL (also JSON-LD/microdata {@code productID}) or the post's {@code
 *     data-post-id}
 * @param path the listing page's path on its platform ({@code /p/..}, {@code /san-pham/..}, {@code
 *     /post/..})
 * @param title the product title; for a post, the line of its text that names the item
 * @param text the description, or the whole post text
 * @param priceVnd the price in VND as shown (posts: as written, e.g. "1tr2" is 1,200,000)
 * @param listPriceVnd the crossed-out price before discount, or null
 * @param categorySlug the marketplace category, null for posts
 * @param sellerId the seller's (or post author's) {@link DemoSeller#sellerId()}
 * @param brandClaimed the brand in the structured brand field, null when the page shows none
 * @param brandIds the catalog brands the listing refers to (ids of core-brands.tsv), sorted
 * @param expectedViolations the ground truth violations, in the enum's order
 * @param attributes the specification table as shown (Xuất xứ, Số công bố, ...)
 * @param images image paths on the listing's platform
 * @param post the social fields of a feed post, null for marketplace listings
 */
public record DemoListing(
    DemoPlatform platform,
    String nativeId,
    String listingId,
    String path,
    Markup markup,
    String title,
    String text,
    long priceVnd,
    Long listPriceVnd,
    String categorySlug,
    String sellerId,
    String brandClaimed,
    List<String> brandIds,
    DemoCase caseLabel,
    List<Violation> expectedViolations,
    Map<String, String> attributes,
    List<String> images,
    int sold,
    PostInfo post) {

  /** How the listing page carries its structured data. */
  public enum Markup {
    JSON_LD,
    MICRODATA,
    FEED_POST
  }

  /** Social fields of a feed post. */
  public record PostInfo(
      String postedAt, String postedAtText, int likes, int comments, List<DemoContact> contacts) {}

  /** True when a correct detector flags this listing. */
  public boolean expectedFlagged() {
    return !expectedViolations.isEmpty();
  }

  /** The violations as the schema spells them ({@code unknown_origin}, ...). */
  public List<String> expectedViolationIds() {
    return expectedViolations.stream().map(Violation::id).toList();
  }
}
