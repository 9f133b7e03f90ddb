package org.markwatch.pipeline.evidence;

import java.util.List;
import org.markwatch.detectors.analysis.TextForms;
import org.markwatch.detectors.catalog.Brand;
import org.markwatch.detectors.catalog.BrandCatalog;
import org.markwatch.detectors.catalog.OfficialStore;
import org.markwatch.model.BrandHit;
import org.markwatch.model.Listing;
import org.markwatch.model.Scored;
import org.markwatch.model.Seller;

/**
 * Whether a listing comes from an official store or authorised reseller of a brand it names: the
 * catalog's allow-list (by seller id or shop name, on the brand's platform or any), a shop the
 * platform verified that is named after the brand, or a shop named after the brand with "official",
 * "flagship" or "mall" in its name. The same reading as the rules' {@code officialStore} condition;
 * shop-level evidence never raises such a listing.
 */
public final class OfficialStores {
  private static final List<String> MARKS = List.of("official", "flagship", "mall");

  private OfficialStores() {}

  public static boolean official(BrandCatalog catalog, Listing listing, Scored scored) {
    Seller s = listing.seller();
    if (s == null || Boolean.FALSE.equals(s.verified())) {
      return false;
    }
    String name = s.name() == null ? "" : fold(s.name());
    for (BrandHit h : scored.brands()) {
      Brand brand = catalog.brand(h.brand()).orElse(null);
      if (brand != null) {
        for (OfficialStore o : brand.officialStores()) {
          boolean platform =
              o.platform() == null
                  || o.platform().equals("*")
                  || o.platform().equalsIgnoreCase(listing.platform());
          boolean who =
              (o.sellerId() != null && o.sellerId().equals(s.id()))
                  || (o.name() != null && fold(o.name()).equals(name));
          if (platform && who) {
            return true;
          }
        }
      }
      if ("seller".equals(h.field())) {
        if (Boolean.TRUE.equals(s.verified())) {
          return true;
        }
        List<String> words = List.of(name.split(" "));
        for (String m : MARKS) {
          if (words.contains(m)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static String fold(String text) {
    return TextForms.fold(String.join(" ", TextForms.words(text)));
  }
}
