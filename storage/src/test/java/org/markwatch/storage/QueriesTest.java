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

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void queueIsFlaggedOnlyByScoreAndFilters(TestDatabase.Backend backend) throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      new ListingStore(db.dataSource()).saveAll(Fixtures.sample());
      FlaggedQueue queue = new FlaggedQueue(db.dataSource());

      QueuePage all = queue.page(QueueFilter.all());
      assertThat(all.total()).isEqualTo(4);
      assertThat(all.items())
          .extracting(QueueItem::listingId)
          .containsExactly("shopee:1", "shopee:2", "tiki:2", "tiki:1");
      QueueItem top = all.items().get(0);
      assertThat(top.topViolation()).isEqualTo("counterfeit");
      assertThat(top.violations()).containsExactly("counterfeit", "ip_infringing");
      assertThat(top.brands()).containsExactly("louis-vuitton");
      assertThat(top.sellerName()).isEqualTo("Shop shopee:shop:a");
      assertThat(top.priceCurrency()).isEqualTo("VND");
      assertThat(all.hasNext()).isFalse();

      assertThat(queue.page(QueueFilter.all().withViolation("prohibited")).items())
          .extracting(QueueItem::listingId)
          .containsExactly("tiki:2");
      assertThat(queue.page(QueueFilter.all().withPlatform("tiki")).items())
          .extracting(QueueItem::listingId)
          .containsExactly("tiki:2", "tiki:1");
      assertThat(queue.page(QueueFilter.all().withText("GIÀY nike")).items())
          .extracting(QueueItem::listingId)
          .containsExactly("shopee:2");
      assertThat(queue.page(QueueFilter.all().withText("100%")).total()).isZero();
      assertThat(queue.page(QueueFilter.all().withText("shop:c")).total()).isEqualTo(2);

      QueuePage second = queue.page(QueueFilter.all().page(1, 2));
      assertThat(second.total()).isEqualTo(4);
      assertThat(second.items())
          .extracting(QueueItem::listingId)
          .containsExactly("shopee:2", "tiki:2");
      assertThat(second.hasNext()).isTrue();
    }
  }
}
