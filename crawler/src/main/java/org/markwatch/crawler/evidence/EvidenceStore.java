package org.markwatch.crawler.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Content-addressed evidence on disk: a blob is stored once under its SHA-256 (of the raw bytes,
 * before compression) as {@code <dir>/<first two hex>/<sha256>.html.gz} for HTML and {@code .png}
 * for screenshots. Writes go to a temporary file that is then renamed, so a reader never sees a
 * partial blob, and storing the same bytes twice writes nothing. Thread-safe.
 */
public final class EvidenceStore {
  private final Path dir;

  public EvidenceStore(Path dir) {
    this.dir = dir;
  }

  /** Stores page HTML gzip-compressed; returns the SHA-256 hex of {@code html}. */
  public String putHtml(byte[] html) {
    String sha = sha256(html);
    write(htmlPath(sha), html, true);
    return sha;
  }

  /** Stores a PNG screenshot as is; returns its SHA-256 hex. */
  public String putScreenshot(byte[] png) {
    String sha = sha256(png);
    write(screenshotPath(sha), png, false);
    return sha;
  }

  public Path htmlPath(String sha256) {
    return dir.resolve(sha256.substring(0, 2)).resolve(sha256 + ".html.gz");
  }

  public Path screenshotPath(String sha256) {
    return dir.resolve(sha256.substring(0, 2)).resolve(sha256 + ".png");
  }

  /** The stored HTML bytes, decompressed. */
  public byte[] readHtml(String sha256) {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(htmlPath(sha256)))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read evidence " + sha256, e);
    }
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  private static void readableByAll(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(
          file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: its defaults apply
    }
  }

  private static void write(Path target, byte[] bytes, boolean gzip) {
    if (Files.exists(target)) {
      return; // same name, same content
    }
    try {
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), ".evidence-", ".tmp");
      readableByAll(
          tmp); // temp files are owner-only; evidence is read by the portal and other tools
      try {
        try (OutputStream out =
            gzip ? new GZIPOutputStream(Files.newOutputStream(tmp)) : Files.newOutputStream(tmp)) {
          out.write(bytes);
        }
        try {
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, target);
        }
      } catch (FileAlreadyExistsException e) {
        // another thread stored the same blob first
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store evidence " + target, e);
    }
  }
}
