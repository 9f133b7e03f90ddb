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

  private final DocumentCollector documents;

  PageHandler(CrawlServices services) {
    this.services = services;
    this.documents = new DocumentCollector(services);
  }

  /**
   * The CSS selector of a source's feed items (its profile's {@code item} for {@code kind: post}):
   * such pages get one screenshot per item. Null for other sources.
   */
  static String itemSelector(Source source) {
    return source.profile() != null && "post".equals(source.profile().kind())
        ? source.profile().item()
        : null;
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
      // the page is evidence even when nothing could be read from it
      archive(fetch, htmlBytes, List.of());
      return -1;
    }
    boolean feed = fetch.itemShots() != null || itemSelector(source) != null;
    if (!listings.isEmpty() && !feed) {
      evidence = evidence.withDocuments(documents.collect(source, fetch));
    }
    Archived archived = archive(fetch, htmlBytes, listings);
    if (feed) {
      writeFeed(source, listings, evidence, fetch, archived);
    } else {
      write(listings, evidence.withWarc(archived.page(), archived.screenshot()));
    }
    return listings.size();
  }

  /**
   * Each post of a feed gets what its own element holds: the documents linked inside it (a post
   * never gets another post's documents, nor the feed's), and on a rendered feed its own crop as
   * its screenshot (stored and archived as a resource record), never the whole feed. A post whose
   * element cannot be told gets neither.
   */
  private void writeFeed(
      Source source,
      List<Listing> listings,
      Evidence evidence,
      FetchResult fetch,
      Archived archived) {
    ItemShotMatcher shots = fetch.itemShots() == null ? null : new ItemShotMatcher(fetch);
    FeedItems items =
        shots != null
            ? ItemShotMatcher.items(fetch)
            : new FeedItems(fetch.html(), fetch.finalUrl(), itemSelector(source));
    java.util.Map<String, Evidence.Document> fetched = new java.util.HashMap<>();
    java.time.Instant at = java.time.Instant.now(services.settings().clock());
    for (Listing l : listings) {
      org.jsoup.nodes.Element item = items.itemOf(l);
      List<Evidence.Document> docs =
          item == null ? List.of() : documents.collect(source, item, fetched);
      Evidence e = evidence.withDocuments(docs).withWarc(archived.page(), null);
      byte[] png = shots == null ? null : shots.shotOf(item);
      if (png != null) {
        Evidence.WarcRef shotRef = null;
        if (services.warc() != null) {
          String target = l.url() != null ? l.url() : fetch.finalUrl();
          shotRef = ref(services.warc().writeResource(target, "image/png", png, at));
        }
        e =
            new Evidence(
                e.httpStatus(),
                e.fetchMode(),
                e.htmlSha256(),
                services.evidence().putScreenshot(png),
                archived.page(),
                shotRef,
                e.documents());
      }
      write(List.of(l), e);
    }
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

  /** Where a page's records went in the WARC files (null refs when no WARC is written). */
  private record Archived(Evidence.WarcRef page, Evidence.WarcRef screenshot) {}

  private static Evidence.WarcRef ref(WarcArchive.Ref r) {
    return r == null ? null : new Evidence.WarcRef(r.warcFile(), r.offset(), r.digest());
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
    Archived archived = archive(fetch, htmlBytes, observed);
    write(observed, evidence.withWarc(archived.page(), null));
    return observed.size();
  }

  /**
   * Writes the page (and screenshot) as WARC records and their references. A static page is the
   * HTTP exchange as received; a rendered page is what the browser showed, so it is a resource
   * record of the rendered DOM, not a response the server never sent.
   */
  private Archived archive(FetchResult fetch, byte[] htmlBytes, List<Listing> listings) {
    if (services.warc() == null) {
      return new Archived(null, null);
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
    return new Archived(ref(page), ref(shot));
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
