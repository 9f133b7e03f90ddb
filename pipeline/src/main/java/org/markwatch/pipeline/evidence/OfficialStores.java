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
 * catalog's allow-list and the sellers brand owners registered in the database ({@code
 * authorised_sellers}, laid over the catalog by the running job: {@link
 * BrandCatalog#officialStores}) by seller id, shop name or shop host, on the brand's platform or
 * any; a shop the platform verified that is named after the brand; or a shop named after the brand
 * with "official", "flagship" or "mall" in its name. The same reading as the rules' {@code
 * officialStore} condition; shop-level evidence never raises such a listing.
 */
public final class OfficialStores {
  private static final List<String> MARKS = List.of("official", "flagship", "mall");

  private OfficialStores() {}

  public static boolean official(BrandCatalog catalog, Listing listing, Scored scored) {
    Seller s = listing.seller();
    String site = "web".equals(listing.platform()) ? OfficialStore.hostOf(listing.url()) : null;
    if (s == null) {
      // a web shop's own site: only a store registered by host can say so
      for (BrandHit h : scored.brands()) {
        Brand brand = catalog.brand(h.brand()).orElse(null);
        if (brand != null && site != null) {
          for (OfficialStore o : catalog.officialStores(brand)) {
            if (site.equals(o.host()) && o.on(listing.platform())) {
              return true;
            }
          }
        }
      }
      return false;
    }
    if (Boolean.FALSE.equals(s.verified())) {
      return false;
    }
    String name = s.name() == null ? "" : fold(s.name());
    String shopHost = OfficialStore.hostOf(s.url());
    for (BrandHit h : scored.brands()) {
      Brand brand = catalog.brand(h.brand()).orElse(null);
      if (brand != null) {
        for (OfficialStore o : catalog.officialStores(brand)) {
          boolean who =
              (o.sellerId() != null && o.sellerId().equals(s.id()))
                  || (o.name() != null && fold(o.name()).equals(name))
                  || (o.host() != null && (o.host().equals(shopHost) || o.host().equals(site)));
          if (o.on(listing.platform()) && who) {
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
