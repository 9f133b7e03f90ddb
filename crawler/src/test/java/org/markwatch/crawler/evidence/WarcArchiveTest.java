package org.markwatch.crawler.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;

class WarcArchiveTest {
  @TempDir Path dir;

  private static final Instant AT = Instant.parse("2026-11-20T01:02:03Z");

  private static byte[] page(int i) {
    return ("<html><body>Sản phẩm " + i + " " + "x".repeat(2000) + "</body></html>")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void recordsAreReadBackByJwarcFromTheirOffsetsAndFilesRotateBySize() throws Exception {
    List<WarcArchive.Ref> refs = new ArrayList<>();
    WarcArchive.Ref shot;
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
    try (WarcArchive warc = new WarcArchive(dir, "run-1", 1000)) {
      for (int i = 0; i < 4; i++) {
        refs.add(
            warc.writeExchange(
                "http://127.0.0.1:8080/p/" + i + "?a=1",
                "markwatch/0.1",
                200,
                Map.of(
                    "Content-Type",
                    List.of("text/html; charset=utf-8"),
                    "Content-Encoding",
                    List.of("gzip")),
                page(i),
                AT));
      }
      shot = warc.writeResource("http://127.0.0.1:8080/p/3?a=1", "image/png", png, AT);
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.sorted().toList();
    }
    // a file is closed once it reaches 1000 bytes: all but the last are at least that long
    assertThat(files.size()).isGreaterThanOrEqualTo(2);
    for (Path f : files.subList(0, files.size() - 1)) {
      assertThat(Files.size(f)).isGreaterThanOrEqualTo(1000);
    }
    assertThat(files.get(0).getFileName().toString()).isEqualTo("run-1-00000.warc.gz");

    for (int i = 0; i < 4; i++) {
      WarcArchive.Ref ref = refs.get(i);
      try (FileChannel ch = FileChannel.open(dir.resolve(ref.warcFile()))) {
        ch.position(ref.offset());
        WarcRecord record = new WarcReader(ch).next().orElseThrow();
        assertThat(record).isInstanceOf(WarcResponse.class);
        WarcResponse response = (WarcResponse) record;
        assertThat(response.target()).isEqualTo("http://127.0.0.1:8080/p/" + i + "?a=1");
        assertThat(response.http().status()).isEqualTo(200);
        assertThat(response.http().headers().first("Content-Encoding"))
            .isEmpty(); // the body is stored decoded
        assertThat(response.http().body().stream().readAllBytes()).isEqualTo(page(i));
        assertThat(ref.digest())
            .isEqualTo(
                "sha256:"
                    + HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(page(i))));
      }
    }
    // every file is a valid WARC on its own: request then response per page, the screenshot last
    List<String> types = new ArrayList<>();
    for (Path f : files) {
      try (WarcReader reader = new WarcReader(f)) {
        for (WarcRecord r : reader) {
          types.add(r.type());
          if (r instanceof WarcRequest req) {
            assertThat(req.http().target()).isIn("/p/0?a=1", "/p/1?a=1", "/p/2?a=1", "/p/3?a=1");
          }
          if (r instanceof WarcResource res) {
            assertThat(res.payload().orElseThrow().body().stream().readAllBytes()).isEqualTo(png);
          }
        }
      }
    }
    assertThat(types)
        .containsExactly(
            "request",
            "response",
            "request",
            "response",
            "request",
            "response",
            "request",
            "response",
            "resource");
    assertThat(shot.digest()).startsWith("sha256:");
  }

  @Test
  void aSecondArchiveWithTheSamePrefixNeverOverwrites() throws Exception {
    try (WarcArchive a = new WarcArchive(dir, "run-1", 1 << 20)) {
      a.writeExchange("http://h/p", "ua", 200, Map.of(), page(1), AT);
    }
    WarcArchive.Ref second;
    try (WarcArchive b = new WarcArchive(dir, "run-1", 1 << 20)) {
      second = b.writeExchange("http://h/p", "ua", 200, Map.of(), page(2), AT);
    }
    assertThat(second.warcFile()).isEqualTo("run-1-00001.warc.gz");
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.count()).isEqualTo(2);
    }
  }
}
