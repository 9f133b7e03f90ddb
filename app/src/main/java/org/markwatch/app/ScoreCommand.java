package org.markwatch.app;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.markwatch.detectors.Detectors;
import org.markwatch.detectors.config.ConfigException;
import org.markwatch.model.Decoded;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Listing;
import org.markwatch.model.progress.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code markwatch score}: reads {@code markwatch.listing/1} JSON lines and writes one {@code
 * markwatch.scored/1} line per valid listing. Invalid lines are reported on stderr with their line
 * number and reason (and to {@code --rejects}); the run goes on. Exit status 0 unless the input
 * cannot be read, the configuration is bad or the options are wrong (2).
 */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = "Score markwatch.listing/1 JSON lines into markwatch.scored/1 JSON lines.")
final class ScoreCommand implements Callable<Integer> {
  /** Longest input line accepted, in chars; longer lines are rejected. */
  static final int MAX_LINE_CHARS = 4 * 1024 * 1024;

  @Option(
      names = "--in",
      required = true,
      paramLabel = "FILE|-",
      description = "Listings, JSON lines; - for stdin.")
  String in;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE|-",
      description = "Verdicts, JSON lines; - for stdout.")
  String out;

  @Option(names = "--rules", paramLabel = "DIR", description = "Rule files (default: CONF/rules).")
  Path rules;

  @Option(
      names = "--brands",
      paramLabel = "FILE",
      description = "Brand catalog file (default: CONF/brands).")
  Path brands;

  @Option(
      names = "--rejects",
      paramLabel = "FILE",
      description = "Write invalid input lines here, JSON lines with line and reason.")
  Path rejects;

  @Option(
      names = "--conf",
      paramLabel = "DIR",
      description = "Configuration directory (default: $markwatch.home/conf or ./conf).")
  Path conf;

  @Override
  public Integer call() {
    Detectors detectors;
    try (Progress compiling = Progress.ticking("compiling the detectors")) {
      detectors =
          Detectors.create(ConfLocation.detectorConfig(ConfLocation.confDir(conf), rules, brands));
    } catch (ConfigException | UncheckedIOException e) {
      System.err.println("markwatch score: " + e.getMessage());
      return 2;
    }
    long ok = 0;
    long bad = 0;
    try (BufferedReader reader = open(in);
        Writer writer = create(out);
        Writer rejectWriter =
            rejects == null ? null : Files.newBufferedWriter(rejects, StandardCharsets.UTF_8);
        Progress progress = Progress.onConsole("score", -1, "lines")) {
      String line;
      long n = 0;
      Batch batch = new Batch(detectors, writer, rejectWriter, label(in));
      while ((line = reader.readLine()) != null) {
        n++;
        progress.advance(1);
        if (line.isBlank()) {
          continue;
        }
        if (line.length() > MAX_LINE_CHARS) {
          batch.reject(n, "line longer than " + MAX_LINE_CHARS + " chars", line);
          continue;
        }
        Decoded<Listing> d = JsonCodec.decodeListing(line);
        if (d.ok()) {
          batch.add(n, line, d.value());
        } else {
          batch.reject(n, d.reason(), line);
        }
      }
      batch.flush();
      ok = batch.scored;
      bad = batch.rejected;
    } catch (IOException | UncheckedIOException e) {
      System.err.println("markwatch score: " + e.getMessage());
      return 2;
    } finally {
      detectors.close();
    }
    System.err.println(
        "markwatch score: "
            + ok
            + " scored, "
            + bad
            + " rejected (ruleset "
            + detectors.rulesetVersion()
            + ")");
    return 0;
  }

  /**
   * Listings scored together, {@link Detectors#BATCH} at a time ({@link Detectors#scoreEach}: a
   * listing the detectors fail on is rejected alone, with its line and reason, as in the pipeline).
   */
  private static final class Batch {
    private final Detectors detectors;
    private final Writer writer;
    private final Writer rejectWriter;
    private final String source;
    private final java.util.List<Listing> listings = new java.util.ArrayList<>(Detectors.BATCH);
    private final java.util.List<Long> lineNumbers = new java.util.ArrayList<>(Detectors.BATCH);
    private final java.util.List<String> lines = new java.util.ArrayList<>(Detectors.BATCH);
    long scored;
    long rejected;

    Batch(Detectors detectors, Writer writer, Writer rejectWriter, String source) {
      this.detectors = detectors;
      this.writer = writer;
      this.rejectWriter = rejectWriter;
      this.source = source;
    }

    void add(long lineNumber, String line, Listing listing) throws IOException {
      listings.add(listing);
      lineNumbers.add(lineNumber);
      lines.add(line);
      if (listings.size() == Detectors.BATCH) {
        flush();
      }
    }

    void flush() throws IOException {
      java.util.List<Detectors.Outcome> outcomes = detectors.scoreEach(listings);
      for (int i = 0; i < listings.size(); i++) {
        Detectors.Outcome o = outcomes.get(i);
        if (!o.ok()) {
          reject(lineNumbers.get(i), o.reason(), lines.get(i));
          continue;
        }
        writer.write(JsonCodec.encode(o.scored()));
        writer.write('\n');
        scored++;
      }
      listings.clear();
      lineNumbers.clear();
      lines.clear();
    }

    void reject(long lineNumber, String reason, String line) throws IOException {
      rejected++;
      System.err.println(source + ":" + lineNumber + ": " + reason);
      if (rejectWriter != null) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("line", lineNumber);
        r.put("reason", reason);
        r.put("input", line.length() > 10_000 ? line.substring(0, 10_000) : line);
        rejectWriter.write(JsonCodec.mapper().writeValueAsString(r));
        rejectWriter.write('\n');
      }
    }
  }

  private static String label(String in) {
    return in.equals("-") ? "stdin" : in;
  }

  private static BufferedReader open(String in) throws IOException {
    if (in.equals("-")) {
      return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }
    Path p = Path.of(in);
    if (!Files.isReadable(p)) {
      throw new IOException("cannot read input " + p.toAbsolutePath());
    }
    return Files.newBufferedReader(p, StandardCharsets.UTF_8);
  }

  private static Writer create(String out) throws IOException {
    if (out.equals("-")) {
      return new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)) {
        @Override
        public void close() throws IOException {
          flush(); // never close stdout
        }
      };
    }
    return Files.newBufferedWriter(Path.of(out), StandardCharsets.UTF_8);
  }
}
