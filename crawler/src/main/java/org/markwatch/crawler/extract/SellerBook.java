package org.markwatch.crawler.extract;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.markwatch.model.Listing;
import org.markwatch.model.Seller;

/**
 * The sellers a crawl has seen with their business information (on their own pages, mostly), so
 * that a later listing naming only the seller's name and URL carries the whole record. Storage
 * keeps the newest observation of a seller: without this, a product page seen after the shop page
 * would blank the shop's address and tax code. Thread-safe; bounded at {@value #MAX_SELLERS}.
 */
public final class SellerBook {
  /** Sellers remembered, at most; later ones pass through unchanged. */
  public static final int MAX_SELLERS = 100_000;

  private final Map<String, Seller> known = new ConcurrentHashMap<>();

  /** The listing with its seller completed from what is known, and what it shows remembered. */
  public Listing complete(Listing listing) {
    Seller s = listing.seller();
    if (s == null || s.id() == null) {
      return listing;
    }
    Seller before = known.get(s.id());
    Seller merged = before == null ? s : merge(before, s);
    if (hasBusinessInfo(merged) && (before != null || known.size() < MAX_SELLERS)) {
      known.put(s.id(), merged);
    }
    return merged.equals(s) ? listing : listing.toBuilder().seller(merged).build();
  }

  /** Sellers remembered. */
  public int size() {
    return known.size();
  }

  static boolean hasBusinessInfo(Seller s) {
    return s.address() != null
        || s.taxCode() != null
        || s.businessRegistration() != null
        || (s.phones() != null && !s.phones().isEmpty())
        || (s.emails() != null && !s.emails().isEmpty());
  }

  /** {@code newer}'s fields, each missing one taken from {@code older}. */
  static Seller merge(Seller older, Seller newer) {
    return new Seller(
        newer.id(),
        or(newer.name(), older.name()),
        or(newer.url(), older.url()),
        or(newer.phones(), older.phones()),
        or(newer.emails(), older.emails()),
        or(newer.address(), older.address()),
        or(newer.province(), older.province()),
        or(newer.businessRegistration(), older.businessRegistration()),
        or(newer.taxCode(), older.taxCode()),
        or(newer.verified(), older.verified()),
        or(newer.joinedAt(), older.joinedAt()),
        or(newer.rating(), older.rating()),
        or(newer.followers(), older.followers()),
        or(newer.listingsCount(), older.listingsCount()),
        or(newer.zalo(), older.zalo()));
  }

  private static <T> T or(T a, T b) {
    return a != null && !(a instanceof java.util.Collection<?> c && c.isEmpty()) ? a : b;
  }
}
