package org.markwatch.crawler.robots;

import static org.assertj.core.api.Assertions.assertThat;

import crawlercommons.robots.BaseRobotRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.markwatch.crawler.fetch.FetchOutcome;
import org.markwatch.crawler.fetch.FetchResult;
import org.markwatch.crawler.source.FetchMode;

class RobotsPolicyTest {
  private static final Path FIXTURES =
      Path.of(
          System.getProperty("markwatch.shared", "../../shared"),
          "data/robots/crawler-commons/robots");
  private static final String ROBOTS = "http://www.example.com/robots.txt";

  private static FetchResult served(String fixture) throws Exception {
    byte[] body = Files.readAllBytes(FIXTURES.resolve(fixture));
    return new FetchResult(
        ROBOTS,
        ROBOTS,
        FetchMode.STATIC,
        FetchOutcome.OK,
        200,
        Map.of("content-type", List.of("text/plain")),
        body,
        false,
        null,
        null,
        null,
        null,
        1);
  }

  private static FetchResult status(int status, FetchOutcome outcome) {
    return new FetchResult(
        ROBOTS,
        ROBOTS,
        FetchMode.STATIC,
        outcome,
        status,
        Map.of(),
        null,
        false,
        null,
        null,
        null,
        "x",
        1);
  }

  // RFC 9309 section 5.1, for three different agents.
  @ParameterizedTest
  @CsvSource({
    "markwatch, http://www.example.com/example/page.html, false",
    "markwatch, http://www.example.com/publications/a.html, true",
    "markwatch, http://www.example.com/images/x.gif, false",
    "markwatch, http://www.example.com/other, true",
    "foobot, http://www.example.com/example/page.html, true",
    "foobot, http://www.example.com/example/allowed.gif, true",
    "foobot, http://www.example.com/other, false",
    "bazbot, http://www.example.com/example/page.html, false",
    "bazbot, http://www.example.com/other, true",
  })
  void rfc9309SimpleExample(String agent, String url, boolean allowed) throws Exception {
    BaseRobotRules rules =
        new RobotsPolicy(agent).rules(ROBOTS, served("rfc9309-example-simple-robots.txt"));
    assertThat(rules.isAllowed(url)).isEqualTo(allowed);
    assertThat(rules.isDeferVisits()).isFalse();
  }

  @Test
  void crawlDelayIsReadInMillisecondsAndNotCappedByTheParser() throws Exception {
    BaseRobotRules rules =
        new RobotsPolicy("markwatch").rules(ROBOTS, served("crawl-delay-group-merging.txt"));
    assertThat(rules.getCrawlDelay()).isEqualTo(30_000);
    BaseRobotRules mybot =
        new RobotsPolicy("mybot").rules(ROBOTS, served("crawl-delay-group-merging.txt"));
    assertThat(mybot.getCrawlDelay()).isEqualTo(10_000);
    assertThat(mybot.isAllowed("http://www.example.com/private/x")).isFalse();
  }

  @Test
  void sitemapsAreListed() throws Exception {
    BaseRobotRules rules =
        new RobotsPolicy("markwatch").rules(ROBOTS, served("sitemap-robots.txt"));
    assertThat(rules.getSitemaps())
        .contains("http://domain.com/sitemap.xml", "http://domain.com/dir/MixedCased-sitemap.xml");
  }

  // RFC 9309 2.3.1.3: 4xx means no robots.txt (allow all); 2.3.1.4: 5xx or unreachable means
  // disallow all.
  @ParameterizedTest
  @CsvSource({
    "404, HTTP_ERROR, true, false",
    "403, HTTP_ERROR, true, false",
    "410, HTTP_ERROR, true, false",
    "500, HTTP_ERROR, false, true",
    "503, HTTP_ERROR, false, true",
    "0, TIMEOUT, false, true",
    "0, UNREACHABLE, false, true",
  })
  void failedFetches(int status, FetchOutcome outcome, boolean allowed, boolean deferred) {
    BaseRobotRules rules = new RobotsPolicy("markwatch").rules(ROBOTS, status(status, outcome));
    assertThat(rules.isAllowed("http://www.example.com/anything")).isEqualTo(allowed);
    assertThat(rules.isDeferVisits()).isEqualTo(deferred);
  }

  // Real sites' files (scrapy/protego fixtures): the rules a crawler identifying as markwatch gets.
  @ParameterizedTest
  @CsvSource({
    "www.ebay.com.robots.txt, https://www.ebay.com/brw/x, false",
    "www.ebay.com.robots.txt, https://www.ebay.com/itm/123, true",
    "www.facebook.com.robots.txt, https://www.facebook.com/marketplace/item/1, false",
    "www.vietnamplus.vn.robots.txt, https://www.vietnamplus.vn/, true",
    "www.vietnamplus.vn.robots.txt, https://www.vietnamplus.vn/raovat/Account/login, false",
    "www.vietnamplus.vn.robots.txt, https://www.vietnamplus.vn/Utilities/x, false",
  })
  void realSites(String file, String url, boolean allowed) throws Exception {
    byte[] body =
        Files.readAllBytes(FIXTURES.resolveSibling("../real-sites").normalize().resolve(file));
    FetchResult fetch =
        new FetchResult(
            ROBOTS,
            ROBOTS,
            FetchMode.STATIC,
            FetchOutcome.OK,
            200,
            Map.of(),
            body,
            false,
            null,
            null,
            null,
            null,
            1);
    assertThat(
            new RobotsPolicy("markwatch")
                .rules(url.replaceAll("(https://[^/]+).*", "$1/robots.txt"), fetch)
                .isAllowed(url))
        .isEqualTo(allowed);
  }

  @Test
  void agentNameIsTheProductToken() {
    assertThat(RobotsPolicy.agentName("markwatch/0.1 (+https://github.com/markwatch)"))
        .isEqualTo("markwatch");
    assertThat(RobotsPolicy.agentName("Foo Bot")).isEqualTo("Foo");
  }
}
