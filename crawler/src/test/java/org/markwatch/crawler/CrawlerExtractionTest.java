package org.markwatch.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markwatch.crawler.source.Source;
import org.markwatch.crawler.source.SourceLoader;
import org.markwatch.crawler.testing.TestSite;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Listing;

/** The crawler with the real extraction (schema.org JSON-LD) and a source file loaded from YAML. */
class CrawlerExtractionTest {
  @TempDir Path tmp;

  @Test
  void jsonLdProductPageBecomesAListingWithEvidence() throws Exception {
    try (TestSite site = new TestSite()) {
      site.text("/robots.txt", "text/plain", "User-agent: *\nDisallow: /cart\n");
      site.html("/", "<a href='/c/nuoc-hoa'>Nước hoa</a>");
      site.html(
          "/c/nuoc-hoa",
          "<a href='/p/42/nuoc-hoa-chanel-no5'>Chanel</a><a href='/cart?add=42'>mua</a>");
      site.html(
          "/p/42/nuoc-hoa-chanel-no5",
          """
          <html lang="vi"><head><title>Nước hoa Chanel No5</title>
          <script type="application/ld+json">
          {"@context":"https://schema.org","@type":"Product","name":"Nước hoa Chanel No5 100ml fullbox",
           "sku":"42","brand":{"@type":"Brand","name":"Chanel"},
           "offers":{"@type":"Offer","price":"450000","priceCurrency":"VND"}}
          </script></head><body><h1>Nước hoa Chanel No5 100ml fullbox</h1></body></html>""");
      Path conf = tmp.resolve("sources");
      Files.createDirectories(conf);
      Files.writeString(
          conf.resolve("shop.yaml"),
          """
          sources:
            - id: shop
              platform: chosi
              seeds: ["${shop}"]
              follow: ['/c/[^/?#]+']
              products: ['/p/\\d+/[^/?#]+']
              politeness: {delayMs: 10}
          """);
      List<Source> sources = SourceLoader.load(conf, Map.of("shop", site.base()));
      CrawlSettings settings =
          CrawlSettings.builder(tmp.resolve("evidence"), tmp.resolve("spool"))
              .allowLoopback(true)
              .crawlRunId("x1")
              .clock(Clock.fixed(Instant.parse("2026-11-24T03:00:00Z"), ZoneOffset.UTC))
              .build();

      CrawlReport report = new Crawler(settings).run(sources, ProgressListener.NONE);

      assertThat(site.paths()).doesNotContain("/cart?add=42");
      assertThat(report.listingsEmitted()).isEqualTo(1);
      String line = Files.readAllLines(report.spoolFiles().get(0)).get(0);
      var decoded = JsonCodec.decodeListing(line);
      assertThat(decoded.errors()).isEmpty();
      Listing l = decoded.value();
      assertThat(l.platform()).isEqualTo("chosi");
      assertThat(l.title()).isEqualTo("Nước hoa Chanel No5 100ml fullbox");
      assertThat(l.price().amount()).isEqualByComparingTo(new BigDecimal("450000"));
      assertThat(l.observedAt()).isEqualTo("2026-11-24T03:00:00Z");
      assertThat(l.crawlRunId()).isEqualTo("x1");
      assertThat(l.evidence().fetchMode()).isEqualTo("static");
      assertThat(l.evidence().htmlSha256()).hasSize(64);
    }
  }
}
