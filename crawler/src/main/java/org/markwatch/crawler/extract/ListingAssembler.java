package org.markwatch.crawler.extract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.markwatch.crawler.extract.draft.Draft;
import org.markwatch.crawler.extract.draft.Layers;
import org.markwatch.crawler.extract.draft.SellerDraft;
import org.markwatch.crawler.extract.text.Provinces;
import org.markwatch.model.Image;
import org.markwatch.model.Listing;
import org.markwatch.model.Metrics;
import org.markwatch.model.Money;
import org.markwatch.model.Seller;
import org.markwatch.model.validate.Gtin;
import org.markwatch.model.validate.Validation;

/**
 * Turns a {@link Draft} into a {@code markwatch.listing/1} record: ids, currency defaults, bounds
 * on field sizes, and the {@code extractedBy.<field>} attributes.
 *
 * <p>Ids: {@code platform:native-id} where the native id comes from the profile (an item attribute
 * or a URL pattern), else schema.org {@code productID} or {@code sku}, else {@code u}+ the first 16
 * hex digits of the SHA-256 of the canonical URL. Sellers: {@code platform:shop:native-id} from the
 * profile's seller pattern, else {@code platform:shop:u}+hash of the seller URL (or name).
 */
final class ListingAssembler {
  static final int MAX_TITLE = 2_000;
  static final int MAX_TEXT = 200_000;

  private ListingAssembler() {}

  static Listing assemble(
      Draft d, Page page, String platform, SiteProfile profile, String defaultCurrency) {
    String url = d.url.isSet() ? d.url.get() : page.url();
    String canonical =
        d.canonicalUrl.isSet() && d.canonicalUrl.get().startsWith("http")
            ? d.canonicalUrl.get()
            : null;
    String nativeId = d.nativeId.get();
    String idLayer = d.nativeId.layer();
    if (nativeId == null && profile != null) {
      nativeId = ProfileExtractor.idFromUrl(profile.listingId(), url);
      idLayer = Layers.URL;
      if (nativeId == null && canonical != null) {
        nativeId = ProfileExtractor.idFromUrl(profile.listingId(), canonical);
      }
    }
    if (nativeId == null) {
      String productId = d.extraAttributes.get("productID");
      nativeId = productId != null ? productId : d.sku.get();
      idLayer = d.sku.layer();
    }
    if (nativeId == null) {
      nativeId = "u" + hash(stripFragment(canonical != null ? canonical : url));
      idLayer = Layers.HASH;
    }
    nativeId = nativeId.strip().replaceAll("\\s+", "-");
    Listing.Builder b =
        Listing.builder(platform + ":" + nativeId, platform, url, page.observedAt());
    b.kind(d.kind.isSet() ? d.kind.get() : "product");
    b.crawlRunId(page.crawlRunId());
    if (canonical != null && !canonical.equals(url)) {
      b.canonicalUrl(canonical);
    }
    b.title(cut(d.title.get(), MAX_TITLE));
    b.text(cut(d.text.get(), MAX_TEXT));
    b.language(d.language.get());
    String currency = d.currency.isSet() ? d.currency.get() : defaultCurrency;
    b.price(withCurrency(d.price.get(), currency));
    b.listPrice(withCurrency(d.listPrice.get(), currency));
    b.category(category(d.category.get(), d.title.get()));
    b.brandClaimed(brand(d.brand.get()));
    Map<String, String> attributes = new LinkedHashMap<>();
    put(attributes, "sku", d.sku.get());
    put(attributes, "gtin", validGtin(d.gtin.get()));
    put(attributes, "mpn", d.mpn.get());
    put(attributes, "availability", d.availability.get());
    put(attributes, "condition", d.condition.get());
    put(attributes, "publishedAt", d.publishedAt.get());
    d.extraAttributes.forEach((k, v) -> put(attributes, k, v));
    attributes.putAll(d.provenance());
    attributes.put("extractedBy.id", idLayer == null ? Layers.HASH : idLayer);
    List<String> sellerNotes = new ArrayList<>();
    b.seller(seller(d.seller, platform, profile, sellerNotes));
    if (!sellerNotes.isEmpty()) {
      // What the checks dropped stays with the listing, with the reason.
      attributes.put(Extraction.SELLER_DROPPED, cut(String.join("; ", sellerNotes), 2_000));
    }
    b.attributes(attributes);
    if (d.images.isSet()) {
      List<Image> images = new ArrayList<>();
      for (String u : d.images.get()) {
        String abs = imageUrl(u, url);
        if (abs != null && images.stream().noneMatch(i -> i.url().equals(abs))) {
          images.add(Image.of(abs));
        }
      }
      b.images(images.isEmpty() ? null : images);
    }
    if (d.likes.isSet()
        || d.comments.isSet()
        || d.shares.isSet()
        || d.sold.isSet()
        || d.reviews.isSet()) {
      b.metrics(
          new Metrics(
              d.sold.get(), d.reviews.get(), d.likes.get(), d.comments.get(), d.shares.get()));
    }
    if (!d.contacts.isEmpty()) {
      b.contacts(new ArrayList<>(d.contacts));
    }
    return b.build();
  }

  private static final java.util.regex.Pattern PLACEHOLDER_IMAGE =
      java.util.regex.Pattern.compile(
          "(?i)/(?:1x1|pixel|spacer|blank|transparent|placeholder|lazy|loading)[._-][^/]*$");

  /**
   * An image URL made absolute against the listing's URL; null for inline {@code data:} images,
   * placeholders and spacers (named so), and what is no URL.
   */
  static String imageUrl(String u, String base) {
    if (u == null || u.isBlank()) {
      return null;
    }
    String s = u.strip();
    if (s.regionMatches(true, 0, "data:", 0, 5) || s.regionMatches(true, 0, "javascript:", 0, 11)) {
      return null;
    }
    try {
      String abs = java.net.URI.create(base).resolve(s.replace(" ", "%20")).toString();
      if (!(abs.startsWith("http://") || abs.startsWith("https://") || abs.startsWith("file:"))) {
        return null;
      }
      return PLACEHOLDER_IMAGE.matcher(abs.replaceFirst("[?#].*$", "")).find() ? null : abs;
    } catch (IllegalArgumentException e) {
      return s.startsWith("http://") || s.startsWith("https://") ? s : null;
    }
  }

  /** Breadcrumbs often end with the product itself: that is no category. */
  private static List<String> category(List<String> path, String title) {
    if (path == null || path.isEmpty()) {
      return null;
    }
    List<String> out = new ArrayList<>(path);
    if (title != null && out.get(out.size() - 1).equalsIgnoreCase(title.strip())) {
      out.remove(out.size() - 1);
    }
    return out.isEmpty() ? null : out;
  }

  private static Seller seller(
      SellerDraft s, String platform, SiteProfile profile, List<String> notes) {
    if (s.isEmpty()) {
      return null;
    }
    List<String> phones = SellerChecks.phones(s.phones, notes);
    List<String> zalo = SellerChecks.phones(s.zalo, notes);
    String nativeId = s.nativeId.get();
    if (nativeId == null && profile != null) {
      nativeId = ProfileExtractor.idFromUrl(profile.sellerId(), s.url.get());
    }
    if (nativeId == null && (s.url.isSet() || s.name.isSet())) {
      nativeId =
          "u"
              + hash(
                  s.url.isSet() ? stripFragment(s.url.get()) : s.name.get().strip().toLowerCase());
    }
    String id = nativeId == null ? null : platform + ":shop:" + nativeId;
    // As shown when the page names it; else read from the address.
    String shown = s.province.isSet() ? Provinces.current(s.province.get()) : null;
    String fromAddress = Provinces.of(s.address.get());
    String province = shown != null ? shown : fromAddress != null ? fromAddress : s.province.get();
    return new Seller(
        id,
        s.name.get(),
        s.url.get(),
        phones.isEmpty() ? null : phones,
        s.emails.isEmpty() ? null : new ArrayList<>(s.emails),
        s.address.get(),
        province,
        SellerChecks.businessRegistration(s.businessRegistration.get(), notes),
        SellerChecks.taxCode(s.taxCode.get(), notes),
        s.verified.get(),
        s.joinedAt.get(),
        s.rating.get(),
        s.followers.get(),
        s.listingsCount.get(),
        zalo.isEmpty() ? null : zalo);
  }

  /**
   * A brand written like a page title ("Show name | Site name", "A | B | C") is a title that markup
   * put in the brand field, not a brand: no brand name holds " | ".
   */
  static String brand(String brand) {
    return brand == null || brand.contains(" | ") || brand.contains(" │ ") ? null : brand;
  }

  private static Money withCurrency(Money m, String currency) {
    if (m == null) {
      return null;
    }
    // ISO 4217 "XXX" means "no currency": the amount is kept, and says so, when none is known.
    return new Money(
        m.amount(), m.currency() != null ? m.currency() : currency != null ? currency : "XXX");
  }

  private static void put(Map<String, String> m, String k, String v) {
    if (v != null && !v.isBlank() && m.size() < 200) {
      m.putIfAbsent(k, cut(v.strip(), 2_000));
    }
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  static String stripFragment(String url) {
    int hash = url.indexOf('#');
    return hash >= 0 ? url.substring(0, hash) : url;
  }

  static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  /**
   * The GTIN's digits (EAN-8, UPC-A, EAN-13, GTIN-14) when its check digit is right, checked by the
   * detectors' validator, else null: a number that fails is an internal code or a typo, not a
   * barcode, and is not kept as one. Any whitespace inside is dropped first ("8 934588 012228").
   */
  static String validGtin(String text) {
    if (text == null) {
      return null;
    }
    Validation v = Gtin.validate(text.replaceAll("\\s", ""));
    return v.valid() ? v.value() : null;
  }
}
