package org.markwatch.crawler.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * Evidence in the archivists' format: WARC files written with jwarc, one gzip member per record, so
 * a record can be read from its offset alone. A fetched page becomes a {@code request} and a {@code
 * response} record (HTTP headers and body as received, after content decoding); a screenshot
 * becomes a {@code resource} record with the page's URL as its target. Files are named {@code
 * <prefix>-NNNNN.warc.gz} and a new one is started once the current one reaches {@code
 * rotateBytes}. Thread-safe: records are appended one exchange at a time.
 */
public final class WarcArchive implements AutoCloseable {
  /**
   * Where a record lies: WARC file name (in the archive's directory), byte offset, payload digest.
   */
  public record Ref(String warcFile, long offset, String digest) {}

  /** Default rotation size, as commonly used by web archives. */
  public static final long DEFAULT_ROTATE_BYTES = 1L << 30;

  // Headers that describe the transfer, not the content we store (the body is already decoded).
  private static final Set<String> TRANSFER_HEADERS =
      Set.of("content-encoding", "transfer-encoding", "content-length");

  private final Path dir;
  private final String prefix;
  private final long rotateBytes;
  private int fileIndex = -1;
  private FileChannel channel;
  private WarcWriter writer;
  private String fileName;

  /**
   * @param prefix file name prefix, e.g. the crawl run id ({@code [A-Za-z0-9._-]} only)
   * @param rotateBytes start a new file once the current one is at least this long
   */
  public WarcArchive(Path dir, String prefix, long rotateBytes) {
    if (!prefix.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException(
          "WARC prefix must be [A-Za-z0-9._-]+, got '" + prefix + "'");
    }
    if (rotateBytes < 1) {
      throw new IllegalArgumentException("rotateBytes must be >= 1: " + rotateBytes);
    }
    this.dir = dir;
    this.prefix = prefix;
    this.rotateBytes = rotateBytes;
  }

  /**
   * Appends the request and response records of one fetch.
   *
   * @param responseHeaders lower- or mixed-case names, as fetched
   * @return where the response record is, with the SHA-256 of {@code body}
   */
  public synchronized Ref writeExchange(
      String url,
      String userAgent,
      int status,
      Map<String, List<String>> responseHeaders,
      byte[] body,
      Instant fetchedAt) {
    try {
      URI uri = URI.create(url);
      open();
      String contentType = first(responseHeaders, "content-type");
      HttpResponse.Builder http = new HttpResponse.Builder(status, reason(status));
      responseHeaders.forEach(
          (name, values) -> {
            if (!TRANSFER_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
              values.forEach(v -> http.addHeader(name, v));
            }
          });
      http.body(
          contentType == null ? MediaType.OCTET_STREAM : MediaType.parseLeniently(contentType),
          body);
      byte[] sha = sha256(body);
      WarcResponse response =
          new WarcResponse.Builder(uri)
              .date(fetchedAt)
              .body(http.build())
              .payloadDigest(new WarcDigest("sha256", sha))
              .build();
      String host = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      String target =
          uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      if (uri.getRawQuery() != null) {
        target += "?" + uri.getRawQuery();
      }
      WarcRequest request =
          new WarcRequest.Builder(uri)
              .date(fetchedAt)
              .body(
                  new HttpRequest.Builder("GET", target)
                      .addHeader("Host", host)
                      .addHeader("User-Agent", userAgent)
                      .build())
              .concurrentTo(response.id())
              .build();
      writer.write(request);
      long offset = writer.position();
      writer.write(response);
      Ref ref = new Ref(fileName, offset, "sha256:" + HexFormat.of().formatHex(sha));
      rotateIfFull();
      return ref;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write WARC record for " + url + " in " + dir, e);
    }
  }

  /** Appends a resource record, e.g. a screenshot, for {@code url}. */
  public synchronized Ref writeResource(String url, String mediaType, byte[] content, Instant at) {
    try {
      open();
      byte[] sha = sha256(content);
      WarcResource resource =
          new WarcResource.Builder(URI.create(url))
              .date(at)
              .body(MediaType.parse(mediaType), content)
              .payloadDigest(new WarcDigest("sha256", sha))
              .build();
      long offset = writer.position();
      writer.write(resource);
      Ref ref = new Ref(fileName, offset, "sha256:" + HexFormat.of().formatHex(sha));
      rotateIfFull();
      return ref;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write WARC resource for " + url + " in " + dir, e);
    }
  }

  /** The directory the files are in. */
  public Path dir() {
    return dir;
  }

  private void open() throws IOException {
    if (writer != null) {
      return;
    }
    Files.createDirectories(dir);
    Path file;
    do {
      fileIndex++;
      fileName = String.format(Locale.ROOT, "%s-%05d.warc.gz", prefix, fileIndex);
      file = dir.resolve(fileName);
    } while (Files.exists(file)); // a re-run under the same id never overwrites earlier evidence
    channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    writer = new WarcWriter(channel, WarcCompression.GZIP);
  }

  private void rotateIfFull() throws IOException {
    if (writer.position() >= rotateBytes) {
      closeFile();
    }
  }

  private void closeFile() throws IOException {
    if (writer != null) {
      writer.close();
      channel.close();
      writer = null;
      channel = null;
    }
  }

  @Override
  public synchronized void close() {
    try {
      closeFile();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close WARC file " + fileName, e);
    }
  }

  private static String first(Map<String, List<String>> headers, String name) {
    for (var e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return null;
  }

  private static String reason(int status) {
    return switch (status / 100) {
      case 2 -> "OK";
      case 3 -> "Redirect";
      case 4 -> "Client Error";
      case 5 -> "Server Error";
      default -> "Unknown";
    };
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
