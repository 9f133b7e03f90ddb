package org.markwatch.crawler.links;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkExtractorTest {
  @Test
  void resolvesAnchorsAndPaginationSkippingNofollow() {
    String html =
        """
        <html><head><link rel="next" href="?page=3"></head><body>
        <a href="/p/1/tui#reviews">a</a><a href="/p/1/tui">dup</a>
        <a href="https://other.vn/x">ext</a><a rel="nofollow" href="/cart">cart</a>
        <a href="javascript:void(0)">js</a></body></html>""";
    assertThat(LinkExtractor.links(html, "http://h/c/tui?page=2"))
        .containsExactly(
            "http://h/c/tui?page=3",
            "http://h/p/1/tui",
            "https://other.vn/x",
            "javascript:void(0)");
  }

  @Test
  void metaRobotsNofollowDropsAllLinks() {
    String html = "<meta name=robots content='noindex, nofollow'><a href='/x'>x</a>";
    assertThat(LinkExtractor.links(html, "http://h/")).isEmpty();
  }
}
