package org.markwatch.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markwatch.crawler.browser.Chromium;
import org.markwatch.crawler.evidence.EvidenceStore;
import org.markwatch.crawler.source.BrowserSettings;
import org.markwatch.crawler.source.FetchMode;
import org.markwatch.crawler.source.Politeness;
import org.markwatch.crawler.source.Source;
import org.markwatch.crawler.testing.TestSite;
import org.markwatch.crawler.testing.TitleExtractor;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Listing;

class CrawlerTest {
  private static final Clock FIXED =
      Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), ZoneOffset.UTC);
  @TempDir Path tmp;
  private TestSite site;

  @BeforeEach
  void start() throws Exception {
    site = new TestSite();
  }

  @AfterEach
  void stop() {
    site.close();
  }

  private CrawlSettings settings(String runId) {
    return CrawlSettings.builder(tmp.resolve("evidence"), tmp.resolve("spool"))
        .allowLoopback(true)
        .clock(FIXED)
        .crawlRunId(runId)
        .build();
  }

  private Source source(String id, long delayMs, boolean sitemap, Politeness politeness) {
    return new Source(
        id,
        "chosi",
        List.of(site.base()),
        FetchMode.STATIC,
        Set.of(Source.hostKey(java.net.URI.create(site.base()))),
        List.of(
            Pattern.compile("/c/[a-z]+(\\?page=\\d+)?"),
            Pattern.compile("/cart|/admin/.*|/search.*")),
        List.of(Pattern.compile("/p/\\d+/[a-z-]+")),
        sitemap,
        100,
        politeness != null ? politeness : new Politeness(delayMs, 10_000, 3, 200, 2000),
        null,
        null,
        BrowserSettings.DEFAULT,
        "test");
  }

  private void shop() {
    site.text(
        "/robots.txt",
        "text/plain",
        """
        User-agent: *
        Disallow: /cart
        Disallow: /admin
        Disallow: /search
        Sitemap: %ssitemap.xml
        """
            .formatted(site.base()));
    site.html(
        "/",
        """
        <a href="/c/tui">Túi</a> <a href="/cart">Giỏ</a> <a href="/admin/x">admin</a>
        <a href="/search?q=lv">tìm</a> <a href="/p/1/tui-lv">LV</a> <a href="https://elsewhere.example/p/9/x">x</a>""");
    site.html("/c/tui", "<link rel=next href='/c/tui?page=2'><a href='/p/1/tui-lv'>1</a>");
    site.html("/c/tui?page=2", "<a href='/p/2/tui-gucci'>2</a><a href='/cart?add=2'>mua</a>");
    site.html("/p/1/tui-lv", "<h1>Túi LV rep 1:1 giá 450k</h1>");
    site.html("/p/2/tui-gucci", "<h1>Túi Gucci chính hãng</h1>");
    site.html("/p/3/vi-chanel", "<h1>Ví Chanel</h1>");
    site.text(
        "/sitemap.xml",
        "application/xml",
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <url><loc>%sp/3/vi-chanel</loc></url><url><loc>%scart</loc></url></urlset>"""
            .formatted(site.base(), site.base()));
  }

  private List<Listing> spooled(CrawlReport report) throws Exception {
    List<Listing> out = new ArrayList<>();
    for (Path f : report.spoolFiles()) {
      for (String line : Files.readAllLines(f)) {
        var d = JsonCodec.decodeListing(line);
        assertThat(d.errors()).as(line).isEmpty();
        out.add(d.value());
      }
    }
    return out;
  }

  @Test
  void crawlsPolitelyHonoursRobotsAndSpoolsListingsWithEvidence() throws Exception {
    shop();
    long delay = 150;
    CrawlReport report =
        new Crawler(settings("t1"), new TitleExtractor())
            .run(List.of(source("s", delay, true, null)), ProgressListener.NONE);

    List<String> paths = site.paths();
    assertThat(paths)
        .noneMatch(p -> p.startsWith("/cart") || p.startsWith("/admin") || p.startsWith("/search"));
    assertThat(paths).doesNotHaveDuplicates();
    assertThat(paths)
        .containsExactlyInAnyOrder(
            "/robots.txt",
            "/sitemap.xml",
            "/",
            "/c/tui",
            "/c/tui?page=2",
            "/p/1/tui-lv",
            "/p/2/tui-gucci",
            "/p/3/vi-chanel");
    // distinct URLs: /cart (linked and in the sitemap), /admin/x, /search?q=lv, /cart?add=2
    assertThat(report.blockedByRobots()).isEqualTo(4);
    assertThat(report.pagesFetched()).isEqualTo(6);
    assertThat(report.pagesFailed()).isZero();
    assertThat(report.listingsEmitted()).isEqualTo(3);

    // per-host delay: every request starts at least `delay` after the previous one (10% slack for
    // clocks)
    List<TestSite.Hit> hits = site.hits();
    for (int i = 1; i < hits.size(); i++) {
      long gapMs = (hits.get(i).nanos() - hits.get(i - 1).nanos()) / 1_000_000;
      assertThat(gapMs)
          .as("gap before " + hits.get(i).pathAndQuery())
          .isGreaterThanOrEqualTo(delay * 9 / 10);
    }

    List<Listing> listings = spooled(report);
    assertThat(listings)
        .extracting(Listing::title)
        .containsExactlyInAnyOrder("Túi LV rep 1:1 giá 450k", "Túi Gucci chính hãng", "Ví Chanel");
    EvidenceStore store = new EvidenceStore(tmp.resolve("evidence"));
    for (Listing l : listings) {
      assertThat(l.observedAt()).isEqualTo("2026-11-24T02:00:00Z");
      assertThat(l.crawlRunId()).isEqualTo("t1");
      assertThat(l.evidence().httpStatus()).isEqualTo(200);
      assertThat(l.evidence().fetchMode()).isEqualTo("static");
      assertThat(l.evidence().screenshotSha256()).isNull();
      String served = "<h1>" + l.title() + "</h1>";
      assertThat(l.evidence().htmlSha256())
          .isEqualTo(EvidenceStore.sha256(served.getBytes(StandardCharsets.UTF_8)));
      assertThat(new String(store.readHtml(l.evidence().htmlSha256()), StandardCharsets.UTF_8))
          .isEqualTo(served);
    }
    assertThat(report.source("s").pagesFetched()).isEqualTo(6);

    // WARC evidence: one entry per product page, each pointing at a response record jwarc reads
    // back
    java.nio.file.Path warcDir = tmp.resolve("evidence/warc");
    List<org.markwatch.crawler.evidence.EvidenceRefLog.Entry> refs =
        org.markwatch.crawler.evidence.EvidenceRefLog.read(warcDir.resolve("t1-refs.jsonl"));
    assertThat(refs).hasSize(3).allMatch(r -> r.listingIds().size() == 1 && r.screenshot() == null);
    for (var ref : refs) {
      Listing l =
          listings.stream()
              .filter(x -> x.id().equals(ref.listingIds().get(0)))
              .findFirst()
              .orElseThrow();
      assertThat(ref.page().digest()).isEqualTo("sha256:" + l.evidence().htmlSha256());
      try (var ch = java.nio.channels.FileChannel.open(warcDir.resolve(ref.page().warcFile()))) {
        ch.position(ref.page().offset());
        var response =
            (org.netpreserve.jwarc.WarcResponse)
                new org.netpreserve.jwarc.WarcReader(ch).next().orElseThrow();
        assertThat(response.target()).isEqualTo(ref.url());
        assertThat(
                new String(response.http().body().stream().readAllBytes(), StandardCharsets.UTF_8))
            .isEqualTo("<h1>" + l.title() + "</h1>");
      }
    }
  }

  @Test
  void backsOffExponentiallyOn503ThenSucceeds() {
    shop();
    AtomicInteger calls = new AtomicInteger();
    site.route(
        "/p/1/tui-lv",
        ex -> {
          if (calls.incrementAndGet() <= 2) {
            TestSite.send(ex, 503, "text/plain", "busy");
          } else {
            TestSite.send(ex, 200, "text/html", "<h1>ok</h1>");
          }
        });
    site.route("/p/2/tui-gucci", ex -> TestSite.send(ex, 503, "text/plain", "always busy"));
    Politeness p = new Politeness(10, 10_000, 2, 300, 5000);
    CrawlReport report =
        new Crawler(settings("t2"), new TitleExtractor())
            .run(List.of(source("s", 10, false, p)), ProgressListener.NONE);

    List<Long> tries =
        site.hits().stream()
            .filter(h -> h.pathAndQuery().equals("/p/1/tui-lv"))
            .map(TestSite.Hit::nanos)
            .toList();
    assertThat(tries).hasSize(3);
    assertThat((tries.get(1) - tries.get(0)) / 1_000_000).isGreaterThanOrEqualTo(270);
    assertThat((tries.get(2) - tries.get(1)) / 1_000_000).isGreaterThanOrEqualTo(540);
    assertThat(site.count("/p/2/tui-gucci")).as("1 try + maxRetries").isEqualTo(3);
    assertThat(report.source("s").retries()).isEqualTo(4);
    assertThat(report.pagesFailed()).isEqualTo(1);
    assertThat(report.listingsEmitted()).isEqualTo(1);
  }

  @Test
  void sitemapsOnOtherHostsAreNotFetched() throws Exception {
    shop();
    try (TestSite elsewhere = new TestSite()) {
      elsewhere.text("/sitemap.xml", "application/xml", "<urlset/>");
      site.text(
          "/robots.txt",
          "text/plain",
          "User-agent: *\nDisallow: /cart\nSitemap: " + elsewhere.url("/sitemap.xml") + "\n");
      CrawlReport report =
          new Crawler(settings("t7"), new TitleExtractor())
              .run(List.of(source("s", 10, true, null)), ProgressListener.NONE);
      assertThat(elsewhere.hits()).isEmpty();
      assertThat(report.notices()).anyMatch(n -> n.contains("not on the source's hosts"));
      assertThat(report.listingsEmitted())
          .isEqualTo(2); // /p/3 was only in the local sitemap, which robots.txt no longer names
    }
  }

  @Test
  void redirectsAreQueuedAsUrlsAndASeedRedirectIsFollowedLikeASeed() {
    shop();
    site.route(
        "/",
        ex -> {
          ex.getResponseHeaders().set("Location", "/home");
          ex.sendResponseHeaders(302, -1);
        });
    site.html("/home", "<a href='/p/1/tui-lv'>1</a><a href='/old/1'>moved</a>");
    site.route(
        "/old/1",
        ex -> {
          ex.getResponseHeaders().set("Location", "/p/2/tui-gucci");
          ex.sendResponseHeaders(301, -1);
        });
    Source s = source("s", 10, false, null);
    s =
        new Source(
            s.id(),
            s.platform(),
            s.seeds(),
            s.fetchMode(),
            s.hosts(),
            List.of(Pattern.compile("/old/\\d+")),
            s.products(),
            false,
            100,
            s.politeness(),
            null,
            null,
            s.browser(),
            "test");
    CrawlReport report =
        new Crawler(settings("t9"), new TitleExtractor()).run(List.of(s), ProgressListener.NONE);
    assertThat(site.paths())
        .containsExactly("/robots.txt", "/", "/home", "/p/1/tui-lv", "/old/1", "/p/2/tui-gucci");
    assertThat(report.source("s").redirects()).isEqualTo(2);
    assertThat(report.listingsEmitted()).isEqualTo(2);
  }

  @Test
  void unreachableRobotsDefersTheHost() {
    shop();
    site.route("/robots.txt", ex -> TestSite.send(ex, 503, "text/plain", "down"));
    CrawlReport report =
        new Crawler(settings("t3"), new TitleExtractor())
            .run(List.of(source("s", 10, true, null)), ProgressListener.NONE);
    assertThat(site.paths()).containsExactly("/robots.txt");
    assertThat(report.pagesFetched()).isZero();
    assertThat(report.notices()).anyMatch(n -> n.contains("robots.txt unreachable"));
  }

  @Test
  void crawlDelayAboveTheCapSkipsTheHost() {
    shop();
    site.text("/robots.txt", "text/plain", "User-agent: *\nCrawl-delay: 60\n");
    CrawlReport report =
        new Crawler(settings("t4"), new TitleExtractor())
            .run(List.of(source("s", 10, false, null)), ProgressListener.NONE);
    assertThat(site.paths()).containsExactly("/robots.txt");
    assertThat(report.notices())
        .anyMatch(n -> n.contains("Crawl-delay 60000 ms exceeds maxCrawlDelayMs 10000"));
  }

  @Test
  void missingRobotsAllowsAllAndCrawlDelayBelowCapSlowsDown() {
    shop();
    site.route("/robots.txt", ex -> TestSite.send(ex, 404, "text/plain", "none"));
    CrawlReport report =
        new Crawler(settings("t5"), new TitleExtractor())
            .run(List.of(source("s", 10, false, null)), ProgressListener.NONE);
    // no robots.txt: the links to /cart etc. match follow patterns and are fetched (404 here)
    assertThat(site.paths()).contains("/cart", "/admin/x");
    assertThat(report.blockedByRobots()).isZero();
  }

  @Test
  void hostsCrawlInParallelEachHostSequentially() throws Exception {
    shop();
    try (TestSite other = new TestSite()) {
      other.text("/robots.txt", "text/plain", "User-agent: *\nDisallow:\n");
      other.html("/", "<a href='/p/7/ao'>7</a><a href='/p/8/quan'>8</a><a href='/p/9/mu'>9</a>");
      for (String p : List.of("/p/7/ao", "/p/8/quan", "/p/9/mu")) {
        other.html(p, "<h1>other " + p + "</h1>");
      }
      Source second =
          new Source(
              "other",
              "muaban",
              List.of(other.base()),
              FetchMode.STATIC,
              Set.of(Source.hostKey(java.net.URI.create(other.base()))),
              List.of(),
              List.of(Pattern.compile("/p/\\d+/[a-z]+")),
              false,
              100,
              new Politeness(200, 10_000, 0, 100, 100),
              null,
              null,
              BrowserSettings.DEFAULT,
              "test");
      CrawlReport report =
          new Crawler(settings("par"), new TitleExtractor())
              .run(List.of(source("s", 200, false, null), second), ProgressListener.NONE);
      assertThat(report.listingsEmitted()).isEqualTo(5);
      // both hosts were being crawled at the same time: each one's first request precedes the
      // other's last
      long aFirst = site.hits().get(0).nanos();
      long aLast = site.hits().get(site.hits().size() - 1).nanos();
      long bFirst = other.hits().get(0).nanos();
      long bLast = other.hits().get(other.hits().size() - 1).nanos();
      assertThat(bFirst).isLessThan(aLast);
      assertThat(aFirst).isLessThan(bLast);
      // and each host alone kept its 200 ms spacing
      for (TestSite t : List.of(site, other)) {
        var hits = t.hits();
        for (int i = 1; i < hits.size(); i++) {
          assertThat((hits.get(i).nanos() - hits.get(i - 1).nanos()) / 1_000_000)
              .isGreaterThanOrEqualTo(180);
        }
      }
    }
  }

  @Test
  void sourcesSharingAHostOnlyThroughALaterSeedNeverHitItAtOnce() throws Exception {
    try (TestSite other = new TestSite()) {
      for (TestSite t : List.of(site, other)) {
        t.text("/robots.txt", "text/plain", "User-agent: *\nDisallow:\n");
      }
      StringBuilder links = new StringBuilder();
      for (int i = 0; i < 6; i++) {
        links
            .append("<a href='/p/")
            .append(i)
            .append("/a'>a</a><a href='/p/")
            .append(i)
            .append("/b'>b</a>");
        site.html("/p/" + i + "/a", "<h1>a " + i + "</h1>");
        site.html("/p/" + i + "/b", "<h1>b " + i + "</h1>");
      }
      site.html("/a", links.toString().replaceAll("/b'>b", "/a'>a"));
      site.html("/b", links.toString().replaceAll("/a'>a", "/b'>b"));
      other.html("/", "<h1>other</h1>");
      String shared = Source.hostKey(java.net.URI.create(site.base()));
      String otherHost = Source.hostKey(java.net.URI.create(other.base()));
      Politeness p = new Politeness(150, 10_000, 0, 100, 100);
      // The first source's first seed is on the shared host; the second's first seed is not.
      Source first =
          new Source(
              "first",
              "chosi",
              List.of(site.url("/a")),
              FetchMode.STATIC,
              Set.of(shared),
              List.of(),
              List.of(Pattern.compile("/p/\\d+/a")),
              false,
              100,
              p,
              null,
              null,
              BrowserSettings.DEFAULT,
              "test");
      Source second =
          new Source(
              "second",
              "chosi",
              List.of(other.base(), site.url("/b")),
              FetchMode.STATIC,
              Set.of(otherHost, shared),
              List.of(),
              List.of(Pattern.compile("/p/\\d+/b")),
              false,
              100,
              p,
              null,
              null,
              BrowserSettings.DEFAULT,
              "test");
      CrawlReport report =
          new Crawler(settings("shared"), new TitleExtractor())
              .run(List.of(first, second), ProgressListener.NONE);
      assertThat(report.listingsEmitted()).isEqualTo(12);
      var hits = site.hits();
      assertThat(hits).hasSizeGreaterThan(12);
      for (int i = 1; i < hits.size(); i++) {
        assertThat((hits.get(i).nanos() - hits.get(i - 1).nanos()) / 1_000_000)
            .as("gap before " + hits.get(i).pathAndQuery())
            .isGreaterThanOrEqualTo(135);
      }
    }
  }

  @Test
  void sourcesAreGroupedByAnySharedHostTransitively() {
    Source a = hostSource("a", List.of("http://a.test/"), Set.of("a.test"));
    Source b = hostSource("b", List.of("http://b.test/"), Set.of("b.test"));
    Source c =
        hostSource("c", List.of("http://c.test/", "http://a.test/x"), Set.of("c.test", "a.test"));
    Source d = hostSource("d", List.of("http://d.test/"), Set.of("d.test", "b.test", "c.test"));
    Source e = hostSource("e", List.of("http://e.test/"), Set.of("e.test"));
    assertThat(Crawler.groupBySharedHosts(List.of(a, b, c, e)))
        .extracting(g -> g.stream().map(Source::id).toList())
        .containsExactly(List.of("a", "c"), List.of("b"), List.of("e"));
    assertThat(Crawler.groupBySharedHosts(List.of(a, b, c, d, e)))
        .extracting(g -> g.stream().map(Source::id).toList())
        .containsExactly(List.of("a", "b", "c", "d"), List.of("e"));
  }

  private static Source hostSource(String id, List<String> seeds, Set<String> hosts) {
    return new Source(
        id,
        "chosi",
        seeds,
        FetchMode.STATIC,
        hosts,
        List.of(),
        List.of(),
        false,
        10,
        Politeness.DEFAULT,
        null,
        null,
        BrowserSettings.DEFAULT,
        "test");
  }

  @Test
  void sameSiteSameClockGivesIdenticalSpoolFiles() throws Exception {
    shop();
    Source s = source("s", 10, true, null);
    CrawlReport first =
        new Crawler(settings("same"), new TitleExtractor()).run(List.of(s), ProgressListener.NONE);
    List<String> a = withoutWarcPlaces(first.spoolFiles().get(0));
    CrawlReport second =
        new Crawler(settings("same"), new TitleExtractor()).run(List.of(s), ProgressListener.NONE);
    List<String> b = withoutWarcPlaces(second.spoolFiles().get(0));
    assertThat(b).hasSize(3).isEqualTo(a);
  }

  // Where the evidence went differs by design: the second run of the same run id never overwrites
  // the first run's WARC file, so its records lie in the next file. The rest is identical.
  private static List<String> withoutWarcPlaces(Path spool) throws Exception {
    return Files.readAllLines(spool).stream()
        .map(
            line -> {
              Listing l = JsonCodec.decodeListing(line).value();
              assertThat(l.evidence().warc()).isNotNull();
              org.markwatch.model.Evidence e = l.evidence();
              return JsonCodec.encode(
                  l.toBuilder()
                      .evidence(
                          new org.markwatch.model.Evidence(
                                  e.httpStatus(),
                                  e.fetchMode(),
                                  e.htmlSha256(),
                                  e.screenshotSha256())
                              .withDocuments(e.documents()))
                      .build());
            })
        .sorted()
        .toList();
  }

  @Test
  void anotherSinkReceivesTheListingsAndIsClosed() {
    shop();
    List<Listing> received = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.atomic.AtomicBoolean closed =
        new java.util.concurrent.atomic.AtomicBoolean();
    org.markwatch.crawler.sink.Sink memory =
        new org.markwatch.crawler.sink.Sink() {
          @Override
          public void write(Listing l) {
            received.add(l);
          }

          @Override
          public long written() {
            return received.size();
          }

          @Override
          public void close() {
            closed.set(true);
          }
        };
    CrawlReport report =
        new Crawler(settings("t8"), new TitleExtractor(), s -> memory)
            .run(List.of(source("s", 10, true, null)), ProgressListener.NONE);
    assertThat(received)
        .hasSize(3)
        .allMatch(l -> l.evidence() != null && l.crawlRunId().equals("t8"));
    assertThat(closed).isTrue();
    assertThat(report.spoolFiles()).isEmpty();
    assertThat(tmp.resolve("spool")).doesNotExist();
  }

  @Test
  void extractionFailureIsCountedAndTheCrawlGoesOn() throws Exception {
    shop();
    TitleExtractor real = new TitleExtractor();
    ListingExtractor flaky =
        page -> {
          if (page.url().contains("/p/2/")) {
            throw new IllegalStateException("broken markup");
          }
          return real.extract(page);
        };
    CrawlReport report =
        new Crawler(settings("t6"), flaky)
            .run(List.of(source("s", 10, true, null)), ProgressListener.NONE);
    assertThat(report.source("s").extractionErrors()).isEqualTo(1);
    assertThat(report.listingsEmitted()).isEqualTo(2);
    assertThat(report.notices())
        .anyMatch(n -> n.contains("/p/2/tui-gucci") && n.contains("broken markup"));
  }

  @Test
  void browserSourcesAreSkippedWithInstructionsWhenChromiumIsMissing() {
    shop();
    Source feed =
        new Source(
            "feed",
            "mangxa",
            List.of(site.url("/feed")),
            FetchMode.BROWSER,
            Set.of(Source.hostKey(java.net.URI.create(site.base()))),
            List.of(),
            List.of(),
            false,
            5,
            Politeness.DEFAULT,
            null,
            null,
            BrowserSettings.DEFAULT,
            "test");
    CrawlSettings s =
        CrawlSettings.builder(tmp.resolve("e"), tmp.resolve("s"))
            .allowLoopback(true)
            .chromium(tmp.resolve("no-chromium"))
            .build();
    List<String> notices = new ArrayList<>();
    CrawlReport report =
        new Crawler(s, new TitleExtractor())
            .run(
                List.of(feed, source("static", 10, false, null)),
                new ProgressListener() {
                  @Override
                  public void notice(String message) {
                    notices.add(message);
                  }
                });
    assertThat(notices).anyMatch(n -> n.startsWith(Chromium.MISSING_MESSAGE));
    assertThat(report.source("feed").skipped()).isEqualTo(Chromium.MISSING_MESSAGE);
    assertThat(report.source("static").listingsEmitted()).isEqualTo(2);
    assertThat(site.paths()).doesNotContain("/feed");
  }
}
