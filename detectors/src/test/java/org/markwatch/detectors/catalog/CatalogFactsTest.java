package org.markwatch.detectors.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.markwatch.detectors.Detectors;
import org.markwatch.detectors.TestData;
import org.markwatch.model.Listing;
import org.markwatch.model.Money;
import org.markwatch.model.Scored;
import org.markwatch.model.Seller;
import org.markwatch.model.Signal;

/**
 * Facts laid over a compiled catalog ({@link BrandCatalog#useFacts}): observed prices per brand,
 * product line and type replace the configured ones, and authorised sellers (by seller id or shop
 * host) count as official stores, without compiling the detectors again.
 */
class CatalogFactsTest {
  private static final String PRICE_RULE = "counterfeit.price-far-below-market";
  private static final String SHOP_NAME_RULE = "ip.brand-in-shop-name";
  private static Detectors detectors;

  @BeforeAll
  static void compile() {
    detectors = Detectors.create(TestData.coreConfig()); // its own: the test lays facts over it
  }

  @AfterAll
  static void close() {
    detectors.close();
  }

  @Test
  void anObservedPriceOfTheProductLineComesBeforeTheBrandsAndReplacesTheConfiguredOne() {
    Listing chuck = product("Giày Converse Chuck Taylor All Star cổ thấp", 900_000, null);
    try {
      // the configured seed for Converse shoes (1,700,000) is not three times 900,000
      assertThat(signal(detectors.score(chuck), PRICE_RULE)).isNull();
      detectors
          .catalog()
          .useFacts(
              new CatalogFacts(
                  List.of(
                      new ObservedPrice("converse", "shoes", 1_000_000L, 1L, 40, null, ""),
                      new ObservedPrice(
                          "converse", "shoes", 5_000_000L, 1L, 40, null, "Chuck Taylor")),
                  Map.of()));
      assertThat(detectors.catalog().observed("converse", "shoes").orElseThrow().median())
          .isEqualTo(1_000_000L);
      assertThat(signal(detectors.score(chuck), PRICE_RULE))
          .contains("observed median 5,000,000 VND (Converse Chuck Taylor shoes, n=40)");
      // another line of the brand: the brand's figure, under which 900,000 is not
      Listing chuck70 = product("Giày Converse Chuck 70 cổ cao", 900_000, null);
      assertThat(signal(detectors.score(chuck70), PRICE_RULE)).isNull();
      // too few listings behind the line's figure: the brand's is used
      detectors
          .catalog()
          .useFacts(
              new CatalogFacts(
                  List.of(
                      new ObservedPrice(
                          "converse", "shoes", 5_000_000L, 1L, 3, null, "Chuck Taylor")),
                  Map.of()));
      assertThat(signal(detectors.score(chuck), PRICE_RULE)).isNull();
    } finally {
      detectors.catalog().useFacts(null);
    }
    assertThat(detectors.catalog().observed("converse", "shoes").orElseThrow().median())
        .isEqualTo(1_700_000L);
  }

  @Test
  void anAuthorisedSellerIsAnOfficialStoreOfItsBrandBySellerIdOrShopHost() {
    Seller adidasNamed =
        new Seller(
            "shopee:shop:77",
            "Adidas Outlet Sài Gòn",
            "https://www.AdidasOutlet.vn/shop",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    Listing jacket = product("Áo khoác gió nam chống nước", 450_000, adidasNamed);
    try {
      assertThat(signal(detectors.score(jacket), SHOP_NAME_RULE)).isNotNull();
      // authorised for another brand: still a signal
      authorise("nike", new OfficialStore("*", null, "shopee:shop:77", null));
      assertThat(signal(detectors.score(jacket), SHOP_NAME_RULE)).isNotNull();
      authorise("adidas", new OfficialStore("*", null, "shopee:shop:77", null));
      assertThat(signal(detectors.score(jacket), SHOP_NAME_RULE)).isNull();
      // by the host of the shop's URL, however it is written
      authorise("adidas", new OfficialStore("*", null, null, "adidasoutlet.vn"));
      assertThat(signal(detectors.score(jacket), SHOP_NAME_RULE)).isNull();
      // another shop's host, or another platform: still a signal
      authorise("adidas", new OfficialStore("*", null, null, "adidas.com.vn"));
      assertThat(signal(detectors.score(jacket), SHOP_NAME_RULE)).isNotNull();
      authorise("adidas", new OfficialStore("lazada", null, "shopee:shop:77", null));
      assertThat(signal(detectors.score(jacket), SHOP_NAME_RULE)).isNotNull();
    } finally {
      detectors.catalog().useFacts(null);
    }
  }

  private static void authorise(String brand, OfficialStore store) {
    detectors.catalog().useFacts(new CatalogFacts(List.of(), Map.of(brand, List.of(store))));
  }

  private static Listing product(String title, long price, Seller seller) {
    return Listing.builder("shopee:1", "shopee", "https://shopee.vn/p/1", "2026-12-01T08:00:00Z")
        .title(title)
        .price(Money.vnd(price))
        .seller(seller)
        .build();
  }

  private static String signal(Scored s, String rule) {
    return s.signals().stream()
        .filter(x -> x.rule().equals(rule) && x.weight() > 0)
        .map(Signal::evidence)
        .findFirst()
        .orElse(null);
  }
}
