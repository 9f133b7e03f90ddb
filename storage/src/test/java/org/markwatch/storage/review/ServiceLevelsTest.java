package org.markwatch.storage.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.markwatch.storage.Database;
import org.markwatch.storage.TestDatabase;
import org.markwatch.storage.jurisdiction.Jurisdiction;

/**
 * The review service levels (ServiceLevels): due_at is set as a listing enters each state, by
 * priority for new listings, cleared when closed, and overdue reviews are counted per assignee.
 */
class ServiceLevelsTest {
  private static final Jurisdiction CHIEF = Jurisdiction.national("chief");
  private static final Instant OBSERVED = Instant.parse("2026-11-01T07:00:00Z");

  @Test
  void eachStateIsDueByThePolicyFromTheMomentItWasEntered() throws Exception {
    try (TestDatabase scratch = TestDatabase.create(TestDatabase.Backend.H2);
        Database db = Database.open(scratch.settings())) {
      ReviewStoreTestData.seed(db); // hn1 scores 0.95, hn2 0.60, sg1 0.80; observed 1 Nov 07:00
      Instant now = Instant.parse("2026-11-02T09:00:00Z");
      ReviewStore reviews = new ReviewStore(db.dataSource(), Clock.fixed(now, ZoneOffset.UTC));
      ReviewQueue queue = new ReviewQueue(db.dataSource());

      assertThat(due(reviews, "shopee:hn1")).isEqualTo(OBSERVED.plus(Duration.ofHours(8)));
      assertThat(due(reviews, "shopee:hn2")).isEqualTo(OBSERVED.plus(Duration.ofHours(48)));
      // at 09:00 the next day the high-priority one is overdue, nobody has it
      assertThat(queue.overdue(CHIEF, now)).containsEntry(null, 1L).hasSize(1);

      reviews.start(CHIEF, "shopee:hn1");
      assertThat(due(reviews, "shopee:hn1")).isEqualTo(now.plus(Duration.ofHours(72)));
      assertThat(queue.overdue(CHIEF, now)).isEmpty();
      assertThat(queue.overdue(CHIEF, now.plus(Duration.ofHours(73))))
          .containsEntry("chief", 1L)
          .containsEntry(null, 2L);

      reviews.decide(
          CHIEF,
          DecisionRequest.of(
              "shopee:hn1", ReviewState.CONFIRMED, "counterfeit_confirmed", "logo sai"));
      assertThat(due(reviews, "shopee:hn1")).isEqualTo(now.plus(Duration.ofHours(168)));
      reviews.decide(
          CHIEF,
          DecisionRequest.of("shopee:hn2", ReviewState.ESCALATED, "needs_brand_owner", null));
      assertThat(due(reviews, "shopee:hn2")).isEqualTo(now.plus(Duration.ofHours(120)));
      reviews.decide(
          CHIEF, DecisionRequest.of("shopee:sg1", ReviewState.DISMISSED, "genuine_product", null));
      assertThat(due(reviews, "shopee:sg1")).isNull();
      // a year on: the confirmed and the escalated one are overdue, the dismissed one never is
      assertThat(
              queue.overdue(CHIEF, now.plus(Duration.ofDays(365))).values().stream()
                  .mapToLong(Long::longValue)
                  .sum())
          .isEqualTo(2);
    }
  }

  private static Instant due(ReviewStore reviews, String listingId) {
    return reviews.find(CHIEF, listingId).orElseThrow().dueAt();
  }
}
