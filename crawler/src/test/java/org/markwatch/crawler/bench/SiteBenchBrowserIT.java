package org.markwatch.crawler.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markwatch.crawler.testing.TestSite;

/** {@code bench crawl --browser} with real Chromium: data that exists only after JavaScript ran. */
class SiteBenchBrowserIT {
  @TempDir Path dir;

  // Like the peers' JS fixture: the product's JSON-LD and its links are added 25 ms after load.
  private static String jsProduct(String name, long price, String related) {
    return """
        <!doctype html><html><head><meta charset="utf-8"></head><body><div id="app"></div>
        <img src="/img/big.png">
        <script>
        addEventListener('load', () => setTimeout(() => {
          const s = document.createElement('script'); s.type = 'application/ld+json';
          s.textContent = JSON.stringify({'@context': 'https://schema.org', '@type': 'Product',
            name: '%s', offers: {'@type': 'Offer', price: %d, priceCurrency: 'VND'}});
          document.head.appendChild(s);
          const a = document.createElement('a'); a.href = '%s'; a.textContent = 'related';
          document.getElementById('app').appendChild(a);
        }, 25));
        </script></body></html>"""
        .formatted(name, price, related);
  }

  @Test
  void rendersEachPageOnceAndReadsTheProductAddedByScript() throws Exception {
    try (TestSite site = new TestSite()) {
      site.text("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n")
          .html("/", "<a href='/c/1'>c</a> <a href='/private/x'>hidden</a>")
          .html("/c/1", "<a href='/p/1'>1</a> <a href='/p/2#reviews'>2</a>")
          .html("/p/1", jsProduct("Áo thun", 199000, "/p/3"))
          .html("/p/2", jsProduct("Giày", 450000, "/p/1"))
          .html("/p/3", jsProduct("Mũ", 50000, "/c/1"))
          .html("/private/x", jsProduct("Hidden", 1, "/"))
          .text("/img/big.png", "image/png", "not really a png");
      Path items = dir.resolve("items.jsonl");
      SiteBench.Result r =
          new SiteBench(site.base(), 2, true).run(items, dir.resolve("summary.json"));

      assertThat(r.failed()).isZero();
      assertThat(r.pages()).isEqualTo(5);
      assertThat(r.items()).isEqualTo(3);
      List<String> lines = Files.readAllLines(items);
      assertThat(lines)
          .anyMatch(l -> l.contains("\"name\":\"Mũ\"") && l.contains("\"price\":50000"))
          .anyMatch(l -> l.contains("\"name\":\"Giày\"") && l.contains("\"currency\":\"VND\""));
      assertThat(site.paths()).doesNotContain("/private/x", "/img/big.png");
      assertThat(site.paths().stream().filter("/p/1"::equals)).hasSize(1);
    }
  }
}
