package org.markwatch.crawler;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.markwatch.crawler.extract.SiteProfileReader;
import org.markwatch.crawler.source.BrowserSettings;
import org.markwatch.crawler.source.FetchMode;
import org.markwatch.crawler.source.Politeness;
import org.markwatch.crawler.source.Source;
import org.markwatch.crawler.testing.TestSite;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Listing;

/**
 * A whole crawl of a test site's {@code /feed}, a feed of posts ({@code article.post}, id in {@code
 * data-post-id}, permalink {@code a.permalink}, text {@code div.post-text}, price from the text),
 * static or rendered by Chromium: what the feed tests share, so they differ only in their page.
 */
final class FeedCrawl {
  /** The crawl's report and the listings it spooled. */
  record Result(CrawlReport report, List<Listing> listings) {}

  private FeedCrawl() {}

  static Result run(TestSite site, FetchMode mode, BrowserSettings browser, Path tmp, String runId)
      throws Exception {
    var profile =
        SiteProfileReader.read(
            "testfeed.yaml",
            """
            name: testfeed
            platform: mangxa
            urls: ['/feed']
            kind: post
            item: 'article.post'
            id:
              attribute: data-post-id
            fields:
              url: 'a.permalink @href'
              text: 'div.post-text'
            priceFromText: true
            """);
    Source source =
        new Source(
            "feed",
            "mangxa",
            List.of(site.url("/feed")),
            mode,
            Set.of(Source.hostKey(URI.create(site.base()))),
            List.of(),
            List.of(Pattern.compile("/feed")),
            false,
            1,
            new Politeness(0, 10_000, 0, 100, 1000),
            "testfeed",
            profile,
            browser,
            "test");
    CrawlSettings settings =
        CrawlSettings.builder(tmp.resolve("evidence"), tmp.resolve("spool"))
            .allowLoopback(true)
            .crawlRunId(runId)
            .build();

    CrawlReport report = new Crawler(settings).run(List.of(source), ProgressListener.NONE);

    List<Listing> listings = new ArrayList<>();
    for (Path f : report.spoolFiles()) {
      for (String line : Files.readAllLines(f)) {
        listings.add(JsonCodec.decodeListing(line).value());
      }
    }
    return new Result(report, listings);
  }
}
