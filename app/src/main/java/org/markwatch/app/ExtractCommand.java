package org.markwatch.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import org.markwatch.crawler.extract.Extraction;
import org.markwatch.crawler.extract.ExtractionResult;
import org.markwatch.crawler.extract.Page;
import org.markwatch.crawler.extract.SiteProfile;
import org.markwatch.crawler.extract.SiteProfiles;
import org.markwatch.model.JsonCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code markwatch extract --html FILE [--url URL]}: the listings of a saved page as {@code
 * markwatch.listing/1} JSON: one object, or an array when the page holds several (or none).
 */
@Command(
    name = "extract",
    description = "Print the markwatch.listing/1 JSON of a saved page (plain or .html.gz).")
final class ExtractCommand implements Callable<Integer> {
  @Option(
      names = "--html",
      required = true,
      paramLabel = "FILE",
      description = "Saved page, plain or .html.gz.")
  Path html;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description = "URL the page was fetched from (default: file:// URL of FILE).")
  String url;

  @Option(
      names = "--profiles",
      paramLabel = "DIR",
      defaultValue = "conf/sources/profiles",
      description =
          "Site profiles; the first whose URL patterns match --url applies (default: ${DEFAULT-VALUE}).")
  Path profiles;

  @Option(
      names = "--platform",
      paramLabel = "SLUG",
      description = "Platform of the page (default: the matching profile's, else web).")
  String platform;

  @Override
  public Integer call() {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    byte[] body;
    try {
      body = read(html);
    } catch (IOException e) {
      System.err.println("markwatch extract: cannot read " + html + ": " + e.getMessage());
      return 1;
    }
    String pageUrl = url != null ? url : html.toAbsolutePath().toUri().toString();
    SiteProfile profile;
    try {
      profile = SiteProfiles.load(profiles).forUrl(pageUrl).orElse(null);
    } catch (IllegalArgumentException e) {
      System.err.println("markwatch extract: " + e.getMessage());
      return 1;
    }
    String slug = platform != null ? platform : profile != null ? profile.platform() : "web";
    Page page =
        new Page(
            pageUrl,
            200,
            Map.of(),
            body,
            null,
            slug,
            Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
            null,
            profile);
    ExtractionResult result = Extraction.run(page);
    result.problems().forEach(p -> System.err.println("markwatch extract: " + html + ": " + p));
    if (result.listings().size() == 1) {
      out.println(JsonCodec.encode(result.listings().get(0)));
    } else {
      out.println(JsonCodec.encode(result.listings()));
      if (result.listings().isEmpty()) {
        System.err.println("markwatch extract: " + html + ": no listing found");
      }
    }
    return result.listings().isEmpty() && !result.problems().isEmpty() ? 1 : 0;
  }

  /** The file's bytes, gunzipped when it is gzip; at most the extraction limit plus one byte. */
  static byte[] read(Path file) throws IOException {
    try (InputStream raw = Files.newInputStream(file)) {
      InputStream in = raw;
      byte[] magic = new byte[2];
      var buffered = new java.io.BufferedInputStream(raw);
      buffered.mark(2);
      int n = buffered.read(magic);
      buffered.reset();
      in =
          n == 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B
              ? new GZIPInputStream(buffered)
              : buffered;
      return in.readNBytes(Extraction.MAX_BODY_BYTES + 1);
    }
  }
}
