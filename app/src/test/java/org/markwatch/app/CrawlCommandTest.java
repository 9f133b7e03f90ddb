package org.markwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markwatch.storage.CrawlRun;
import org.markwatch.storage.CrawlRunDetailsStore;
import org.markwatch.storage.CrawlRunSource;
import org.markwatch.storage.CrawlRunStore;
import org.markwatch.storage.Database;
import org.markwatch.storage.DatabaseSettings;

/** {@code markwatch crawl} against a real HTTP server on 127.0.0.1, with the embedded database. */
class CrawlCommandTest {
  @TempDir Path dir;
  private HttpServer server;
  private String base;

  @BeforeEach
  void serve() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    Map<String, String> pages =
        Map.of(
            "/robots.txt",
            "User-agent: *\nDisallow: /private/\n",
            "/",
            "<html><body><a href='/p/1'>1</a> <a href='/p/2'>2</a> <a href='/private/x'>x</a>"
                + " <a href='/gone'>gone</a></body></html>",
            "/p/1",
            product("P-1", "Áo thun", "199000"),
            "/p/2",
            product("P-2", "Giày", "450000"));
    server.createContext(
        "/",
        ex -> {
          String body = pages.get(ex.getRequestURI().getPath());
          byte[] bytes = (body == null ? "not found" : body).getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders()
              .add("Content-Type", body == null ? "text/plain" : "text/html; charset=utf-8");
          ex.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
          ex.getResponseBody().write(bytes);
          ex.close();
        });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static String product(String sku, String name, String price) {
    return "<html lang='vi'><head><script type='application/ld+json'>{\"@type\":\"Product\",\"name\":\""
        + name
        + "\",\"sku\":\""
        + sku
        + "\",\"offers\":{\"price\":\""
        + price
        + "\",\"priceCurrency\":\"VND\"}}</script>"
        + "</head><body><h1>"
        + name
        + "</h1></body></html>";
  }

  private Path conf(String yaml) throws Exception {
    Path sources = Files.createDirectories(dir.resolve("conf/sources"));
    Files.writeString(sources.resolve("test.yaml"), yaml);
    // a source of another file whose variable is not passed: set aside by --all, not an error
    Files.writeString(
        sources.resolve("zz-other.yaml"),
        "sources:\n  - id: other\n    platform: web\n    seeds: ['${other.base}']\n");
    return dir.resolve("conf");
  }

  private record Run(int status, String out, String err) {}

  private static Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int status = Main.run(args);
      return new Run(
          status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void allSourcesAreCrawledStoredAndASourceThatFetchedNothingMakesExitOne() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort(); // nothing listens there once closed
    }
    Path conf =
        conf(
            """
        sources:
          - id: shop
            platform: web
            seeds: ["${site}"]
            products: ['/p/\\d+']
            politeness: {delayMs: 0, maxRetries: 0}
          - id: dead
            platform: web
            seeds: ["http://127.0.0.1:%d/"]
            politeness: {delayMs: 0, maxRetries: 0}
        """
                .formatted(closedPort));
    Run r =
        run(
            "crawl",
            "--all",
            "--conf",
            conf.toString(),
            "--data",
            dir.resolve("data").toString(),
            "--embedded",
            "--var",
            "site=" + base,
            "--run-id",
            "t1",
            "--allow-loopback");

    assertThat(r.status()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out()).contains("listings found  2").contains("errors by class HTTP 404 1");
    assertThat(r.err()).contains("set aside other");
    List<Path> spool;
    try (Stream<Path> files = Files.list(dir.resolve("data/spool/t1"))) {
      spool = files.filter(p -> p.toString().endsWith(".jsonl")).toList();
    }
    assertThat(spool).hasSize(1);
    assertThat(Files.readAllLines(spool.get(0)))
        .hasSize(2)
        .allMatch(l -> l.contains("\"crawlRunId\":\"t1\""));

    try (Database db = Database.open(DatabaseSettings.h2File(dir.resolve("data/db")))) {
      CrawlRun stored = new CrawlRunStore(db.dataSource()).find("t1").orElseThrow();
      assertThat(stored.status()).isEqualTo(CrawlRun.Status.FAILED);
      assertThat(stored.listingsFound()).isEqualTo(2);
      assertThat(stored.pagesFetched()).isEqualTo(3);
      CrawlRunDetailsStore details = new CrawlRunDetailsStore(db.dataSource());
      assertThat(details.sources("t1"))
          .extracting(CrawlRunSource::sourceId, CrawlRunSource::status)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("dead", CrawlRunSource.Status.FAILED),
              org.assertj.core.groups.Tuple.tuple("shop", CrawlRunSource.Status.OK));
      assertThat(details.counts("t1", CrawlRunDetailsStore.OUTCOME)).containsEntry("OK", 3L);
      assertThat(details.counts("t1", CrawlRunDetailsStore.ERROR)).containsEntry("HTTP 404", 1L);
    }
  }

  @Test
  void oneSourceWithAPageBudgetSucceeds() throws Exception {
    Path conf =
        conf(
            """
        sources:
          - id: shop
            platform: web
            seeds: ["${site}"]
            products: ['/p/\\d+']
            politeness: {delayMs: 0}
        """);
    Run r =
        run(
            "crawl",
            "--source",
            "shop",
            "--max-pages",
            "2",
            "--conf",
            conf.toString(),
            "--data",
            dir.resolve("data").toString(),
            "--embedded",
            "--var",
            "site=" + base,
            "--allow-loopback");
    assertThat(r.status()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("2 fetched");
  }

  @Test
  void aMisspeltKeyIsRefusedWithFileLineAndKey() throws Exception {
    Path conf =
        conf(
            """
        sources:
          - id: shop
            platform: web
            seeds: ["${site}"]
            politeness: {delayMS: 0}
        """);
    Run r =
        run(
            "crawl",
            "--all",
            "--conf",
            conf.toString(),
            "--data",
            dir.resolve("data").toString(),
            "--embedded",
            "--var",
            "site=" + base);
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err())
        .contains("test.yaml:5: sources[0].politeness.delayMS: unknown key")
        .doesNotContain("Exception");
    assertThat(dir.resolve("data/db")).doesNotExist();
  }

  @Test
  void anUnknownSourceIdListsTheKnownOnes() throws Exception {
    Path conf = conf("sources:\n  - id: shop\n    platform: web\n    seeds: ['${site}']\n");
    Run r =
        run(
            "crawl",
            "--source",
            "shopp",
            "--conf",
            conf.toString(),
            "--data",
            dir.resolve("data").toString(),
            "--embedded",
            "--var",
            "site=" + base);
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("no enabled source 'shopp'; known: shop");
  }
}
