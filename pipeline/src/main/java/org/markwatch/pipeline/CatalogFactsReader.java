package org.markwatch.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.markwatch.detectors.catalog.CatalogFacts;
import org.markwatch.detectors.catalog.ObservedPrice;
import org.markwatch.detectors.catalog.OfficialStore;
import org.markwatch.model.JsonCodec;
import org.markwatch.storage.ObservedPriceStore;
import org.markwatch.storage.origin.OriginStore;

/**
 * The catalog facts a running job lays over its configured catalog ({@link CatalogFacts}), read
 * from the database: the observed prices {@code markwatch prices observe --store} stored (table
 * {@code observed_prices}) and the sellers brand owners authorised ({@code authorised_sellers},
 * valid today). An authorised seller becomes an official store of its brand on any platform, known
 * by seller id and/or shop host, never by name: a display name can be copied by anybody.
 */
final class CatalogFactsReader {
  private CatalogFactsReader() {}

  static CatalogFacts read(DataSource dataSource) {
    List<ObservedPrice> prices = new ArrayList<>();
    for (ObservedPriceStore.Price p : new ObservedPriceStore(dataSource).all()) {
      prices.add(
          new ObservedPrice(p.brand(), p.type(), p.median(), p.mad(), p.samples(), null, p.line()));
    }
    Map<String, List<OfficialStore>> authorised = new TreeMap<>();
    for (OriginStore.Authorisation a : new OriginStore(dataSource).activeAuthorisations()) {
      authorised
          .computeIfAbsent(a.brandId(), k -> new ArrayList<>())
          .add(new OfficialStore("*", null, a.sellerId(), a.shopHost()));
    }
    return new CatalogFacts(prices, authorised);
  }

  /** The facts as the JSON a snapshot carries. */
  static String readJson(DataSource dataSource) {
    return JsonCodec.mapper().writeValueAsString(read(dataSource));
  }

  static CatalogFacts parse(String json) {
    return json == null
        ? CatalogFacts.NONE
        : JsonCodec.mapper().readValue(json, CatalogFacts.class);
  }
}
