package org.markwatch.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.markwatch.detectors.DetectorConfig;
import org.markwatch.detectors.Detectors;
import org.markwatch.detectors.catalog.Brand;
import org.markwatch.detectors.catalog.BrandCatalogReader;
import org.markwatch.detectors.catalog.BrandFileWriter;
import org.markwatch.detectors.catalog.BrandImport;
import org.markwatch.detectors.catalog.SyntheticBrands;
import org.markwatch.detectors.config.ConfigException;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Listing;
import org.markwatch.model.progress.Progress;
import org.markwatch.pipeline.DetectorConfFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code markwatch bench score}: scoring throughput, written to a file. A benchmark, not a test.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks; figures go to a file.",
    subcommands = {
      BenchCommand.Score.class,
      BenchQueueCommand.class,
      BenchApiCommand.class,
      BenchCrawlCommand.class,
      PipelineBench.class
    })
final class BenchCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  @Command(
      name = "score",
      mixinStandardHelpOptions = true,
      description = {
        "Listings scored per second on 1 and 2 threads with the core catalog plus the retail brands",
        "and every rule, and the same with lucene-monitor used naively (one listing at a time, default",
        "presearcher) as the baseline, in the same process."
      })
  static final class Score implements Callable<Integer> {
    @Option(
        names = "--listings",
        paramLabel = "FILE",
        split = ",",
        description = {
          "Listings to cycle (default: SHARED/data/dev-listings.jsonl): markwatch.listing/1 JSONL,",
          "or an answer key of listing pages (SHARED/data/extraction-listings/ground-truth.json:",
          "pages with items of title and url), read as one listing per item."
        })
    List<Path> listings;

    @Option(
        names = "--brands",
        paramLabel = "N",
        description =
            "Grow the catalog to N brands with generated ones (SyntheticBrands) after the conf's"
                + " and the retail list's, to measure a catalog of that scale (default: no growth).")
    int brands;

    @Option(
        names = "--retail",
        paramLabel = "FILE",
        description =
            "Retail brand TSV added for scale (default: SHARED/data/brands/retail_brands.tsv); 'none' to skip.")
    String retail;

    @Option(
        names = "--count",
        description = "Listings per run, cycled from the file (default: ${DEFAULT-VALUE}).",
        defaultValue = "200000")
    int count;

    @Option(
        names = "--threads",
        split = ",",
        description = "Thread counts to measure (default: ${DEFAULT-VALUE}).",
        defaultValue = "1,2")
    List<Integer> threads;

    @Option(
        names = "--matching",
        paramLabel = "MODE",
        description =
            "How listings are matched: indexed (phrase index, the default of scoring) or batched"
                + " (lucene-monitor in batches, what scoring used before) (default: ${DEFAULT-VALUE}).",
        defaultValue = "indexed")
    String matching;

    @Option(
        names = "--baseline-seconds",
        description = "Time budget of the naive baseline run, s (default: ${DEFAULT-VALUE}).",
        defaultValue = "30")
    int baselineSeconds;

    @Option(
        names = "--out",
        paramLabel = "FILE",
        description =
            "Figures file, replaced (default: this run is appended "
                + "to detectors/bench-score.txt beside the conf directory, the history the README cites).")
    Path out;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--conf",
        paramLabel = "DIR",
        description = "Configuration directory (default: $markwatch.home/conf or ./conf).")
    Path conf;

    @Override
    public Integer call() {
      // before anything is loaded: a mistyped mode fails at once, not after the catalog compiles
      Detectors.Matching mode =
          switch (matching) {
            case "indexed" -> Detectors.Matching.INDEXED;
            case "batched" -> Detectors.Matching.BATCHED;
            default ->
                throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(),
                    "--matching: expected indexed or batched, got '" + matching + "'");
          };
      try {
        Path confDir = ConfLocation.confDir(conf);
        Path shared = SharedData.dir(confDir);
        DetectorConfig config = withGenerated(withRetail(DetectorConfFiles.read(confDir), shared));
        List<Listing> base = new ArrayList<>();
        for (Path p :
            listings != null ? listings : List.of(shared.resolve("data/dev-listings.jsonl"))) {
          base.addAll(read(p));
        }
        List<Listing> all = new ArrayList<>(count);
        for (int i = 0; all.size() < count; i++) {
          all.add(base.get(i % base.size()));
        }
        StringBuilder report = new StringBuilder();
        report.append("markwatch bench score, ").append(Instant.now()).append('\n');
        report
            .append("machine: ")
            .append(Runtime.getRuntime().availableProcessors())
            .append(" cpus, load average ")
            .append(loadAverage())
            .append(", java ")
            .append(Runtime.version())
            .append('\n');
        long heap0 = usedHeapAfterGc();
        long t0 = System.nanoTime();
        long cpu0 =
            java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        Detectors probe = Detectors.create(config);
        double createS = (System.nanoTime() - t0) / 1e9;
        double createCpuS =
            (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()
                    - cpu0)
                / 1e9;
        long heapMib = (usedHeapAfterGc() - heap0) >> 20;
        if (retailRows > 0) {
          // the TSV lists a brand once per country it trades in: say how many distinct brands that
          // made
          report.append(
              String.format(
                  "catalog: %,d core brands (conf) + %,d distinct retail brands from %,d rows of %s"
                      + " (a row whose name or alias the catalog already has is skipped: the same brand in another country)%n",
                  coreBrands, retailBrands, retailRows, retailFile));
        }
        if (generated > 0) {
          report.append(
              String.format(
                  "catalog: %,d generated brands (SyntheticBrands) added to reach %,d%n",
                  generated, brands));
        }
        report.append(
            String.format(
                "catalog: %,d brands, %d rules, %,d monitor queries (compiled in %.1f s, %.1f s of"
                    + " CPU; one Detectors holds %,d MiB of heap after GC)%n",
                probe.catalog().size(),
                probe.rules().size(),
                probe.queryCount(),
                createS,
                createCpuS,
                heapMib));
        report.append(
            String.format(
                "input: %d listings cycled from %d (%s)%n",
                all.size(),
                base.size(),
                listings != null
                    ? listings.stream()
                        .map(p -> p.getFileName().toString())
                        .collect(java.util.stream.Collectors.joining(", "))
                    : "dev-listings.jsonl"));
        probe.scoreAll(all.subList(0, Math.min(all.size(), 20_000))); // warm-up
        probe.close();
        report.append(
            "(listings/s is wall-clock; per cpu-s divides by the CPU time the scoring threads got,\n"
                + " which stays meaningful when other processes share the machine)\n");
        StringBuilder last = new StringBuilder("summary:");
        double batchedPerCpu = Double.NaN;
        String label =
            mode == Detectors.Matching.INDEXED
                ? "indexed (phrase index of first words, " + Detectors.BATCH + " per call)"
                : "batched (lucene-monitor, multipass presearcher, "
                    + Detectors.BATCH
                    + " per batch)";
        for (int t : threads) {
          double[] rate = run(config, all, t, mode, Long.MAX_VALUE);
          last.append(String.format(" per_s_%dt=%.0f per_cpu_s_%dt=%.0f", t, rate[0], t, rate[1]));
          batchedPerCpu = Double.isNaN(batchedPerCpu) ? rate[1] : batchedPerCpu;
          report.append(
              String.format(
                  "%s, %d thread(s): %,.0f listings/s, %,.0f per cpu-s (%,.0f/s on %d free cores)%n",
                  label, t, rate[0], rate[1], rate[1] * t, t));
          System.out.print(report.substring(report.lastIndexOf(label)));
        }
        double naivePerCpu = Double.NaN;
        if (baselineSeconds > 0) { // 0 skips the baseline (a catalog of 50k brands compiles slowly)
          double[] naive =
              run(config, all, 1, Detectors.Matching.NAIVE, baselineSeconds * 1_000_000_000L);
          naivePerCpu = naive[1];
          report.append(
              String.format(
                  "baseline (naive lucene-monitor, one listing at a time, default presearcher), 1 thread: %,.0f listings/s, %,.0f per cpu-s (%,.0f listings in the %d s budget)%n",
                  naive[0], naive[1], naive[2], baselineSeconds));
        }
        report.append(
            String.format(
                "%s batched_over_naive_per_cpu_s=%.2f brands=%d create_s=%.1f create_cpu_s=%.1f"
                    + " heap_mib_per_detectors=%d load=%s%n",
                last,
                batchedPerCpu / naivePerCpu,
                probe.catalog().size(),
                createS,
                createCpuS,
                heapMib,
                loadAverage()));
        Path target = out != null ? out : history(confDir);
        if (out != null) {
          Files.writeString(target, report.toString(), StandardCharsets.UTF_8);
        } else {
          String entry =
              "\n## run of "
                  + Instant.now()
                  + "\n# command: markwatch bench score "
                  + String.join(" ", spec.commandLine().getParseResult().originalArgs())
                  + "\n"
                  + report;
          Files.writeString(
              target,
              entry,
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND);
        }
        System.out.print(report);
        System.out.println(
            "figures " + (out != null ? "written to " : "appended to ") + target.toAbsolutePath());
        return 0;
      } catch (ConfigException | IOException | UncheckedIOException | InterruptedException e) {
        System.err.println("markwatch bench score: " + e.getMessage());
        return 2;
      }
    }

    /** detectors/bench-score.txt of the checkout whose conf directory this is. */
    static Path history(Path confDir) {
      Path repo = confDir.toAbsolutePath().normalize().getParent();
      Path detectors = repo.resolve("detectors");
      if (!Files.isDirectory(detectors)) {
        throw new CommandFailure(
            "no detectors directory beside the conf directory "
                + confDir.toAbsolutePath().normalize()
                + " to keep the figures in; give the figures file with --out FILE");
      }
      return detectors.resolve("bench-score.txt");
    }

    private int coreBrands;
    private int retailBrands;
    private int retailRows;
    private String retailFile;

    private DetectorConfig withRetail(DetectorConfig config, Path shared) {
      if ("none".equals(retail)) {
        return config;
      }
      Path tsv = retail != null ? Path.of(retail) : shared.resolve("data/brands/retail_brands.tsv");
      Set<String> ids = new HashSet<>();
      Set<String> names = new HashSet<>();
      for (Brand b : BrandCatalogReader.read(config.brandFiles()).brands()) {
        ids.add(b.id());
        names.addAll(b.names());
      }
      String text = DetectorConfFiles.readFile(tsv);
      List<Brand> brands = BrandImport.fromRetailTsv(tsv.toString(), text, ids, names);
      coreBrands = ids.size();
      retailBrands = brands.size();
      retailRows = (int) text.lines().skip(1).filter(l -> !l.isBlank()).count();
      retailFile = tsv.getFileName().toString();
      Map<String, String> files = new TreeMap<>(config.brandFiles());
      files.put("brands/bench-retail.yaml", BrandFileWriter.toYaml("bench-retail", false, brands));
      return new DetectorConfig(files, config.ruleFiles());
    }

    private int generated;

    /** The configuration with generated brands up to {@code --brands} in all. */
    private DetectorConfig withGenerated(DetectorConfig config) {
      var catalog = BrandCatalogReader.read(config.brandFiles());
      if (brands <= catalog.size()) {
        return config;
      }
      Set<String> names = new HashSet<>();
      Set<String> categories = new java.util.LinkedHashSet<>();
      for (Brand b : catalog.brands()) {
        names.addAll(b.names());
        if (b.category() != null) {
          categories.add(b.category());
        }
      }
      List<Brand> extra =
          SyntheticBrands.generate(
              brands - catalog.size(), 12L, List.copyOf(categories), names, catalog.commonWords());
      generated = extra.size();
      Map<String, String> files = new TreeMap<>(config.brandFiles());
      // files of 5,000 brands: one file of them all would pass the YAML reader's size limit
      for (int from = 0, n = 0; from < extra.size(); from += 5_000, n++) {
        files.put(
            "brands/bench-generated-" + n + ".yaml",
            BrandFileWriter.toYaml(
                "bench-generated-" + n,
                false,
                extra.subList(from, Math.min(extra.size(), from + 5_000))));
      }
      return new DetectorConfig(files, config.ruleFiles());
    }

    /** Heap in use after a full collection, bytes: what the live objects take. */
    private static long usedHeapAfterGc() {
      for (int i = 0; i < 2; i++) {
        System.gc();
      }
      Runtime r = Runtime.getRuntime();
      return r.totalMemory() - r.freeMemory();
    }

    /**
     * Listings per second over {@code all} split among {@code threads}, each with its own
     * detectors: {wall-clock rate, rate per CPU-second of the scoring threads, listings scored}.
     */
    private static double[] run(
        DetectorConfig config,
        List<Listing> all,
        int threads,
        Detectors.Matching matching,
        long budgetNanos)
        throws InterruptedException {
      List<Detectors> ds = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        ds.add(Detectors.create(config, matching));
      }
      AtomicInteger done = new AtomicInteger();
      Progress progress =
          Progress.onConsole(
              "bench score: "
                  + matching.name().toLowerCase(java.util.Locale.ROOT)
                  + ", "
                  + threads
                  + " thread(s)",
              budgetNanos == Long.MAX_VALUE ? all.size() : -1,
              "listings");
      java.util.concurrent.atomic.AtomicLong cpu = new java.util.concurrent.atomic.AtomicLong();
      var mx = java.lang.management.ManagementFactory.getThreadMXBean();
      List<Thread> ts = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < threads; i++) {
        Detectors d = ds.get(i);
        List<Listing> part = all.subList(all.size() * i / threads, all.size() * (i + 1) / threads);
        ts.add(
            Thread.ofPlatform()
                .start(
                    () -> {
                      long c0 = mx.getCurrentThreadCpuTime();
                      for (int from = 0; from < part.size(); from += Detectors.BATCH) {
                        if (System.nanoTime() - start > budgetNanos) {
                          break;
                        }
                        List<Listing> chunk =
                            part.subList(from, Math.min(part.size(), from + Detectors.BATCH));
                        int scored =
                            matching == Detectors.Matching.NAIVE
                                ? scoreOneByOne(d, chunk)
                                : d.scoreAll(chunk).size();
                        done.addAndGet(scored);
                        progress.advance(scored);
                      }
                      cpu.addAndGet(mx.getCurrentThreadCpuTime() - c0);
                    }));
      }
      for (Thread t : ts) {
        t.join();
      }
      progress.close();
      double seconds = (System.nanoTime() - start) / 1e9;
      ds.forEach(Detectors::close);
      return new double[] {done.get() / seconds, done.get() / (cpu.get() / 1e9), done.get()};
    }

    private static int scoreOneByOne(Detectors d, List<Listing> chunk) {
      for (Listing l : chunk) {
        d.score(l);
      }
      return chunk.size();
    }

    /**
     * The items of an answer key of listing pages ({@code {"page": {"items": [{"title", "url"},
     * ...]}}}) as title-only listings: real shop titles for the input.
     */
    private static List<Listing> readAnswerKey(Path p) throws IOException {
      List<Listing> out = new ArrayList<>();
      tools.jackson.databind.JsonNode root;
      try {
        root = new tools.jackson.databind.ObjectMapper().readTree(p.toFile());
      } catch (tools.jackson.core.JacksonException e) {
        throw new IOException(p + ": not JSON: " + e.getOriginalMessage(), e);
      }
      for (var page : root.properties()) {
        int n = 0;
        for (tools.jackson.databind.JsonNode item : page.getValue().path("items")) {
          String title = item.path("title").asString("");
          if (title.isBlank()) {
            continue;
          }
          String url = item.path("url").asString("https://example.invalid/" + n);
          out.add(
              Listing.builder(
                      "key:" + page.getKey() + ":" + n++, "web", url, "2026-01-01T00:00:00Z")
                  .title(title)
                  .build());
        }
      }
      if (out.isEmpty()) {
        throw new IOException("no items with a title in " + p);
      }
      return out;
    }

    private static String loadAverage() {
      try {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
      } catch (IOException e) {
        return "unknown";
      }
    }

    private static List<Listing> read(Path p) throws IOException {
      List<Listing> out = new ArrayList<>();
      if (p.toString().endsWith(".json")) {
        return readAnswerKey(p);
      }
      for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
        var d = JsonCodec.decodeListing(line);
        if (d.ok()) {
          out.add(d.value());
        }
      }
      if (out.isEmpty()) {
        throw new IOException("no valid listings in " + p);
      }
      return out;
    }
  }
}
