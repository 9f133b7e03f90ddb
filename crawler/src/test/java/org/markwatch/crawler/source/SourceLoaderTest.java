package org.markwatch.crawler.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceLoaderTest {
  @TempDir Path dir;

  private static final String GOOD =
      """
      sources:
        - id: demo-chosi
          platform: chosi
          seeds: ["${demo.chosi}"]
          fetch: static
          follow: ['/c/[a-z-]+(\\?page=\\d+)?', '/p/\\d+/[^/]+']
          products: ['/p/\\d+/[^/]+']
          sitemap: true
          maxPages: 50
          politeness: {delayMs: 100, maxCrawlDelayMs: 5000}
        - id: demo-mangxa
          platform: mangxa
          seeds: ["${demo.mangxa}feed"]
          fetch: browser
          products: ['/feed']
          follow: ['/feed']
          profile: mangxa
          browser: {scrollRounds: 30, pageTimeoutMs: 45000}
        - id: off
          platform: x
          enabled: false
          seeds: ["${not.passed}"]
      """;

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  @Test
  void loadsSourcesWithVariablesDefaultsAndProfile() throws Exception {
    write("sources/demo.yaml", GOOD);
    write("sources/profiles/mangxa.yaml", "name: mangxa\nplatform: mangxa\nitem: 'article.post'\n");
    var sources =
        SourceLoader.load(
            dir,
            Map.of(
                "demo.chosi", "http://127.0.0.1:4100/", "demo.mangxa", "http://127.0.0.1:4200/"));
    assertThat(sources).extracting(Source::id).containsExactly("demo-chosi", "demo-mangxa");
    Source chosi = sources.get(0);
    assertThat(chosi.seeds()).containsExactly("http://127.0.0.1:4100/");
    assertThat(chosi.hosts()).containsExactly("127.0.0.1:4100");
    assertThat(chosi.fetchMode()).isEqualTo(FetchMode.STATIC);
    assertThat(chosi.useSitemap()).isTrue();
    assertThat(chosi.maxPages()).isEqualTo(50);
    assertThat(chosi.politeness().delayMs()).isEqualTo(100);
    assertThat(chosi.politeness().maxCrawlDelayMs()).isEqualTo(5000);
    assertThat(chosi.politeness().maxRetries()).isEqualTo(Politeness.DEFAULT_MAX_RETRIES);
    assertThat(chosi.isProductPage("/p/12/tui-xach")).isTrue();
    assertThat(chosi.isProductPage("/c/tui")).isFalse();
    assertThat(chosi.isFollowed("/c/tui?page=2")).isTrue();
    assertThat(chosi.isFollowed("/cart")).isFalse();
    assertThat(chosi.profile()).isNull();
    Source mangxa = sources.get(1);
    assertThat(mangxa.seeds()).containsExactly("http://127.0.0.1:4200/feed");
    assertThat(mangxa.fetchMode()).isEqualTo(FetchMode.BROWSER);
    assertThat(mangxa.browser().scrollRounds()).isEqualTo(30);
    assertThat(mangxa.browser().pageTimeoutMs()).isEqualTo(45000);
    assertThat(mangxa.browser().scrollWaitMs()).isEqualTo(BrowserSettings.DEFAULT_SCROLL_WAIT_MS);
    assertThat(mangxa.profile()).isNotNull();
    assertThat(mangxa.profileName()).isEqualTo("mangxa");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // yaml (\n as newline) | line | field | message part
        "sources:\\n  - id: a\\n    platform: p\\n    seeds: [http://h/]\\n    delayMs: 5 | 5 | sources[0].delayMs | unknown key",
        "sources:\\n  - id: a\\n    platform: p\\n    seeds: [http://h/]\\n    politeness:\\n      delayMs: fast | 6 | sources[0].politeness.delayMs | not a valid `java.lang.Long` value",
        "sources:\\n  - id: a\\n    platform: p\\n    seeds: ['${demo.nope}'] | 4 | sources[0].seeds[0] | unknown variable ${demo.nope}",
        "sources:\\n  - id: a\\n    platform: p\\n    seeds: [ftp://h/] | 4 | sources[0].seeds[0] | absolute http(s) URL",
        "sources:\\n  - id: a\\n    platform: p | 2 | sources[0].seeds | required",
        "sources:\\n  - id: a\\n    platform: p\\n    seeds: [http://h/]\\n    fetch: js | 5 | sources[0].fetch | expected static or browser",
        "sources:\\n  - id: a\\n    platform: p\\n    seeds: [http://h/]\\n    follow: ['/c/(('] | 5 | sources[0].follow[0] | not a valid regular expression",
        "sources:\\n  - id: a\\n    platform: p\\n    seeds: [http://h/]\\n    profile: nope | 5 | sources[0].profile | profile 'nope' not found",
        "sources:\\n  - id: a\\n    platform: p\\n    seeds: [http://h/]\\n    maxPages: 0 | 5 | sources[0].maxPages | between 1 and",
        "sources:\\n  - id: Bad Id\\n    platform: p\\n    seeds: [http://h/] | 2 | sources[0].id | must match",
        "sources:\\n  - id: a\\n    platform: p\\n    seeds: [http://h/]\\n    sitemap: yes please | 5 | sources[0].sitemap | only \"true\" or \"false\" recognized",
        "sources:\\n  - id: a\\n    platform: p\\n    seeds: [http://h/]\\n    revisit:\\n      products: P1D\\n      page: PT1H | 7 | sources[0].revisit.page | unknown key 'page'",
        "sources:\\n  - id: a\\n    platform: p\\n    seeds: [http://h/]\\n    revisit: {pages: PT10S} | 5 | sources[0].revisit.pages | between PT1M and P366D",
        "sources:\\n  - id: a\\n    platform: p\\n    seeds: [http://h/]\\n    schedule: '0 2 * * *' | 5 | sources[0].schedule | 6 fields",
        "sources:\\n  - id: a\\n    platform: p\\n    seeds: [http://h/]\\n    maxPages: [3] | 5 | sources[0].maxPages | Cannot deserialize value of type `java.lang.Integer`",
        "sources:\\n  - id: a\\n    platform: [p\\n    seeds: x: y | 4 | '' | not valid YAML",
        "sources:\\n  - id: a\\n    platform: p\\n    id: b\\n    seeds: [http://h/] | 4 | '' | 'id'",
      })
  void errorsNameFileLineAndField(String yaml, int line, String field, String part)
      throws Exception {
    Path file = write("bad.yaml", yaml.replace("\\n", "\n"));
    assertThatThrownBy(() -> SourceLoader.loadFile(file, Map.of("demo.chosi", "http://h/")))
        .isInstanceOfSatisfying(
            SourceConfigException.class,
            e -> {
              assertThat(e.file()).isEqualTo(file.toString());
              assertThat(e.line()).isEqualTo(line);
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.getMessage()).startsWith(file + ":" + line + ": ").contains(part);
            });
  }

  @Test
  void badProfileIsReportedWithItsOwnFileAndLine() throws Exception {
    write("sources/demo.yaml", GOOD);
    Path profile =
        write(
            "sources/profiles/mangxa.yaml",
            "name: mangxa\nplatform: mangxa\nitem: 'article.post'\nsellr: x\n");
    assertThatThrownBy(
            () ->
                SourceLoader.load(
                    dir, Map.of("demo.chosi", "http://h/", "demo.mangxa", "http://h/")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(profile.toString())
        .hasMessageContaining("sellr");
  }

  @Test
  void revisitAndScheduleAreRead() throws Exception {
    Path file =
        write(
            "r.yaml",
            "sources:\n  - id: a\n    platform: p\n    seeds: http://h/\n"
                + "    revisit: {pages: PT2H}\n    schedule: '0 30 1 * * MON-FRI'\n"
                + "  - id: b\n    platform: p\n    seeds: [http://h/]\n");
    List<Source> sources = SourceLoader.loadFile(file, Map.of());
    assertThat(sources.get(0).seeds()).containsExactly("http://h/"); // one value for a list
    assertThat(sources.get(0).revisit())
        .isEqualTo(new Revisit(Revisit.DEFAULT_PRODUCTS, java.time.Duration.ofHours(2)));
    assertThat(sources.get(0).schedule()).isEqualTo("0 30 1 * * MON-FRI");
    assertThat(sources.get(1).revisit()).isEqualTo(Revisit.DEFAULT);
    assertThat(sources.get(1).schedule()).isNull();
  }

  @Test
  void duplicateIdsAcrossFilesAreRefused() throws Exception {
    String one = "sources:\n  - id: a\n    platform: p\n    seeds: [http://h/]\n";
    write("sources/1.yaml", one);
    write("sources/2.yaml", one);
    assertThatThrownBy(() -> SourceLoader.load(dir.resolve("sources"), Map.of()))
        .hasMessageContaining("2.yaml")
        .hasMessageContaining("'a' is already defined in")
        .hasMessageContaining("1.yaml");
  }

  @Test
  void shippedDemoFileLoads() {
    Path demo = findRepoRoot().resolve("conf/sources/demo.yaml");
    var sources =
        SourceLoader.loadFile(
            demo,
            Map.of(
                "demo.chosi",
                "http://127.0.0.1:4101/",
                "demo.muaban",
                "http://127.0.0.1:4102/",
                "demo.mangxa",
                "http://127.0.0.1:4103/"));
    assertThat(sources).extracting(Source::platform).containsExactly("chosi", "muaban", "mangxa");
    assertThat(sources.get(2).fetchMode()).isEqualTo(FetchMode.BROWSER);
    assertThat(sources.get(2).seeds()).containsExactly("http://127.0.0.1:4103/feed");
    assertThat(sources.get(0).isProductPage("/p/12/nuoc-hoa-chanel")).isTrue();
    assertThat(sources.get(0).isFollowed("/c/my-pham?page=2")).isTrue();
    assertThat(sources.get(0).isFollowed("/cart")).isFalse();
    assertThat(sources.get(1).isProductPage("/san-pham/tui-xach-lv-i123.html")).isTrue();
    assertThat(sources.get(1).isFollowed("/danh-muc/tui-xach/trang-2")).isTrue();
    assertThat(sources.get(1).isFollowed("/cua-hang/7")).isTrue();
  }

  @Test
  void shippedDirectoryLoadsWithDemoSetAsideAndTemplatesDisabledButValid() throws Exception {
    Path conf = findRepoRoot().resolve("conf/sources");
    SourceLoader.Loaded loaded = SourceLoader.loadAvailable(conf, Map.of());
    assertThat(loaded.sources()).isEmpty(); // demo needs its variables, templates are disabled
    assertThat(loaded.setAside())
        .extracting(SourceLoader.SetAside::id)
        .containsExactly("demo-chosi", "demo-muaban", "demo-mangxa");
    assertThat(loaded.setAside().get(0).reason()).contains("--var demo.chosi=URL");

    // enabled, every template is a valid source (a disabled one is not checked beyond `enabled`)
    String templates =
        Files.readString(conf.resolve("templates.yaml")).replace("enabled: false", "enabled: true");
    Path copy = Files.createDirectories(dir.resolve("templates")).resolve("templates.yaml");
    Files.writeString(copy, templates);
    assertThat(SourceLoader.loadFile(copy, Map.of()))
        .extracting(Source::id)
        .containsExactly(
            "template-category", "template-shop", "template-public-posts", "template-sitemap");
  }

  static Path findRepoRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("conf/sources"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException(
          "conf/sources not found above " + Path.of("").toAbsolutePath());
    }
    return p;
  }
}
