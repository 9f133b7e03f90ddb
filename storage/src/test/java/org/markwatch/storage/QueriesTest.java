package org.markwatch.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class QueriesTest {

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void summaryCountsListingsFlagsViolationsSellersAndPlatforms(TestDatabase.Backend backend)
      throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      new ListingStore(db.dataSource()).saveAll(Fixtures.sample());
      Summary s = new SummaryQuery(db.dataSource()).summary(2);
      assertThat(s.listings()).isEqualTo(6);
      assertThat(s.flagged()).isEqualTo(4);
      assertThat(s.flaggedByViolation())
          .containsExactly(
              new Summary.KeyCount("counterfeit", 2),
              new Summary.KeyCount("ip_infringing", 1),
              new Summary.KeyCount("misleading", 1),
              new Summary.KeyCount("prohibited", 1),
              new Summary.KeyCount("smuggled", 1));
      assertThat(s.topFlaggedSellers())
          .containsExactly(
              new Summary.SellerCount("shopee:shop:a", "Shop shopee:shop:a", "shopee", 2, 2),
              new Summary.SellerCount("tiki:shop:c", "Shop tiki:shop:c", "tiki", 2, 2));
      assertThat(s.byPlatform())
          .containsExactly(
              new Summary.PlatformCount("shopee", 3, 2), new Summary.PlatformCount("tiki", 3, 2));
    }
  }

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void summaryOfAnEmptyDatabaseIsZero(TestDatabase.Backend backend) throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      Summary s = new SummaryQuery(db.dataSource()).summary();
      assertThat(s).isEqualTo(new Summary(0, 0, List.of(), List.of(), List.of()));
    }
  }
}
