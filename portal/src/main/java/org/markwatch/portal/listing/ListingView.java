package org.markwatch.portal.listing;

import java.net.URI;
import java.util.Locale;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Listing;
import org.markwatch.model.Scored;
import org.markwatch.storage.StoredListing;

/**
 * A stored listing with its verdict, ready for the page. Scraped values are only ever rendered as
 * text (Thymeleaf escapes them); {@link #safeUrl()} keeps only http(s) links so a hostile {@code
 * javascript:} URL never becomes clickable.
 */
public record ListingView(Listing listing, Scored scored, String sellerId) {
  static ListingView of(StoredListing stored) {
    Listing listing = JsonCodec.mapper().readValue(stored.listingJson(), Listing.class);
    Scored scored =
        stored.scoredJson() == null
            ? null
            : JsonCodec.mapper().readValue(stored.scoredJson(), Scored.class);
    return new ListingView(listing, scored, stored.sellerId());
  }

  public String safeUrl() {
    return safe(listing.url());
  }

  static String safe(String url) {
    try {
      String scheme = url == null ? null : URI.create(url).getScheme();
      return scheme != null && scheme.toLowerCase(Locale.ROOT).matches("https?") ? url : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
