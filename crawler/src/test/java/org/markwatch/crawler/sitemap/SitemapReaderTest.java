package org.markwatch.crawler.sitemap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SitemapReaderTest {
  private static final Path FIXTURES =
      Path.of(
          System.getProperty("markwatch.shared", "../../shared"),
          "data/robots/crawler-commons/sitemaps");

  @Test
  void readsUrlSet() {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <url><loc>http://127.0.0.1:9000/p/1/tui-xach</loc></url>
          <url><loc>http://127.0.0.1:9000/p/2/dong-ho</loc></url>
          <url><loc>http://other.example/p/3</loc></url>
        </urlset>""";
    var c =
        SitemapReader.read(
            "http://127.0.0.1:9000/sitemap.xml",
            xml.getBytes(StandardCharsets.UTF_8),
            "application/xml");
    assertThat(c.error()).isNull();
    // strict mode keeps only URLs of the sitemap's own host
    assertThat(c.pages())
        .containsExactly("http://127.0.0.1:9000/p/1/tui-xach", "http://127.0.0.1:9000/p/2/dong-ho");
  }

  @Test
  void readsIndexFixture() throws Exception {
    byte[] xml = Files.readAllBytes(FIXTURES.resolve("sitemap.index.xml"));
    var c = SitemapReader.read("https://example.com/sitemap.xml", xml, "text/xml");
    assertThat(c.pages()).isEmpty();
    assertThat(c.sitemaps())
        .hasSizeGreaterThan(3)
        .allMatch(s -> s.startsWith("https://example.com/sitemap.jss?portalCode="));
  }

  @Test
  void garbageIsAnErrorNotAnException() {
    var c =
        SitemapReader.read(
            "http://h/sitemap.xml", "<html>nope".getBytes(StandardCharsets.UTF_8), "text/html");
    assertThat(c.pages()).isEmpty();
    assertThat(c.error()).contains("http://h/sitemap.xml");
  }
}
