package org.markwatch.crawler;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.markwatch.crawler.documents.DocumentLimits;
import org.markwatch.crawler.documents.DocumentLinks;
import org.markwatch.crawler.documents.DocumentParser;
import org.markwatch.crawler.documents.DocumentReader;
import org.markwatch.crawler.documents.ForkedDocumentParser;
import org.markwatch.crawler.documents.ParsedDocument;
import org.markwatch.crawler.evidence.WarcArchive;
import org.markwatch.crawler.fetch.FetchRequest;
import org.markwatch.crawler.fetch.FetchResult;
import org.markwatch.crawler.fetch.Fetcher;
import org.markwatch.crawler.source.FetchMode;
import org.markwatch.crawler.source.Source;
import org.markwatch.model.Evidence;

/**
 * The documents a product page links to (PDF catalogues, certificates, scans of papers): fetched
 * like pages (the source's hosts only, robots.txt, the per-host delay, the address guard, the byte
 * cap), archived as WARC response records, read by {@link ForkedDocumentParser} (a {@link
 * DocumentParser} in a child JVM with a bounded heap) within its limits, and returned as evidence
 * entries with their text and language. At most {@value #MAX_PER_PAGE} per page. A document that
 * cannot be fetched or read is still listed, with the reason.
 */
final class DocumentCollector {
  static final int MAX_PER_PAGE = 3;
  static final int MAX_PER_FEED_PAGE = 20;

  // One parser for the whole process: its language model (23 MB) loads once, its child processes
  // are reused across pages and sources; at most two parses at a time on a 2-core machine.
  private static final class Shared {
    static final DocumentReader PARSER =
        new ForkedDocumentParser(DocumentLimits.DEFAULT, ForkedDocumentParser.Settings.defaults());
  }

  private final CrawlServices services;

  DocumentCollector(CrawlServices services) {
    this.services = services;
  }

  /** Evidence entries for the documents {@code page} links to; empty when none. */
  List<Evidence.Document> collect(Source source, FetchResult page) {
    List<String> links =
        DocumentLinks.find(Jsoup.parse(page.html(), page.finalUrl()), MAX_PER_PAGE);
    List<Evidence.Document> out = new ArrayList<>();
    for (String url : links) {
      out.add(read(source, url));
    }
    return out;
  }

  /**
   * Evidence entries for the documents linked inside {@code item} (one post of a feed), at most
   * {@value #MAX_PER_PAGE}. {@code fetched} holds what earlier posts of the same page fetched: a
   * document linked by two posts is fetched once, and a page fetches at most {@value
   * #MAX_PER_FEED_PAGE} documents (a later post's are listed as unfetched, with the reason).
   */
  List<Evidence.Document> collect(
      Source source, Element item, Map<String, Evidence.Document> fetched) {
    List<Evidence.Document> out = new ArrayList<>();
    for (String url : DocumentLinks.find(item, MAX_PER_PAGE)) {
      Evidence.Document d = fetched.get(url);
      if (d == null) {
        d =
            fetched.size() >= MAX_PER_FEED_PAGE
                ? unfetched(
                    url, "the page's posts already linked " + MAX_PER_FEED_PAGE + " documents")
                : read(source, url);
        fetched.put(url, d);
      }
      out.add(d);
    }
    return out;
  }

  private Evidence.Document read(Source source, String url) {
    String host = Source.hostKey(URI.create(url));
    if (!source.hosts().contains(host)) {
      return unfetched(url, "host " + host + " is not one of the source's hosts");
    }
    if (!services.robots().allowed(url)) {
      return unfetched(url, "disallowed by robots.txt");
    }
    Fetcher fetcher = services.fetchers().route(FetchMode.STATIC);
    long delay = source.politeness().delayMs();
    long wait = services.gate().reserve(host, CrawlServices.monotonicMs(), delay);
    if (wait > 0) {
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return unfetched(url, "interrupted");
      }
    }
    FetchResult r = fetcher.fetch(new FetchRequest(url, source.hosts(), 0, source.browser()));
    services.gate().fetched(host, CrawlServices.monotonicMs(), delay);
    if (!r.ok() || r.body() == null) {
      return unfetched(
          url,
          r.error() != null ? r.error() : r.outcome() + (r.status() > 0 ? " " + r.status() : ""));
    }
    Evidence.WarcRef warc = null;
    if (services.warc() != null) {
      WarcArchive.Ref ref =
          services
              .warc()
              .writeExchange(
                  r.finalUrl(),
                  services.settings().userAgent(),
                  r.status(),
                  r.headers(),
                  r.body(),
                  Instant.now(services.settings().clock()));
      warc = new Evidence.WarcRef(ref.warcFile(), ref.offset(), ref.digest());
    }
    String sha = sha256(r.body());
    if (r.truncated()) {
      return new Evidence.Document(
          url,
          sha,
          r.header("content-type"),
          ParsedDocument.Status.REFUSED.id(),
          null,
          null,
          true,
          "larger than the download cap of " + r.body().length + " bytes",
          warc);
    }
    ParsedDocument d = Shared.PARSER.parse(r.body(), DocumentLinks.fileName(r.finalUrl()));
    return new Evidence.Document(
        url,
        sha,
        d.contentType(),
        d.status().id(),
        d.language(),
        d.text(),
        d.truncated() ? Boolean.TRUE : null,
        d.reason(),
        warc);
  }

  private static Evidence.Document unfetched(String url, String why) {
    return new Evidence.Document(url, null, null, "unfetched", null, null, null, why, null);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
