package org.markwatch.crawler.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrontierTest {
  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {
        "HTTP://Shop.Example.VN:80/a/./b/../c?q=1#frag, http://shop.example.vn/a/c?q=1",
        "https://shop.example.vn:443, https://shop.example.vn/",
        "http://127.0.0.1:8080/p/1/x, http://127.0.0.1:8080/p/1/x",
        "http://h/../../x, http://h/x",
        "http://h/a%20b?x=%C3%A1&b=2, http://h/a%20b?b=2&x=%C3%A1",
        "http://h/p?utm_source=fb&id=7&UTM_Campaign=x&fbclid=abc, http://h/p?id=7",
        "http://h/p?gclid=1&utm_medium=cpc, http://h/p",
        "http://h/p?id=7&utmost=1, http://h/p?id=7&utmost=1",
        "http://h/%7Euser/, http://h/~user/",
        "ftp://h/x, null",
        "javascript:alert(1), null",
        "/relative, null",
        "http://h/a b, http://h/a%20b",
        "http:///nohost, null",
      })
  void normalizes(String in, String out) {
    assertThat(UrlNormalizer.normalize(in)).isEqualTo(out);
  }

  @Test
  void dedupesByNormalisedUrlAndStopsAtBudget() {
    InMemoryFrontier f = new InMemoryFrontier(2);
    assertThat(f.add("http://h/a", 0)).isTrue();
    assertThat(f.add("HTTP://H:80/a#x", 1)).isFalse();
    assertThat(f.add("http://h/b", 1)).isTrue();
    assertThat(f.add("http://h/c", 1)).isTrue();
    assertThat(f.next().url()).isEqualTo("http://h/a");
    assertThat(f.next().url()).isEqualTo("http://h/b");
    assertThat(f.next()).as("budget of 2 spent").isNull();
    assertThat(f.queued()).isEqualTo(1);
  }

  @Test
  void retryDoesNotSpendBudgetAgainAndCountsAttempts() {
    InMemoryFrontier f = new InMemoryFrontier(1);
    f.add("http://h/a", 0);
    CrawlUrl first = f.next();
    f.retry(first, 0);
    CrawlUrl again = f.next();
    assertThat(again.url()).isEqualTo("http://h/a");
    assertThat(again.attempt()).isEqualTo(1);
    assertThat(f.next()).isNull();
  }
}
