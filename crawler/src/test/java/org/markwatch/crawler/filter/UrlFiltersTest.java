package org.markwatch.crawler.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.markwatch.crawler.source.BrowserSettings;
import org.markwatch.crawler.source.FetchMode;
import org.markwatch.crawler.source.Politeness;
import org.markwatch.crawler.source.Source;

class UrlFiltersTest {
  private static final Source SOURCE =
      new Source(
          "s",
          "chosi",
          List.of("http://127.0.0.1:9000/"),
          FetchMode.STATIC,
          Set.of("127.0.0.1:9000", "cdn.chosi.vn"),
          List.of(Pattern.compile("/c/[a-z-]+(\\?page=\\d+)?")),
          List.of(Pattern.compile("/p/\\d+/[^/]+")),
          false,
          10,
          Politeness.DEFAULT,
          null,
          null,
          BrowserSettings.DEFAULT,
          "test");

  @ParameterizedTest
  @CsvSource({
    "http://127.0.0.1:9000/c/dong-ho, true",
    "http://127.0.0.1:9000/c/dong-ho?page=2, true",
    "http://127.0.0.1:9000/p/12/tui-xach, true",
    "http://127.0.0.1:9000/cart, false",
    "http://127.0.0.1:9000/c/dong-ho?sort=x, false",
    "http://127.0.0.1:9001/c/dong-ho, false",
    "http://evil.example/c/dong-ho, false",
    "https://cdn.chosi.vn/c/x, true",
    "mailto:a@b.vn, false",
  })
  void linkChain(String url, boolean kept) {
    assertThat(UrlFilters.forLinks(SOURCE).filter(url) != null).isEqualTo(kept);
  }

  @ParameterizedTest
  @CsvSource({
    "http://127.0.0.1:9000/, true",
    "http://127.0.0.1:9000/anything, true",
    "http://other/, false"
  })
  void seedChainSkipsPatterns(String url, boolean kept) {
    assertThat(UrlFilters.forSeeds(SOURCE).filter(url) != null).isEqualTo(kept);
  }

  @org.junit.jupiter.api.Test
  void lengthLimit() {
    String longUrl = "http://127.0.0.1:9000/c/" + "a".repeat(3000);
    assertThat(UrlFilters.forLinks(SOURCE).filter(longUrl)).isNull();
  }
}
