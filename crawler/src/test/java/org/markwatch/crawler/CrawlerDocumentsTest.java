package org.markwatch.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markwatch.crawler.evidence.EvidenceStore;
import org.markwatch.crawler.source.BrowserSettings;
import org.markwatch.crawler.source.FetchMode;
import org.markwatch.crawler.source.Politeness;
import org.markwatch.crawler.source.Source;
import org.markwatch.crawler.testing.HostileParser;
import org.markwatch.crawler.testing.TestDocuments;
import org.markwatch.crawler.testing.TestSite;
import org.markwatch.crawler.testing.TitleExtractor;
import org.markwatch.model.Evidence;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Listing;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Documents linked from a product page, served by a real loopback server, through a whole crawl.
 */
class CrawlerDocumentsTest {
  @TempDir Path tmp;

  @Test
  void linkedDocumentsAreFetchedArchivedReadAndAttachedBombsRefusedRobotsObeyed() throws Exception {
    byte[] pdf =
        TestDocuments.pdf(
            List.of(
                "CERTIFICATE OF FREE SALE\nThe cosmetic products listed below are freely sold"
                    + " in the country of origin.\nIssued by the health authority to the"
                    + " manufacturer named in this certificate."));
    byte[] bomb = TestDocuments.zipBomb("catalogue.txt", 32 << 20);
    try (TestSite site = new TestSite()) {
      site.text("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n")
          .html("/", "<a href='/p/1/kem-chong-nang'>kem</a> <a href='/p/2/sua-rua-mat'>sua</a>")
          .html(
              "/p/1/kem-chong-nang",
              "<h1>Kem chống nắng</h1><a href='/docs/cfs.pdf'>CFS</a>"
                  + " <a href='/docs/catalogue.zip'>catalogue</a>"
                  + " <a href='/private/invoice.pdf'>invoice</a>")
          .html(
              "/p/2/sua-rua-mat",
              "<h1>Sữa rửa mặt</h1><a href='/docs/evil.pdf'>hostile</a>"
                  + " <a href='/docs/cfs.pdf'>CFS</a> <a href='/docs/giay-phep.png'>scan</a>")
          .route(
              "/docs/giay-phep.png",
              TestDocuments.serve(
                  "image/png",
                  TestDocuments.png(
                      List.of("GIẤY CHỨNG NHẬN LƯU HÀNH TỰ DO", "CERTIFICATE OF FREE SALE"))))
          .route(
              "/docs/evil.pdf",
              TestDocuments.serve("application/pdf", HostileParser.document("oom")))
          .route("/docs/cfs.pdf", TestDocuments.serve("application/pdf", pdf))
          .route("/docs/catalogue.zip", TestDocuments.serve("application/zip", bomb))
          .route("/private/invoice.pdf", TestDocuments.serve("application/pdf", pdf));
      Source source =
          new Source(
              "docs",
              "chosi",
              List.of(site.base()),
              FetchMode.STATIC,
              Set.of(Source.hostKey(java.net.URI.create(site.base()))),
              List.of(Pattern.compile("/")),
              List.of(Pattern.compile("/p/\\d+/[a-z-]+")),
              false,
              20,
              new Politeness(0, 10_000, 0, 100, 1000),
              null,
              null,
              BrowserSettings.DEFAULT,
              "test");
      CrawlSettings settings =
          CrawlSettings.builder(tmp.resolve("evidence"), tmp.resolve("spool"))
              .allowLoopback(true)
              .clock(Clock.fixed(Instant.parse("2026-12-06T02:00:00Z"), ZoneOffset.UTC))
              .crawlRunId("docs")
              .build();

      CrawlReport report =
          new Crawler(settings, new TitleExtractor()).run(List.of(source), ProgressListener.NONE);

      assertThat(site.paths()).doesNotContain("/private/invoice.pdf");
      List<Listing> listings = new ArrayList<>();
      for (Path f : report.spoolFiles()) {
        for (String line : Files.readAllLines(f)) {
          var decoded = JsonCodec.decodeListing(line);
          assertThat(decoded.errors()).as(line).isEmpty();
          listings.add(decoded.value());
        }
      }
      assertThat(listings).hasSize(2);
      listings.sort(java.util.Comparator.comparing(Listing::url));
      Evidence evidence = listings.get(0).evidence();
      Map<String, Evidence.Document> docs =
          evidence.documents().stream()
              .collect(
                  Collectors.toMap(d -> d.url().replace(site.base(), "/"), Function.identity()));

      Evidence.Document cfs = docs.get("/docs/cfs.pdf");
      assertThat(cfs.status()).isEqualTo("ok");
      assertThat(cfs.contentType()).isEqualTo("application/pdf");
      assertThat(cfs.text()).contains("CERTIFICATE OF FREE SALE").contains("health authority");
      assertThat(cfs.language()).isEqualTo("en");
      assertThat(cfs.sha256()).isEqualTo(EvidenceStore.sha256(pdf));

      Evidence.Document zip = docs.get("/docs/catalogue.zip");
      assertThat(zip.status()).isEqualTo("refused");
      assertThat(zip.reason()).contains("zip bomb");
      assertThat(zip.text()).isNull();

      Evidence.Document invoice = docs.get("/private/invoice.pdf");
      assertThat(invoice.status()).isEqualTo("unfetched");
      assertThat(invoice.reason()).contains("robots.txt");

      // The PDF as served is in the WARC file, where the listing's evidence says.
      Path warcDir = tmp.resolve("evidence/warc");
      try (FileChannel ch = FileChannel.open(warcDir.resolve(cfs.warc().file()))) {
        ch.position(cfs.warc().offset());
        WarcResponse response = (WarcResponse) new WarcReader(ch).next().orElseThrow();
        assertThat(response.target()).isEqualTo(cfs.url());
        assertThat(response.http().body().stream().readAllBytes()).isEqualTo(pdf);
        assertThat(cfs.warc().digest()).isEqualTo("sha256:" + cfs.sha256());
      }
      // and so is the page itself
      assertThat(evidence.warc().digest()).isEqualTo("sha256:" + evidence.htmlSha256());

      // A document that exhausts the parser's heap ends only the parser's child process: the
      // crawl goes on, the document says why it has no text, and the next one is read.
      List<Evidence.Document> second = listings.get(1).evidence().documents();
      assertThat(second)
          .extracting(Evidence.Document::status)
          .containsExactly("refused", "ok", "ok");
      assertThat(second.get(0).reason()).contains("out of memory").contains("restarted");
      assertThat(second.get(1).text()).contains("CERTIFICATE OF FREE SALE");
      // a linked scan of a paper is read by OCR (tesseract, Vietnamese and English)
      assertThat(second.get(2).contentType()).isEqualTo("image/png");
      assertThat(second.get(2).text()).contains("CHỨNG NHẬN").contains("CERTIFICATE OF FREE SALE");
    }
  }
}
