package org.markwatch.crawler.extract.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.markwatch.crawler.extract.Extraction;
import org.markwatch.crawler.extract.Page;
import org.markwatch.crawler.extract.SiteProfiles;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Listing;
import tools.jackson.databind.JsonNode;

/**
 * Extraction speed and batch predictions on the benchmark pages (not a test: figures go to a file).
 *
 * <pre>
 * predict GROUND_TRUTH PAGES_DIR OUT_DIR [PROFILES_DIR]  one prediction file per page, as `markwatch extract` prints it
 * bench GROUND_TRUTH PAGES_DIR FIGURES_FILE [SECONDS]  pages/s on one thread, pages cycled (default 30 s after a 6 CPU-s warm-up)
 * bench-dir SITE_DIR SUBDIR FIGURES_FILE [SECONDS]      the same on every *.html under SITE_DIR/SUBDIR
 *                                                       (a generated site, e.g. the peers' fixture site)
 * </pre>
 *
 * <p>Besides wall-clock pages/s it reports pages per CPU-second of the measuring thread: on a
 * shared machine that is the figure that says something about the code.
 */
public final class ExtractionBenchmark {
  private ExtractionBenchmark() {}

  record Sample(String id, String url, byte[] body) {}

  public static void main(String[] args) throws IOException {
    if (args.length < 4) {
      System.err.println(
          "usage: predict TRUTH PAGES OUT PROFILES | bench TRUTH PAGES FIGURES [SECONDS]");
      System.exit(2);
    }
    List<Sample> samples =
        args[0].equals("bench-dir")
            ? loadDir(Path.of(args[1]), args[2])
            : load(Path.of(args[1]), Path.of(args[2]));
    if (args[0].equals("predict")) {
      SiteProfiles profiles =
          SiteProfiles.load(Path.of(args.length > 4 ? args[4] : "conf/sources/profiles"));
      Path out = Path.of(args[3]);
      Files.createDirectories(out);
      for (Sample s : samples) {
        Page page =
            new Page(
                s.url(),
                200,
                Map.of(),
                s.body(),
                null,
                null,
                Instant.now().toString(),
                null,
                profiles.forUrl(s.url()).orElse(null));
        List<Listing> listings = Extraction.extract(page);
        String json =
            listings.size() == 1 ? JsonCodec.encode(listings.get(0)) : JsonCodec.encode(listings);
        Files.writeString(out.resolve(s.id() + ".json"), json + "\n", StandardCharsets.UTF_8);
      }
      return;
    }
    double seconds = args.length > 4 ? Double.parseDouble(args[4]) : 30;
    warmUp(samples);
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    long[] done = run(samples, seconds);
    double elapsed = (System.nanoTime() - start) / 1e9;
    double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    long bytes = samples.stream().mapToLong(s -> s.body().length).sum();
    String figures =
        String.format(
            "extraction benchmark %s%npages: %d distinct (%.3f MB), cycled on one thread for %.1f s after a warm-up of 6 CPU-s%n"
                + "pages extracted: %d, listings: %d%npages/s: %.1f%nMB/s: %.1f%n"
                + "pages per CPU-second of the thread: %.1f (%.1f CPU-s used in %.1f s)%n"
                + "java: %s, cores: %d, "
                + "system load average at the end: %.2f (other processes share the cores)%n",
            Instant.now(),
            samples.size(),
            bytes / 1e6,
            elapsed,
            done[0],
            done[1],
            done[0] / elapsed,
            done[0] * (bytes / (double) samples.size()) / 1e6 / elapsed,
            done[0] / cpu,
            cpu,
            elapsed,
            Runtime.version(),
            Runtime.getRuntime().availableProcessors(),
            java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
    Path file = Path.of(args[3]);
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Files.writeString(file, figures, StandardCharsets.UTF_8);
    System.out.print(figures);
  }

  /**
   * JIT warm-up measured in CPU time of this thread (6 s, at most 120 s of wall time): on a busy
   * machine 10 s of wall time may be one second of CPU, and the code would be measured cold.
   */
  private static void warmUp(List<Sample> samples) {
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpuEnd = threads.getCurrentThreadCpuTime() + 6_000_000_000L;
    long wallEnd = System.nanoTime() + 120_000_000_000L;
    while (threads.getCurrentThreadCpuTime() < cpuEnd && System.nanoTime() < wallEnd) {
      run(samples, 0.5);
    }
  }

  private static long[] run(List<Sample> samples, double seconds) {
    long end = System.nanoTime() + (long) (seconds * 1e9);
    long pages = 0;
    long listings = 0;
    int i = 0;
    while (System.nanoTime() < end) {
      Sample s = samples.get(i++ % samples.size());
      Page page =
          new Page(
              s.url(), 200, Map.of(), s.body(), null, null, "2026-01-01T00:00:00Z", null, null);
      listings += Extraction.extract(page).size();
      pages++;
    }
    return new long[] {pages, listings};
  }

  /** Every {@code *.html} under {@code site/subdir}, addressed as if served from 127.0.0.1. */
  private static List<Sample> loadDir(Path site, String subdir) throws IOException {
    List<Sample> out = new ArrayList<>();
    try (var files = Files.walk(site.resolve(subdir))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
        String rel = site.relativize(f).toString().replace('\\', '/');
        out.add(new Sample(rel, "http://127.0.0.1:18080/" + rel, Files.readAllBytes(f)));
      }
    }
    if (out.isEmpty()) {
      throw new IOException(site.resolve(subdir) + ": no *.html page");
    }
    return out;
  }

  private static List<Sample> load(Path truth, Path pages) throws IOException {
    JsonNode t = JsonCodec.mapper().readTree(Files.readString(truth));
    List<Sample> out = new ArrayList<>();
    for (var e : t.properties()) {
      Path f = pages.resolve(e.getKey() + ".html.gz");
      try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
        JsonNode url = e.getValue().get("url");
        // A page saved without its address is read as the file it is (as `markwatch extract` does).
        String pageUrl =
            url == null || url.isNull() ? f.toAbsolutePath().toUri().toString() : url.asString();
        out.add(new Sample(e.getKey(), pageUrl, in.readAllBytes()));
      }
    }
    return out;
  }
}
