package org.markwatch.crawler.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markwatch.crawler.CrawlReport;
import org.markwatch.crawler.CrawlSettings;
import org.markwatch.crawler.Crawler;
import org.markwatch.crawler.ProgressListener;
import org.markwatch.crawler.evidence.EvidenceStore;
import org.markwatch.crawler.fetch.FetchOutcome;
import org.markwatch.crawler.fetch.FetchRequest;
import org.markwatch.crawler.fetch.FetchResult;
import org.markwatch.crawler.net.AddressGuard;
import org.markwatch.crawler.source.BrowserSettings;
import org.markwatch.crawler.source.FetchMode;
import org.markwatch.crawler.source.Politeness;
import org.markwatch.crawler.source.Source;
import org.markwatch.crawler.testing.TestSite;
import org.markwatch.crawler.testing.TitleExtractor;
import org.markwatch.model.JsonCodec;

/** Real Chromium against a small JavaScript feed with infinite scroll (35 posts, 10 per load). */
class BrowserFetcherTest {
  static final int POSTS = 35;
  static TestSite site;
  static TestSite tracker; // another origin the page tries to load from: must be blocked

  @TempDir Path tmp;

  @BeforeAll
  static void serve() throws Exception {
    site = new TestSite();
    tracker = new TestSite();
    tracker.text("/pixel.gif", "image/gif", "GIF89a");
    site.text("/robots.txt", "text/plain", "User-agent: *\nDisallow: /cart\n");
    site.html(
        "/feed",
        """
        <!doctype html><html><head><meta charset="utf-8"><title>feed</title></head>
        <body><div id="feed"></div><img src="%spixel.gif">
        <script>
        let cursor = 0, loading = false, done = false;
        async function more() {
          if (loading || done) return;
          loading = true;
          const r = await fetch('/api/feed?cursor=' + cursor);
          const j = await r.json();
          for (const p of j.posts) {
            const a = document.createElement('article');
            a.className = 'post'; a.dataset.postId = p.id; a.textContent = p.text;
            a.style.height = '250px';
            document.getElementById('feed').appendChild(a);
          }
          if (j.next === null) done = true; else cursor = j.next;
          loading = false;
        }
        window.addEventListener('scroll', () => {
          if (window.innerHeight + window.scrollY >= document.body.scrollHeight - 100) more();
        });
        more();
        </script></body></html>"""
            .formatted(tracker.base()));
    // The demo's style: an IntersectionObserver on a sentinel (fires only on visibility changes)
    // and posts whose height is known only once their image has loaded.
    site.html(
        "/io-feed",
        """
        <!doctype html><html><head><meta charset="utf-8"></head><body>
        <div id="feed"></div><div id="sentinel"></div>
        <script>
        let cursor = 0, loading = false, done = false;
        const sentinel = document.getElementById('sentinel');
        function more() {
          if (loading || done) return;
          loading = true;
          fetch('/api/feed?cursor=' + cursor).then(r => r.json()).then(j => {
            for (const p of j.posts) {
              const a = document.createElement('article');
              a.className = 'post'; a.dataset.postId = p.id; a.textContent = p.text;
              const img = document.createElement('img'); img.src = '/img/' + p.id + '.svg'; a.appendChild(img);
              document.getElementById('feed').appendChild(a);
            }
            loading = false;
            if (j.next === null) { done = true; obs.disconnect(); } else cursor = j.next;
          });
        }
        const obs = new IntersectionObserver(es => { if (es.some(e => e.isIntersecting)) more(); });
        obs.observe(sentinel);
        </script></body></html>""");
    site.route(
        "/img/",
        ex -> {
          try {
            Thread.sleep(30);
          } catch (InterruptedException e) {
            return;
          }
          TestSite.send(
              ex,
              200,
              "image/svg+xml",
              "<svg xmlns='http://www.w3.org/2000/svg' width='300' height='400'><rect width='300' height='400'/></svg>");
        });
    site.route(
        "/api/feed",
        ex -> {
          int cursor = Integer.parseInt(ex.getRequestURI().getQuery().replace("cursor=", ""));
          StringBuilder posts = new StringBuilder();
          int end = Math.min(POSTS, cursor + 10);
          for (int i = cursor; i < end; i++) {
            posts
                .append(i > cursor ? "," : "")
                .append("{\"id\":\"")
                .append(i)
                .append("\",\"text\":\"Túi LV rep ")
                .append(i)
                .append(" giá 450k ib zalo\"}");
          }
          try {
            Thread.sleep(150); // the network is never instant
          } catch (InterruptedException e) {
            return;
          }
          TestSite.send(
              ex,
              200,
              "application/json",
              "{\"posts\":[" + posts + "],\"next\":" + (end < POSTS ? end : "null") + "}");
        });
  }

  private final java.util.concurrent.CountDownLatch release =
      new java.util.concurrent.CountDownLatch(1);

  @org.junit.jupiter.api.AfterEach
  void releaseHangingHandlers() {
    release.countDown();
  }

  @AfterAll
  static void stop() {
    site.close();
    tracker.close();
  }

  private static final BrowserSettings SETTINGS = new BrowserSettings(20, 3000, 60_000, true);

  @Test
  void rendersEveryPostByScrollingAndBlocksOtherHosts() {
    try (BrowserFetcher fetcher =
        new BrowserFetcher(
            Chromium.DEFAULT_PATH, "markwatch-test", new AddressGuard(true), 5_000_000)) {
      FetchResult r = fetcher.fetch(new FetchRequest(site.url("/feed"), Set.of(), 0, SETTINGS));
      assertThat(r.outcome()).as(String.valueOf(r.error())).isEqualTo(FetchOutcome.OK);
      assertThat(r.mode()).isEqualTo(FetchMode.BROWSER);
      var posts = Jsoup.parse(r.renderedHtml()).select("article.post");
      assertThat(posts).hasSize(POSTS);
      assertThat(posts.last().text()).isEqualTo("Túi LV rep 34 giá 450k ib zalo");
      assertThat(site.paths()).contains("/api/feed?cursor=0", "/api/feed?cursor=30");
      assertThat(tracker.hits()).as("requests to another origin are aborted").isEmpty();
      assertThat(r.screenshot()).isNotNull();
      assertThat(new String(r.screenshot(), 1, 3, java.nio.charset.StandardCharsets.US_ASCII))
          .isEqualTo("PNG");
      // the raw body as served has no posts: they exist only after JavaScript ran
      assertThat(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8))
          .doesNotContain("article class");
    }
  }

  @Test
  void followsAnIntersectionObserverFeedWithLateImages() {
    try (BrowserFetcher fetcher =
        new BrowserFetcher(
            Chromium.DEFAULT_PATH, "markwatch-test", new AddressGuard(true), 5_000_000)) {
      FetchResult r = fetcher.fetch(new FetchRequest(site.url("/io-feed"), Set.of(), 0, SETTINGS));
      assertThat(r.outcome()).as(String.valueOf(r.error())).isEqualTo(FetchOutcome.OK);
      assertThat(Jsoup.parse(r.renderedHtml()).select("article.post")).hasSize(POSTS);
    }
  }

  @Test
  void productionModeBrowserRefusesLoopbackBeforeStartingChromium() {
    int before = site.hits().size();
    try (BrowserFetcher fetcher =
        new BrowserFetcher(
            Chromium.DEFAULT_PATH, "markwatch-test", new AddressGuard(false), 5_000_000)) {
      FetchResult r = fetcher.fetch(new FetchRequest(site.url("/feed"), Set.of(), 0, SETTINGS));
      assertThat(r.outcome()).isEqualTo(FetchOutcome.BLOCKED);
      assertThat(r.error()).contains("loopback");
    }
    assertThat(site.hits()).hasSize(before);
  }

  @Test
  void pageThatNeverFinishesLoadingHitsThePageTimeLimit() {
    site.html("/hang", "<html><body>x<script src='/never.js'></script></body></html>");
    site.route(
        "/never.js",
        ex -> {
          try {
            release.await(); // held until @AfterEach, so no server thread stays busy after the test
          } catch (InterruptedException e) {
            return;
          }
          TestSite.send(ex, 200, "text/javascript", "1");
        });
    try (BrowserFetcher fetcher =
        new BrowserFetcher(
            Chromium.DEFAULT_PATH, "markwatch-test", new AddressGuard(true), 5_000_000)) {
      // warm up: Chromium's cold start is not part of the page time limit under test
      assertThat(
              fetcher
                  .fetch(new FetchRequest(site.url("/robots.txt"), Set.of(), 0, SETTINGS))
                  .outcome())
          .isEqualTo(FetchOutcome.OK);
      long t0 = System.nanoTime();
      FetchResult r =
          fetcher.fetch(
              new FetchRequest(
                  site.url("/hang"), Set.of(), 0, new BrowserSettings(5, 500, 2000, true)));
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertThat(r.outcome()).as(String.valueOf(r.error())).isEqualTo(FetchOutcome.TIMEOUT);
      // generous: the point is that the page ends long before the script would ever arrive
      assertThat(ms).isLessThan(60_000);
    }
  }

  @Test
  void redirectToARefusedAddressIsNeverFollowedByChromium() throws Exception {
    try (TestSite internal = new TestSite()) {
      internal.html("/secret", "<html><body>internal admin</body></html>");
      site.route(
          "/to-internal",
          ex -> {
            ex.getResponseHeaders().set("Location", internal.url("/secret"));
            ex.sendResponseHeaders(302, -1);
          });
      // Loopback is allowed on the site's port only: the second server stands in for
      // 169.254.169.254.
      AddressGuard guard = AddressGuard.loopbackOnlyOnPorts(Set.of(site.port()));
      try (BrowserFetcher fetcher =
          new BrowserFetcher(Chromium.DEFAULT_PATH, "markwatch-test", guard, 5_000_000)) {
        FetchResult ok = fetcher.fetch(new FetchRequest(site.url("/feed"), Set.of(), 0, SETTINGS));
        assertThat(ok.outcome())
            .as("the allowed port still renders through the proxy: " + ok.error())
            .isEqualTo(FetchOutcome.OK);
        FetchResult r =
            fetcher.fetch(new FetchRequest(site.url("/to-internal"), Set.of(), 0, SETTINGS));
        assertThat(r.outcome()).as(String.valueOf(r.error())).isEqualTo(FetchOutcome.BLOCKED);
        assertThat(r.error()).contains("port " + internal.port());
        assertThat(r.renderedHtml()).isNull();
        site.route(
            "/to-internal-by-name",
            ex -> {
              ex.getResponseHeaders()
                  .set("Location", "http://localhost:" + internal.port() + "/secret");
              ex.sendResponseHeaders(302, -1);
            });
        FetchResult byName =
            fetcher.fetch(
                new FetchRequest(site.url("/to-internal-by-name"), Set.of(), 0, SETTINGS));
        assertThat(byName.outcome())
            .as("a name is resolved and checked by the proxy: " + byName.error())
            .isEqualTo(FetchOutcome.BLOCKED);
        FetchResult direct =
            fetcher.fetch(new FetchRequest(internal.url("/secret"), Set.of(), 0, SETTINGS));
        assertThat(direct.outcome()).isEqualTo(FetchOutcome.BLOCKED);
      }
      assertThat(internal.hits()).as("the refused server was never contacted").isEmpty();
    }
  }

  @Test
  void redirectToAHostOffTheAllowListIsReportedNotRendered() throws Exception {
    try (TestSite elsewhere = new TestSite()) {
      elsewhere.html("/page", "<html><body><article class='post'>off-site</article></body></html>");
      site.route(
          "/to-elsewhere",
          ex -> {
            ex.getResponseHeaders().set("Location", elsewhere.url("/page"));
            ex.sendResponseHeaders(302, -1);
          });
      try (BrowserFetcher fetcher =
          new BrowserFetcher(
              Chromium.DEFAULT_PATH, "markwatch-test", new AddressGuard(true), 5_000_000)) {
        FetchResult r =
            fetcher.fetch(new FetchRequest(site.url("/to-elsewhere"), Set.of(), 0, SETTINGS));
        assertThat(r.outcome()).as(String.valueOf(r.error())).isEqualTo(FetchOutcome.REDIRECT);
        assertThat(r.redirectTo()).isEqualTo(elsewhere.url("/page"));
        assertThat(r.renderedHtml()).isNull();
        assertThat(r.screenshot()).isNull();
      }
    }
  }

  @Test
  void queuedPagesAreTimedFromTheirStartNotFromSubmission() throws Exception {
    site.html("/slow-page", "<html><body>slow<script src='/slow.js'></script></body></html>");
    site.route(
        "/slow.js",
        ex -> {
          try {
            Thread.sleep(1_000);
          } catch (InterruptedException e) {
            return;
          }
          TestSite.send(ex, 200, "text/javascript", "1");
        });
    BrowserSettings settings = new BrowserSettings(1, 300, 6_000, false);
    // margin 1 s: a page may take 7 s from its start (room for a loaded machine); nine pages of at
    // least 1.3 s each (1 s script, 0.3 s scroll wait), queued together, take 11.7 s or more, so
    // timing from submission would time the last ones out
    try (BrowserFetcher fetcher =
        new BrowserFetcher(
            Chromium.DEFAULT_PATH, "markwatch-test", new AddressGuard(true), 5_000_000, 1_000)) {
      // the first page also starts Chromium, which a loaded machine may take long over: not timed
      BrowserSettings warmUp = new BrowserSettings(1, 300, 60_000, false);
      assertThat(
              fetcher
                  .fetch(new FetchRequest(site.url("/robots.txt"), Set.of(), 0, warmUp))
                  .outcome())
          .isEqualTo(FetchOutcome.OK);
      var pool = java.util.concurrent.Executors.newFixedThreadPool(9);
      try {
        List<java.util.concurrent.Future<FetchResult>> results = new java.util.ArrayList<>();
        for (int i = 0; i < 9; i++) {
          results.add(
              pool.submit(
                  () ->
                      fetcher.fetch(
                          new FetchRequest(site.url("/slow-page"), Set.of(), 0, settings))));
        }
        for (var f : results) {
          FetchResult r = f.get();
          assertThat(r.outcome()).as(String.valueOf(r.error())).isEqualTo(FetchOutcome.OK);
        }
      } finally {
        pool.shutdown();
      }
    }
  }

  @Test
  void crawlOfABrowserSourceStoresScreenshotAndHtmlEvidence() throws Exception {
    Source feed =
        new Source(
            "feed",
            "mangxa",
            List.of(site.url("/feed")),
            FetchMode.BROWSER,
            Set.of(Source.hostKey(java.net.URI.create(site.base()))),
            List.of(Pattern.compile("/feed")),
            List.of(Pattern.compile("/feed")),
            false,
            3,
            new Politeness(10, 10_000, 1, 100, 1000),
            null,
            null,
            SETTINGS,
            "test");
    CrawlSettings settings =
        CrawlSettings.builder(tmp.resolve("evidence"), tmp.resolve("spool"))
            .allowLoopback(true)
            .crawlRunId("browser-run")
            .clock(Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), ZoneOffset.UTC))
            .build();
    CrawlReport report =
        new Crawler(settings, new TitleExtractor()).run(List.of(feed), ProgressListener.NONE);

    assertThat(report.source("feed").pagesFetched()).isEqualTo(1);
    assertThat(report.listingsEmitted()).isEqualTo(POSTS);
    var lines = Files.readAllLines(report.spoolFiles().get(0));
    assertThat(lines).hasSize(POSTS);
    var listing = JsonCodec.decodeListing(lines.get(0)).value();
    assertThat(listing.evidence().fetchMode()).isEqualTo("browser");
    assertThat(listing.evidence().httpStatus()).isEqualTo(200);
    EvidenceStore store = new EvidenceStore(tmp.resolve("evidence"));
    Path png = store.screenshotPath(listing.evidence().screenshotSha256());
    assertThat(png).isRegularFile();
    assertThat(EvidenceStore.sha256(Files.readAllBytes(png)))
        .isEqualTo(listing.evidence().screenshotSha256());
    String html =
        new String(
            store.readHtml(listing.evidence().htmlSha256()),
            java.nio.charset.StandardCharsets.UTF_8);
    assertThat(Jsoup.parse(html).select("article.post")).hasSize(POSTS);
  }
}
