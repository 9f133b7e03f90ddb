package org.markwatch.crawler.robots;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.markwatch.crawler.fetch.FetchLimits;
import org.markwatch.crawler.fetch.StaticFetcher;
import org.markwatch.crawler.net.AddressGuard;
import org.markwatch.crawler.testing.TestSite;

class RobotsCacheTest {
  private static final FetchLimits LIMITS =
      new FetchLimits(
          Duration.ofSeconds(5), Duration.ofSeconds(120), Duration.ofSeconds(120), 100_000);

  // ConcurrentHashMap's bin for a key in a fresh map (16 bins): same formula as the JDK's spread().
  private static int bin(String origin) {
    int h = origin.hashCode();
    return ((h ^ (h >>> 16)) & 0x7fffffff) & 15;
  }

  @Test
  void aSlowRobotsTxtHoldsUpNoOtherOriginEvenInTheSameMapBin() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<TestSite> spare = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try (TestSite slow = new TestSite();
        StaticFetcher fetcher = new StaticFetcher(new AddressGuard(true), LIMITS, "t")) {
      slow.route(
          "/robots.txt",
          ex -> {
            try {
              release.await();
            } catch (InterruptedException e) {
              return;
            }
            TestSite.send(ex, 200, "text/plain", "User-agent: *\nDisallow: /private\n");
          });
      String slowOrigin = "http://127.0.0.1:" + slow.port();
      // A second site whose origin lands in the same bin: the case computeIfAbsent would block.
      TestSite fast = null;
      for (int i = 0; i < 200 && fast == null; i++) {
        TestSite candidate = new TestSite();
        spare.add(candidate);
        if (bin("http://127.0.0.1:" + candidate.port()) == bin(slowOrigin)) {
          fast = candidate;
        }
      }
      assertThat(fast).as("a port sharing the bin").isNotNull();
      fast.text("/robots.txt", "text/plain", "User-agent: *\nDisallow: /cart\n");
      RobotsCache cache = new RobotsCache(fetcher, new RobotsPolicy("markwatch"));

      Future<Boolean> slowAnswer = pool.submit(() -> cache.allowed(slow.url("/private/x")));
      while (slow.hits().isEmpty()) {
        Thread.sleep(10); // the slow fetch is under way (and, before the fix, holding the bin)
      }
      Future<Boolean> slowAgain = pool.submit(() -> cache.allowed(slow.url("/ok")));
      TestSite fastSite = fast;
      Future<Boolean> fastAnswer = pool.submit(() -> cache.allowed(fastSite.url("/cart")));
      // generous: the point is that it answers at all while the other robots.txt is still held
      assertThat(fastAnswer.get(60, TimeUnit.SECONDS)).isFalse();
      assertThat(slowAnswer.isDone()).isFalse();
      assertThat(cache.cached(slow.url("/"))).as("nothing cached while the fetch runs").isNull();

      release.countDown();
      assertThat(slowAnswer.get(60, TimeUnit.SECONDS)).isFalse();
      assertThat(slowAgain.get(60, TimeUnit.SECONDS)).isTrue();
      assertThat(slow.count("/robots.txt")).as("one fetch per origin").isEqualTo(1);
    } finally {
      release.countDown();
      pool.shutdownNow();
      spare.forEach(TestSite::close);
    }
  }
}
