package org.markwatch.crawler.extract;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Per-site extraction rules, loaded from {@code conf/sources/profiles/<name>.yaml}: CSS selectors
 * for the fields of a listing, an optional item selector that makes each match one listing (feeds
 * and list pages), and the patterns that give listing and seller ids. See {@code
 * conf/sources/profiles/README.md} for the file format.
 *
 * @param name profile name (the file name without {@code .yaml} by default)
 * @param platform platform slug written into listings and ids ({@code chosi}, {@code mangxa})
 * @param urls URL patterns (searched, not matched whole) saying which pages the profile applies to;
 *     may be empty when the crawler assigns the profile by source
 * @param kind {@code product} (default) or {@code post}
 * @param item CSS selector of one listing on the page, or null when the whole page is one listing
 * @param listingId how to read the platform's own listing id; null means schema.org ids, else a
 *     hash
 * @param sellerId how to read the platform's own seller id from the seller URL; may be null
 * @param fields selectors by field name (see {@link #FIELD_NAMES}); relative to {@code item} when
 *     set
 * @param priceFromText read a price from the listing text when no selector or markup gives one
 * @param contactsFromText read phones, e-mails, bank accounts and handles from the listing text
 */
public record SiteProfile(
    String name,
    String platform,
    List<Pattern> urls,
    String kind,
    String item,
    IdRule listingId,
    IdRule sellerId,
    Map<String, Selector> fields,
    boolean priceFromText,
    boolean contactsFromText) {

  /** The field names a profile may give selectors for. */
  public static final Set<String> FIELD_NAMES =
      Set.of(
          "url",
          "title",
          "text",
          "price",
          "listPrice",
          "currency",
          "brand",
          "sku",
          "gtin",
          "mpn",
          "availability",
          "category",
          "images",
          "language",
          "sellerName",
          "sellerUrl",
          "sellerAddress",
          "sellerPhone",
          "sellerEmail",
          "sellerTaxCode",
          "sellerBusinessRegistration",
          "publishedAt",
          "likes",
          "comments",
          "shares",
          "sold",
          "nextPage");

  public SiteProfile {
    urls = List.copyOf(urls);
    fields = Map.copyOf(fields);
  }

  /**
   * A native id: a regex over a URL whose group 1 is the id, and/or an attribute of the item
   * element ({@code data-post-id}). The attribute wins when both give a value.
   */
  public record IdRule(Pattern urlPattern, String attribute) {}

  /**
   * A CSS selector and the attribute to read ({@code null}: the element's text). Written in YAML as
   * {@code "css"} or {@code "css @attr"}.
   */
  public record Selector(String css, String attribute) {}

  /** True when one of {@link #urls()} is found in {@code url}. */
  public boolean matches(String url) {
    if (url == null) {
      return false;
    }
    for (Pattern p : urls) {
      if (p.matcher(url).find()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads and checks a profile. Unknown keys, bad CSS selectors, bad regular expressions and
   * missing required keys ({@code platform}) are refused with a {@link IllegalArgumentException}
   * whose message names the file, the line and the field.
   */
  public static SiteProfile parse(String fileName, String yamlText) {
    return SiteProfileReader.read(fileName, yamlText);
  }
}
