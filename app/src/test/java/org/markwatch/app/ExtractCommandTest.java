package org.markwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markwatch.model.JsonCodec;
import tools.jackson.databind.JsonNode;

class ExtractCommandTest {
  private static final String PROFILES = Path.of("..", "conf", "sources", "profiles").toString();
  private static final String PRODUCT =
      """
      <html lang="vi"><head><script type="application/ld+json">{"@type":"Product","name":"Áo thun","sku":"AT-1",
      "offers":{"price":"199000","priceCurrency":"VND"}}</script></head><body></body></html>""";
  private static final String FEED =
      """
      <html><body>
      <article class="post" data-post-id="7"><a class="author" href="/u/3">An</a>
        <a class="permalink" href="/post/7"><time datetime="2026-11-20T08:00:00+07:00">x</time></a>
        <div class="post-text">Bán túi 450k zalo 0912345678</div></article>
      <article class="post" data-post-id="8"><a class="author" href="/u/4">Bình</a>
        <a class="permalink" href="/post/8"><time datetime="2026-11-20T09:00:00+07:00">x</time></a>
        <div class="post-text">Giày 1tr2</div></article>
      </body></html>""";

  @TempDir Path dir;

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
  void onePagePrintsOneListingObject() throws IOException {
    Path page = dir.resolve("ao.html");
    Files.writeString(page, PRODUCT);
    Run r =
        run(
            "extract",
            "--html",
            page.toString(),
            "--url",
            "https://shop.example/ao-thun",
            "--profiles",
            PROFILES);
    assertThat(r.status()).isZero();
    JsonNode json = JsonCodec.mapper().readTree(r.out());
    assertThat(json.isObject()).isTrue();
    assertThat(JsonCodec.decodeListing(r.out().strip()).errors()).isEmpty();
    assertThat(json.get("id").asString()).isEqualTo("web:AT-1");
    assertThat(json.get("platform").asString()).isEqualTo("web");
    assertThat(json.get("price").get("amount").decimalValue()).isEqualByComparingTo("199000");
  }

  @Test
  void gzippedFeedWithMatchingProfilePrintsAnArray() throws IOException {
    Path page = dir.resolve("feed.html.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(page))) {
      out.write(FEED.getBytes(StandardCharsets.UTF_8));
    }
    Run r =
        run(
            "extract",
            "--html",
            page.toString(),
            "--url",
            "http://127.0.0.1:8123/mangxa/feed",
            "--profiles",
            PROFILES);
    assertThat(r.status()).isZero();
    JsonNode json = JsonCodec.mapper().readTree(r.out());
    assertThat(json.isArray()).isTrue();
    assertThat(json).hasSize(2);
    assertThat(json.get(0).get("id").asString()).isEqualTo("mangxa:7");
    assertThat(json.get(0).get("seller").get("id").asString()).isEqualTo("mangxa:shop:3");
    assertThat(json.get(1).get("price").get("amount").decimalValue())
        .isEqualByComparingTo("1200000");
  }

  @Test
  void defaultUrlIsTheFileUrl() throws IOException {
    Path page = dir.resolve("ao.html");
    Files.writeString(page, PRODUCT);
    Run r = run("extract", "--html", page.toString(), "--profiles", PROFILES);
    assertThat(JsonCodec.mapper().readTree(r.out()).get("url").asString())
        .startsWith("file:")
        .endsWith("/ao.html");
  }

  @Test
  void missingFileAndBinaryPageAreClearErrors() throws IOException {
    Run missing =
        run("extract", "--html", dir.resolve("nope.html").toString(), "--profiles", PROFILES);
    assertThat(missing.status()).isEqualTo(1);
    assertThat(missing.err()).contains("cannot read").contains("nope.html");
    Path bin = dir.resolve("bin.html");
    Files.write(bin, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 1, 2, 3});
    Run binary =
        run(
            "extract",
            "--html",
            bin.toString(),
            "--url",
            "https://x.example/a",
            "--profiles",
            PROFILES);
    assertThat(binary.status()).isEqualTo(1);
    assertThat(binary.out().strip()).isEqualTo("[]");
    assertThat(binary.err()).contains("body is not HTML");
  }

  @Test
  void badProfileIsReportedWithFileAndLine() throws IOException {
    Path profiles = Files.createDirectories(dir.resolve("profiles"));
    Files.writeString(profiles.resolve("bad.yaml"), "platform: bad\nfieldz: {}\n");
    Path page = dir.resolve("ao.html");
    Files.writeString(page, PRODUCT);
    Run r = run("extract", "--html", page.toString(), "--profiles", profiles.toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("bad.yaml:2: unknown field 'fieldz'");
  }
}
