package org.markwatch.crawler;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.markwatch.crawler.evidence.EvidenceRefLog;
import org.markwatch.crawler.evidence.WarcArchive;
import org.markwatch.crawler.extract.Extraction;
import org.markwatch.crawler.extract.Page;
import org.markwatch.crawler.extract.SellerBook;
import org.markwatch.crawler.fetch.FetchResult;
import org.markwatch.crawler.frontier.UrlNormalizer;
import org.markwatch.crawler.source.Source;
import org.markwatch.model.Evidence;
import org.markwatch.model.Listing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * From a fetched product page (or, see {@link #handleListPage}, a list or shop page) to listings in
 * the sink: stores the evidence (HTML, and the screenshot of browser pages) before extraction, so a
 * page whose extraction fails can still be looked at; runs extraction; stamps each listing with the
 * evidence hashes and the run id. One failing page never stops the crawl: its error is counted and
 * reported.
 */
final class PageHandler {
  private static final Logger LOG = LoggerFactory.getLogger(PageHandler.class);

  private final CrawlServices services;

  /**
   * extraction (#11): sellers seen with their business information complete later listings'
   * sellers.
   */
  private final SellerBook sellers = new SellerBook();

  PageHandler(CrawlServices services) {
    this.services = services;
  }

  /**
   * Listings emitted, or -1 when extraction failed. {@code discovered} receives the product URLs of
   * a list page's cards, for the frontier.
   */
  int handle(Source source, FetchResult fetch, Consumer<String> discovered) {
    if (!source.isProductPage(UrlNormalizer.pathAndQuery(fetch.finalUrl()))) {
      return handleListPage(source, fetch, discovered);
    }
    String html = fetch.html();
    byte[] htmlBytes =
        fetch.renderedHtml() != null ? html.getBytes(StandardCharsets.UTF_8) : fetch.body();
    String htmlSha = services.evidence().putHtml(htmlBytes);
    String shotSha =
        fetch.screenshot() == null ? null : services.evidence().putScreenshot(fetch.screenshot());
    Evidence evidence = new Evidence(fetch.status(), fetch.mode().id(), htmlSha, shotSha);
    Page page =
        new Page(
            fetch.finalUrl(),
            fetch.status(),
            fetch.headers(),
            fetch.body(),
            fetch.renderedHtml(),
            source.platform(),
            services.now(),
            services.settings().crawlRunId(),
            source.profile());
    List<Listing> listings;
    try {
      listings = services.extractor().extract(page);
    } catch (RuntimeException e) {
      LOG.warn("extraction failed for {}: {}", fetch.finalUrl(), e.toString());
      services.listener().notice("extraction failed for " + fetch.finalUrl() + ": " + e);
      archive(
          fetch, htmlBytes,
          List.of()); // the page is evidence even when nothing could be read from it
      return -1;
    }
    write(listings, evidence);
    archive(fetch, htmlBytes, listings);
    return listings.size();
  }

  private void write(List<Listing> listings, Evidence evidence) {
    for (Listing l : listings) {
      services
          .sink()
          .write(
              sellers.complete(
                  l.toBuilder()
                      .evidence(evidence)
                      .crawlRunId(
                          l.crawlRunId() != null
                              ? l.crawlRunId()
                              : services.settings().crawlRunId())
                      .build()));
    }
  }

  // --- extraction (#11): list and shop pages -------------------------------------------------
  /**
   * A page that is no product page may be a category, search or shop page: each product card on it
   * is a listing observed there (kind product, attributes.observedOn = the page), and its URL goes
   * to the frontier. A shop page's cards carry the shop's seller record. Other pages give nothing,
   * and their HTML is not kept as evidence.
   */
  private int handleListPage(Source source, FetchResult fetch, Consumer<String> discovered) {
    Page page =
        new Page(
            fetch.finalUrl(),
            fetch.status(),
            fetch.headers(),
            fetch.body(),
            fetch.renderedHtml(),
            source.platform(),
            services.now(),
            services.settings().crawlRunId(),
            source.profile());
    List<Listing> cards;
    try {
      cards =
          services.extractor().extract(page).stream()
              .filter(
                  l -> l.attributes() != null && l.attributes().containsKey(Extraction.OBSERVED_ON))
              .toList();
    } catch (RuntimeException e) {
      LOG.warn("extraction failed for {}: {}", fetch.finalUrl(), e.toString());
      services.listener().notice("extraction failed for " + fetch.finalUrl() + ": " + e);
      return -1;
    }
    cards.forEach(l -> discovered.accept(l.url()));
    // A card whose product page this source fetches anyway is only a link: that page gives the full
    // listing, and storing the card too would record a poorer observation of the same listing.
    List<Listing> observed =
        cards.stream()
            .filter(l -> !source.isProductPage(UrlNormalizer.pathAndQuery(l.url())))
            .toList();
    if (observed.isEmpty()) {
      return 0;
    }
    byte[] htmlBytes =
        fetch.renderedHtml() != null ? fetch.html().getBytes(StandardCharsets.UTF_8) : fetch.body();
    Evidence evidence =
        new Evidence(
            fetch.status(), fetch.mode().id(), services.evidence().putHtml(htmlBytes), null);
    write(observed, evidence);
    archive(fetch, htmlBytes, observed);
    return observed.size();
  }

  /**
   * Writes the page (and screenshot) as WARC records and their references. A static page is the
   * HTTP exchange as received; a rendered page is what the browser showed, so it is a resource
   * record of the rendered DOM, not a response the server never sent.
   */
  private void archive(FetchResult fetch, byte[] htmlBytes, List<Listing> listings) {
    if (services.warc() == null) {
      return;
    }
    java.time.Instant at = java.time.Instant.now(services.settings().clock());
    WarcArchive.Ref page =
        fetch.renderedHtml() == null
            ? services
                .warc()
                .writeExchange(
                    fetch.finalUrl(),
                    services.settings().userAgent(),
                    fetch.status(),
                    fetch.headers(),
                    htmlBytes,
                    at)
            : services
                .warc()
                .writeResource(fetch.finalUrl(), "text/html; charset=utf-8", htmlBytes, at);
    WarcArchive.Ref shot =
        fetch.screenshot() == null
            ? null
            : services.warc().writeResource(fetch.finalUrl(), "image/png", fetch.screenshot(), at);
    services
        .refs()
        .add(
            new EvidenceRefLog.Entry(
                fetch.finalUrl(),
                services.settings().crawlRunId(),
                listings.stream().map(Listing::id).toList(),
                page,
                shot));
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
