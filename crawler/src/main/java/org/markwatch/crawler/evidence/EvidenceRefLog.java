package org.markwatch.crawler.evidence;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the evidence of each product page lies, one JSON line per page ({@code <runId>-refs.jsonl}
 * beside the WARC files): the listings it yielded and the WARC file, offset and SHA-256 digest of
 * its page and screenshot records. The listing record itself carries only the SHA-256 hashes
 * ({@code evidence.htmlSha256}), which equal these digests, so the store can attach the references
 * to each observation. Thread-safe, flushed per line.
 */
public final class EvidenceRefLog implements AutoCloseable {
  /**
   * One product page's evidence.
   *
   * @param page the page record (a {@code response}; a {@code resource} for a rendered page)
   * @param screenshot the screenshot's {@code resource} record, or null
   */
  public record Entry(
      String url,
      String crawlRunId,
      List<String> listingIds,
      WarcArchive.Ref page,
      WarcArchive.Ref screenshot) {}

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final Path file;
  private BufferedWriter out;

  public EvidenceRefLog(Path file) {
    this.file = file;
  }

  public synchronized void add(Entry entry) {
    try {
      if (out == null) {
        Files.createDirectories(file.getParent());
        out =
            Files.newBufferedWriter(
                file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      }
      out.write(JSON.writeValueAsString(entry));
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write evidence references to " + file, e);
    }
  }

  /** The file written. */
  public Path file() {
    return file;
  }

  /** Reads the entries of a file written by this class. */
  public static List<Entry> read(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank())
        .map(l -> JSON.readValue(l, Entry.class))
        .toList();
  }

  @Override
  public synchronized void close() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close " + file, e);
      }
    }
  }
}
