package org.markwatch.crawler;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.markwatch.crawler.extract.Page;
import org.markwatch.crawler.fetch.FetchResult;
import org.markwatch.crawler.frontier.UrlNormalizer;
import org.markwatch.crawler.source.Source;
import org.markwatch.model.Evidence;
import org.markwatch.model.Listing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * From a fetched product page to listings in the sink: stores the evidence (HTML, and the
 * screenshot of browser pages) before extraction, so a page whose extraction fails can still be
 * looked at; runs extraction; stamps each listing with the evidence hashes and the run id.
 * One failing page never stops the crawl: its error is counted and reported.
 */
final class PageHandler {
  private static final Logger LOG = LoggerFactory.getLogger(PageHandler.class);

  private final CrawlServices services;

  PageHandler(CrawlServices services) {
    this.services = services;
  }

  /** Listings emitted, or -1 when extraction failed. */
  int handle(Source source, FetchResult fetch) {
    if (!source.isProductPage(UrlNormalizer.pathAndQuery(fetch.finalUrl()))) {
      return 0;
    }
    String html = fetch.html();
    byte[] htmlBytes = fetch.renderedHtml() != null ? html.getBytes(StandardCharsets.UTF_8) : fetch.body();
    String htmlSha = services.evidence().putHtml(htmlBytes);
    String shotSha = fetch.screenshot() == null ? null : services.evidence().putScreenshot(fetch.screenshot());
    Evidence evidence = new Evidence(fetch.status(), fetch.mode().id(), htmlSha, shotSha);
    Page page = new Page(fetch.finalUrl(), fetch.status(), fetch.headers(), fetch.body(), fetch.renderedHtml(),
        source.platform(), services.now(), services.settings().crawlRunId(), source.profile());
    List<Listing> listings;
    try {
      listings = services.extractor().extract(page);
    } catch (RuntimeException e) {
      LOG.warn("extraction failed for {}: {}", fetch.finalUrl(), e.toString());
      services.listener().notice("extraction failed for " + fetch.finalUrl() + ": " + e);
      return -1;
    }
    for (Listing l : listings) {
      services.sink().write(l.toBuilder()
          .evidence(evidence)
          .crawlRunId(l.crawlRunId() != null ? l.crawlRunId() : services.settings().crawlRunId())
          .build());
    }
    return listings.size();
  }

  /** Whether the response is HTML (or says nothing about its type). */
  static boolean isHtml(FetchResult fetch) {
    if (fetch.renderedHtml() != null) {
      return true;
    }
    String type = fetch.header("content-type");
    return type == null || type.contains("html");
  }
}
