package org.markwatch.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.markwatch.crawler.net.AddressGuard;
import org.markwatch.crawler.source.BrowserSettings;
import org.markwatch.crawler.testing.TestSite;

class StaticFetcherTest {
  private static final String UA = "markwatch/0.1 (+https://github.com/markwatch)";
  private TestSite site;
  private StaticFetcher fetcher;

  @BeforeEach
  void start() throws Exception {
    site = new TestSite();
    fetcher =
        new StaticFetcher(
            new AddressGuard(true),
            new FetchLimits(
                Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2), 1000),
            UA);
  }

  @AfterEach
  void stop() {
    fetcher.close();
    site.close();
  }

  @Test
  void fetchesPageWithUserAgent() {
    site.html("/a", "<p>hello</p>");
    FetchResult r = fetcher.fetch(FetchRequest.of(site.url("/a")));
    assertThat(r.outcome()).isEqualTo(FetchOutcome.OK);
    assertThat(r.status()).isEqualTo(200);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("<p>hello</p>");
    assertThat(r.truncated()).isFalse();
    assertThat(r.header("Content-Type")).startsWith("text/html");
    assertThat(site.hits().get(0).headers().get("User-agent")).containsExactly(UA);
  }

  @Test
  void htmlIsDecodedWithTheDeclaredCharset() {
    site.route(
        "/latin",
        ex -> {
          byte[] bytes = "<p>café</p>".getBytes(StandardCharsets.ISO_8859_1);
          ex.getResponseHeaders().set("Content-Type", "text/html; charset=ISO-8859-1");
          ex.sendResponseHeaders(200, bytes.length);
          ex.getResponseBody().write(bytes);
        });
    assertThat(fetcher.fetch(FetchRequest.of(site.url("/latin"))).html()).isEqualTo("<p>café</p>");
    site.html("/utf8", "<p>Túi xách</p>");
    assertThat(fetcher.fetch(FetchRequest.of(site.url("/utf8"))).html())
        .isEqualTo("<p>Túi xách</p>");
  }

  @Test
  void decodesGzip() throws Exception {
    byte[] plain = "<p>compressed page</p>".getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(plain);
    }
    site.route(
        "/gz",
        ex -> {
          assertThat(ex.getRequestHeaders().getFirst("Accept-Encoding")).contains("gzip");
          ex.getResponseHeaders().set("Content-Encoding", "gzip");
          ex.getResponseHeaders().set("Content-Type", "text/html");
          ex.sendResponseHeaders(200, gz.size());
          ex.getResponseBody().write(gz.toByteArray());
        });
    FetchResult r = fetcher.fetch(FetchRequest.of(site.url("/gz")));
    assertThat(r.body()).isEqualTo(plain);
  }

  @Test
  void cutsBodyAtByteCapWhileStreaming() {
    // 1000-byte cap; the server offers 200 kB in chunks of unknown total length.
    site.route(
        "/big",
        ex -> {
          ex.getResponseHeaders().set("Content-Type", "text/html");
          ex.sendResponseHeaders(200, 0);
          try (OutputStream out = ex.getResponseBody()) {
            byte[] chunk = "x".repeat(1000).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 200; i++) {
              out.write(chunk);
            }
          }
        });
    FetchResult r = fetcher.fetch(FetchRequest.of(site.url("/big")));
    assertThat(r.outcome()).isEqualTo(FetchOutcome.OK);
    assertThat(r.truncated()).isTrue();
    assertThat(r.body()).hasSize(1000);
  }

  @Test
  void bodyOfExactlyTheCapIsNotTruncated() {
    site.text("/exact", "text/plain", "y".repeat(1000));
    FetchResult r = fetcher.fetch(FetchRequest.of(site.url("/exact")));
    assertThat(r.truncated()).isFalse();
    assertThat(r.body()).hasSize(1000);
  }

  @Test
  void slowRouteTimesOutAsResult() {
    // Writes a byte every 300 ms, forever: only the 2 s call timeout ends it.
    site.route(
        "/slow",
        ex -> {
          ex.sendResponseHeaders(200, 0);
          OutputStream out = ex.getResponseBody();
          for (int i = 0; i < 100; i++) {
            out.write('z');
            out.flush();
            try {
              Thread.sleep(300);
            } catch (InterruptedException e) {
              return;
            }
          }
        });
    long t0 = System.nanoTime();
    FetchResult r = fetcher.fetch(FetchRequest.of(site.url("/slow")));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(r.outcome()).isEqualTo(FetchOutcome.TIMEOUT);
    assertThat(r.error()).isNotBlank();
    assertThat(ms).isBetween(1500L, 10_000L);
  }

  @Test
  void redirectIsReturnedWhenNotFollowed() {
    site.route(
        "/old",
        ex -> {
          ex.getResponseHeaders().set("Location", "/new?x=1");
          ex.sendResponseHeaders(301, -1);
        });
    FetchResult r = fetcher.fetch(FetchRequest.of(site.url("/old")));
    assertThat(r.outcome()).isEqualTo(FetchOutcome.REDIRECT);
    assertThat(r.redirectTo()).isEqualTo(site.url("/new?x=1"));
    assertThat(site.paths()).containsExactly("/old");
  }

  @Test
  void redirectsAreFollowedUpToTheLimit() {
    site.route(
        "/r1",
        ex -> {
          ex.getResponseHeaders().set("Location", "/r2");
          ex.sendResponseHeaders(302, -1);
        });
    site.route(
        "/r2",
        ex -> {
          ex.getResponseHeaders().set("Location", "/end");
          ex.sendResponseHeaders(302, -1);
        });
    site.html("/end", "done");
    FetchResult r =
        fetcher.fetch(new FetchRequest(site.url("/r1"), Set.of(), 5, BrowserSettings.DEFAULT));
    assertThat(r.outcome()).isEqualTo(FetchOutcome.OK);
    assertThat(r.finalUrl()).isEqualTo(site.url("/end"));
    FetchResult limited =
        fetcher.fetch(new FetchRequest(site.url("/r1"), Set.of(), 1, BrowserSettings.DEFAULT));
    assertThat(limited.outcome()).isEqualTo(FetchOutcome.REDIRECT);
    assertThat(limited.redirectTo()).isEqualTo(site.url("/end"));
  }

  @Test
  void httpErrorsAndRefusedConnectionsAreResults() {
    FetchResult notFound = fetcher.fetch(FetchRequest.of(site.url("/missing")));
    assertThat(notFound.outcome()).isEqualTo(FetchOutcome.HTTP_ERROR);
    assertThat(notFound.status()).isEqualTo(404);
    int port = site.port();
    site.close();
    FetchResult refused = fetcher.fetch(FetchRequest.of("http://127.0.0.1:" + port + "/"));
    assertThat(refused.outcome()).isEqualTo(FetchOutcome.UNREACHABLE);
    assertThat(refused.status()).isZero();
  }
}
