package org.markwatch.crawler.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceStoreTest {
  @TempDir Path dir;

  @Test
  void storesHtmlUnderItsSha256() throws Exception {
    byte[] html = "<html>Túi xách LV giá 450k</html>".getBytes(StandardCharsets.UTF_8);
    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(html));
    EvidenceStore store = new EvidenceStore(dir);
    String sha = store.putHtml(html);
    assertThat(sha).isEqualTo(expected);
    Path file = dir.resolve(sha.substring(0, 2)).resolve(sha + ".html.gz");
    assertThat(file).isRegularFile();
    assertThat(store.readHtml(sha)).isEqualTo(html);
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r--r--");
    // stored compressed, and nothing but the blob is left behind
    assertThat(Files.list(file.getParent()).map(p -> p.getFileName().toString()))
        .containsExactly(sha + ".html.gz");
  }

  @Test
  void sameBytesAreStoredOnce() throws Exception {
    EvidenceStore store = new EvidenceStore(dir);
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
    String a = store.putScreenshot(png);
    long modified = Files.getLastModifiedTime(store.screenshotPath(a)).toMillis();
    Thread.sleep(20);
    String b = store.putScreenshot(png.clone());
    assertThat(b).isEqualTo(a);
    assertThat(Files.getLastModifiedTime(store.screenshotPath(a)).toMillis()).isEqualTo(modified);
    assertThat(Files.readAllBytes(store.screenshotPath(a))).isEqualTo(png);
  }
}
