package org.markwatch.storage.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.markwatch.storage.Database;
import org.markwatch.storage.TestDatabase;

class FrontierStoreTest {
  private static final Instant T0 = Instant.parse("2026-12-01T01:00:00Z");
  private static final Duration TTL = Duration.ofSeconds(30);
  private static final String A = "http://shop.test/p/1";
  private static final String B = "http://shop.test/p/2";
  private static final String SEED = "http://shop.test/";

  /**
   * One scratch database per backend for all cases (creating and migrating one is the slow part).
   */
  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void frontierCases(TestDatabase.Backend backend) throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      FrontierStore f = FrontierStore.of(db);
      urlsAreAdmittedOnceAndClaimedByPriorityThenWaitForTheirRevisit(f);
      aRevisitNoticesListingsGoneFromThePageOrAnswered404(f);
      aDeadWorkersClaimedUrlIsTakenBackOnceItsLeaseRunsOut(f);
      aRunsPageBudgetIsSharedByItsWorkersAndNeverExceeded(f);
    }
  }

  /** Four workers of one run claim pages at once: exactly the budget is handed out in total. */
  private static void aRunsPageBudgetIsSharedByItsWorkersAndNeverExceeded(FrontierStore f)
      throws Exception {
    int budget = 40;
    java.util.concurrent.atomic.AtomicInteger granted =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    List<Thread> workers = new java.util.ArrayList<>();
    for (int w = 0; w < 4; w++) {
      workers.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      start.await();
                    } catch (InterruptedException e) {
                      return;
                    }
                    while (f.claimPage("run-1", "s", budget)) {
                      granted.incrementAndGet();
                    }
                  }));
    }
    start.countDown();
    for (Thread t : workers) {
      t.join(60_000);
    }
    assertThat(granted.get()).isEqualTo(budget);
    assertThat(f.pagesClaimed("run-1", "s")).isEqualTo(budget);
    // a page given back (a retry, a put-back) can be taken again, once
    f.returnPage("run-1", "s");
    assertThat(f.claimPage("run-1", "s", budget)).isTrue();
    assertThat(f.claimPage("run-1", "s", budget)).isFalse();
    // the first claim opened the budget: a later worker's other figure does not widen it
    assertThat(f.claimPage("run-1", "s", 1_000)).isFalse();
    // another run, or another source, has a budget of its own
    assertThat(f.claimPage("run-2", "s", 1)).isTrue();
    assertThat(f.claimPage("run-2", "s", 1)).isFalse();
    assertThat(f.claimPage("run-1", "other", 1)).isTrue();
  }

  private static void urlsAreAdmittedOnceAndClaimedByPriorityThenWaitForTheirRevisit(
      FrontierStore f) {
    assertThat(f.nextDue("s")).isEmpty();
    assertThat(f.admit("s", A, "shop.test", 1, 20, Duration.ofDays(1), T0)).isTrue();
    assertThat(f.admit("s", SEED, "shop.test", 0, 30, Duration.ofHours(6), T0)).isTrue();
    assertThat(f.admit("s", A, "shop.test", 1, 20, Duration.ofDays(1), T0)).isFalse();
    assertThat(f.leaseHost("s", "w1", T0, TTL)).contains("shop.test");
    assertThat(f.leaseHost("s", "w2", T0, TTL)).as("leased by w1").isEmpty();
    assertThat(f.claim("s", "shop.test", "w1", T0, TTL).orElseThrow().url()).isEqualTo(SEED);
    f.complete("s", SEED, "w1", T0, 200, "OK", List.of(), "r1");
    assertThat(f.claim("s", "shop.test", "w1", T0, TTL).orElseThrow().url()).isEqualTo(A);
    f.complete("s", A, "w1", T0, 200, "OK", List.of("l1"), "r1");
    assertThat(f.claim("s", "shop.test", "w1", T0, TTL)).isEmpty();
    f.release("s", "shop.test", "w1", T0);
    assertThat(f.pending("s", "w1", T0.plusSeconds(60))).isFalse();
    assertThat(f.nextDue("s")).contains(T0.plus(Duration.ofHours(6)));
    // the seed is due again after its 6 h, the product after its day
    Instant later = T0.plus(Duration.ofHours(7));
    assertThat(f.leaseHost("s", "w2", later, TTL)).contains("shop.test");
    assertThat(f.claim("s", "shop.test", "w2", later, TTL).orElseThrow().url()).isEqualTo(SEED);
    assertThat(f.claim("s", "shop.test", "w2", later, TTL)).isEmpty();
    FrontierStore.Counts c = f.counts("s", later);
    assertThat(c.urls()).isEqualTo(2);
    assertThat(c.fetching()).isEqualTo(1);
    assertThat(c.fetched()).isEqualTo(2);
  }

  private static void aRevisitNoticesListingsGoneFromThePageOrAnswered404(FrontierStore f) {
    f.admit("s2", SEED, "shop.test", 0, 30, Duration.ofMinutes(1), T0);
    f.admit("s2", A, "shop.test", 1, 20, Duration.ofMinutes(1), T0);
    f.complete("s2", SEED, "w", T0, 200, "OK", List.of("card-1", "card-2"), "r1");
    f.complete("s2", A, "w", T0, 200, "OK", List.of("l1"), "r1");
    Instant t1 = T0.plusSeconds(120);
    assertThat(f.complete("s2", SEED, "w", t1, 200, "OK", List.of("card-2", "card-3"), "r2"))
        .isEqualTo(new FrontierStore.VisitResult(1, 1));
    assertThat(f.complete("s2", A, "w", t1, 404, "HTTP_ERROR", null, "r2"))
        .isEqualTo(new FrontierStore.VisitResult(0, 1));
    assertThat(f.removedInRun("r2"))
        .extracting(FrontierStore.RemovedListing::listingId, FrontierStore.RemovedListing::reason)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("card-1", "no longer on its page"),
            org.assertj.core.groups.Tuple.tuple("l1", "HTTP 404"));
    // a failed fetch that is not 404/410 says nothing about the listings
    assertThat(f.complete("s2", SEED, "w", t1.plusSeconds(120), 503, "HTTP_ERROR", null, "r3"))
        .isEqualTo(new FrontierStore.VisitResult(0, 0));
  }

  private static void aDeadWorkersClaimedUrlIsTakenBackOnceItsLeaseRunsOut(FrontierStore f) {
    f.admit("s3", A, "shop.test", 1, 20, Duration.ofDays(1), T0);
    f.admit("s3", B, "shop.test", 1, 20, Duration.ofDays(1), T0);
    f.leaseHost("s3", "dead", T0, TTL);
    String claimed = f.claim("s3", "shop.test", "dead", T0, TTL).orElseThrow().url();
    assertThat(f.pending("s3", "live", T0)).isTrue();
    assertThat(f.leaseHost("s3", "live", T0.plusSeconds(10), TTL)).as("lease still held").isEmpty();
    Instant after = T0.plus(TTL).plusSeconds(1);
    assertThat(f.leaseHost("s3", "live", after, TTL)).contains("shop.test");
    assertThat(f.reclaimedUrls("s3")).containsExactly(claimed);
    List<String> got =
        List.of(
            f.claim("s3", "shop.test", "live", after, TTL).orElseThrow().url(),
            f.claim("s3", "shop.test", "live", after, TTL).orElseThrow().url());
    assertThat(got).containsExactlyInAnyOrder(A, B);
    // the dead worker's late report cannot put its URL back: it no longer holds it
    f.putBack("s3", claimed, "dead", after, false);
    assertThat(f.counts("s3", after).fetching()).isEqualTo(2);
  }
}
