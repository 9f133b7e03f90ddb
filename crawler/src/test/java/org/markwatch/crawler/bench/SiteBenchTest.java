package org.markwatch.crawler.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markwatch.crawler.testing.TestSite;

class SiteBenchTest {
  @TempDir Path dir;

  private static String product(String name, String price) {
    return "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
        + "{\"@type\":\"BreadcrumbList\"},{\"@type\":\"Product\",\"name\":\""
        + name
        + "\",\"offers\":{\"@type\":\"Offer\","
        + "\"price\":"
        + price
        + ",\"priceCurrency\":\"VND\"}}]}</script></head><body>"
        + "<a href=\"/\">home</a> <a href=\"#reviews\">reviews</a> <a href=\"mailto:a@b.vn\">mail</a></body></html>";
  }

  @Test
  void everyProductOnceRobotsObeyedOtherHostsAndFragmentsIgnored() throws Exception {
    try (TestSite site = new TestSite()) {
      site.text("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n")
          .html(
              "/",
              "<a href='/c/1'>c</a> <a href='/c/1#top'>c again</a> <a href='/private/p9'>hidden</a>"
                  + " <a href='http://127.0.0.2:9/x'>other host</a>")
          .html(
              "/c/1",
              "<a href='/p/1'>1</a><a href='/p/2'>2</a><a href='/p/3'>3</a><a href='/c/1'>self</a>")
          .html("/p/1", product("Áo", "\"199000\""))
          .html("/p/2", product("Giày", "450000"))
          .html("/p/3", "<html><body>no product here <a href='/p/1'>1</a></body></html>")
          .html("/private/p9", product("Hidden", "1"));
      Path items = dir.resolve("items.jsonl");
      Path summary = dir.resolve("summary.json");
      SiteBench.Result r = new SiteBench(site.base(), 4).run(items, summary);

      assertThat(r.pages()).isEqualTo(5); // /, /c/1, /p/1..3
      assertThat(r.items()).isEqualTo(2);
      assertThat(r.failed()).isZero();
      List<String> lines = Files.readAllLines(items);
      assertThat(lines)
          .hasSize(2)
          .anyMatch(l -> l.contains("\"name\":\"Áo\"") && l.contains("\"price\":199000"))
          .anyMatch(
              l ->
                  l.contains("\"name\":\"Giày\"")
                      && l.contains("\"price\":450000")
                      && l.contains("\"currency\":\"VND\""));
      assertThat(Files.readString(summary)).contains("\"pages\":5").contains("\"items\":2");
      List<String> paths = site.paths();
      assertThat(paths).doesNotContain("/private/p9");
      assertThat(paths.stream().filter(p -> p.equals("/p/1"))).hasSize(1);
      assertThat(paths.stream().filter(p -> p.equals("/c/1"))).hasSize(1);
    }
  }

  @Test
  void onlyLoopbackSitesAreBenchmarked() {
    assertThatThrownBy(() -> new SiteBench("http://example.com/", 4))
        .hasMessageContaining("loopback");
    assertThatThrownBy(() -> new SiteBench("http://127.0.0.1:1/", 0))
        .hasMessageContaining("concurrency");
  }
}
