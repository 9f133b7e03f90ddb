package org.markwatch.app.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.markwatch.crawler.frontier.CrawlUrl;
import org.markwatch.crawler.frontier.Frontier;
import org.markwatch.crawler.source.BrowserSettings;
import org.markwatch.crawler.source.FetchMode;
import org.markwatch.crawler.source.Politeness;
import org.markwatch.crawler.source.Source;
import org.markwatch.storage.Database;
import org.markwatch.storage.TestDatabase;
import org.markwatch.storage.frontier.FrontierStore;

/**
 * The page budget ({@code maxPages}) is the run's: two workers of one run (same run id), each with
 * its own frontier over the shared database, fetch at most that many pages together; a worker of
 * another run has its own budget.
 */
class DatabaseFrontierTest {
  private static final int HOSTS = 3;
  private static final int PAGES_PER_HOST = 10;
  private static final int MAX_PAGES = 12;

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void maxPagesIsCountedPerRunAcrossWorkers(TestDatabase.Backend backend) throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      FrontierStore store = FrontierStore.of(db);
      Source source = source().withMaxPages(MAX_PAGES);
      DatabaseFrontier.Stats stats = new DatabaseFrontier.Stats();
      DatabaseFrontier seeding = frontier(store, source, "seeder", "run-0", stats);
      for (int h = 0; h < HOSTS; h++) {
        for (int p = 0; p < PAGES_PER_HOST; p++) {
          seeding.add("http://shop" + h + ".test/p/" + p, 1, Frontier.PRIORITY_PRODUCT);
        }
      }

      Set<String> fetched = ConcurrentHashMap.newKeySet();
      List<Integer> perWorker = drainTogether(store, source, "run-1", fetched, stats);

      assertThat(perWorker.stream().mapToInt(Integer::intValue).sum())
          .as("pages fetched by both workers of run-1, each %s", perWorker)
          .isEqualTo(MAX_PAGES);
      assertThat(fetched).hasSize(MAX_PAGES);
      // not asserted: that each worker got some, which depends on scheduling. (CI saw [0, 12]
      // when a worker took an open budget for a spent one, fixed in FrontierStore.claimPage.)
      // With a budget per worker, as before V76, they would fetch 24 together whoever ran first
      assertThat(store.pagesClaimed("run-1", source.id())).isEqualTo(MAX_PAGES);
      // the URLs left are still due for the next run, whose workers have a budget of their own
      List<Integer> next = drainTogether(store, source, "run-2", fetched, stats);
      assertThat(next.stream().mapToInt(Integer::intValue).sum()).isEqualTo(MAX_PAGES);
      assertThat(fetched).hasSize(2 * MAX_PAGES);
    }
  }

  /** Two workers of {@code runId} fetch (complete) what their frontiers hand out, at once. */
  private static List<Integer> drainTogether(
      FrontierStore store,
      Source source,
      String runId,
      Set<String> fetched,
      DatabaseFrontier.Stats stats)
      throws InterruptedException {
    CountDownLatch start = new CountDownLatch(1);
    List<Integer> counts = java.util.Collections.synchronizedList(new ArrayList<>());
    List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    for (String worker : List.of("w1", "w2")) {
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    DatabaseFrontier f =
                        frontier(store, source, worker + "/" + runId, runId, stats);
                    int n = 0;
                    try {
                      start.await();
                      for (CrawlUrl u; (u = f.next()) != null; ) {
                        assertThat(fetched.add(u.url())).as("fetched twice: " + u.url()).isTrue();
                        n++;
                        Thread.sleep(20); // a fetch: the other worker runs meanwhile
                        f.done(u, new Frontier.Visit(200, "OK", List.of()));
                      }
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    } catch (RuntimeException | AssertionError e) {
                      failures.add(worker + ": " + e);
                    } finally {
                      f.close();
                      counts.add(n);
                    }
                  }));
    }
    start.countDown();
    for (Thread t : threads) {
      t.join(120_000);
    }
    assertThat(failures).as("what the workers threw").isEmpty();
    return counts;
  }

  private static DatabaseFrontier frontier(
      FrontierStore store, Source source, String worker, String runId, DatabaseFrontier.Stats s) {
    return new DatabaseFrontier(
        store, source, worker, runId, Duration.ofSeconds(30), Clock.systemUTC(), s);
  }

  private static Source source() {
    Set<String> hosts = new java.util.HashSet<>();
    for (int h = 0; h < HOSTS; h++) {
      hosts.add("shop" + h + ".test");
    }
    return new Source(
        "shops",
        "web",
        List.of("http://shop0.test/"),
        FetchMode.STATIC,
        hosts,
        List.of(Pattern.compile("/")),
        List.of(Pattern.compile("/p/\\d+")),
        false,
        1_000,
        new Politeness(0, 10_000, 0, 100, 1000),
        null,
        null,
        BrowserSettings.DEFAULT,
        "test");
  }
}
