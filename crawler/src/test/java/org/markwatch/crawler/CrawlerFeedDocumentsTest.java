package org.markwatch.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markwatch.crawler.source.BrowserSettings;
import org.markwatch.crawler.source.FetchMode;
import org.markwatch.crawler.testing.TestDocuments;
import org.markwatch.crawler.testing.TestSite;
import org.markwatch.model.Evidence;
import org.markwatch.model.Listing;

/**
 * On a feed, each post's listing gets the documents linked inside that post, and only those: not a
 * neighbour's, not the page's sidebar. A static feed (a source whose profile has {@code kind:
 * post}) on a real loopback server, through a whole crawl; the rendered feed goes through the same
 * path ({@code FeedPostScreenshotsIT} checks it with Chromium).
 */
class CrawlerFeedDocumentsTest {
  @TempDir Path tmp;

  @Test
  void eachPostGetsTheDocumentsItLinksAndNoOthers() throws Exception {
    try (TestSite site = new TestSite()) {
      site.text("/robots.txt", "text/plain", "User-agent: *\nAllow: /\n")
          .html(
              "/feed",
              """
              <!doctype html><html><head><meta charset="utf-8"></head><body>
              <aside><a href="/docs/sidebar.pdf">Hồ sơ năng lực</a></aside>
              <article class="post" data-post-id="p0"><a class="permalink" href="/post/p0">link</a>
                <div class="post-text">Bài 0: kem chống nắng giá 100k</div>
                <a href="/docs/p0-cfs.pdf">giấy CFS</a></article>
              <article class="post" data-post-id="p1"><a class="permalink" href="/post/p1">link</a>
                <div class="post-text">Bài 1: sữa rửa mặt giá 120k</div>
                <a href="/docs/p1-invoice.pdf">hóa đơn</a> <a href="/docs/shared.pdf">catalogue</a></article>
              <article class="post" data-post-id="p2">
                <div class="post-text">Bài 2: túi xách không có link riêng giá 300k</div>
                <a href="/docs/shared.pdf">catalogue</a></article>
              <article class="post" data-post-id="p3"><a class="permalink" href="/post/p3">link</a>
                <div class="post-text">Bài 3: son môi giá 90k, không có giấy tờ</div></article>
              </body></html>""");
      for (String doc : List.of("sidebar", "p0-cfs", "p1-invoice", "shared")) {
        site.route(
            "/docs/" + doc + ".pdf",
            TestDocuments.serve(
                "application/pdf", TestDocuments.pdf(List.of("DOCUMENT " + doc.toUpperCase()))));
      }
      FeedCrawl.Result crawl =
          FeedCrawl.run(site, FetchMode.STATIC, BrowserSettings.DEFAULT, tmp, "feed-docs");

      List<Listing> listings = crawl.listings();
      assertThat(listings).as(String.valueOf(crawl.report().notices())).hasSize(4);
      Map<String, List<String>> docsByPost =
          listings.stream()
              .collect(
                  Collectors.toMap(
                      l -> l.text().replaceAll("(?s)^(Bài \\d+):.*", "$1"),
                      l ->
                          l.evidence().documents() == null
                              ? List.of()
                              : l.evidence().documents().stream()
                                  .map(d -> d.url().replace(site.base(), "/"))
                                  .toList()));
      assertThat(docsByPost)
          .containsEntry("Bài 0", List.of("/docs/p0-cfs.pdf"))
          .containsEntry("Bài 1", List.of("/docs/p1-invoice.pdf", "/docs/shared.pdf"))
          .containsEntry("Bài 2", List.of("/docs/shared.pdf")) // matched by its text
          .containsEntry("Bài 3", List.of());
      // each document read is the one the post links
      Map<String, Evidence.Document> byUrl =
          listings.stream()
              .filter(l -> l.evidence().documents() != null)
              .flatMap(l -> l.evidence().documents().stream())
              .collect(
                  Collectors.toMap(
                      d -> d.url().replace(site.base(), "/"), Function.identity(), (a, b) -> a));
      assertThat(byUrl.get("/docs/p0-cfs.pdf").text()).contains("DOCUMENT P0-CFS");
      assertThat(byUrl.get("/docs/shared.pdf").text()).contains("DOCUMENT SHARED");
      // the sidebar's document belongs to no post; a document two posts link is fetched once
      assertThat(site.paths()).doesNotContain("/docs/sidebar.pdf");
      assertThat(site.count("/docs/shared.pdf")).isEqualTo(1);
    }
  }
}
