package org.markwatch.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.markwatch.detectors.DetectorConfig;
import org.markwatch.detectors.Detectors;
import org.markwatch.detectors.catalog.BrandCatalogReader;
import org.markwatch.detectors.config.ConfigException;
import org.markwatch.model.progress.Progress;
import org.markwatch.pipeline.DetectorConfFiles;
import org.markwatch.storage.Database;
import org.markwatch.storage.DatabaseSettings;
import org.markwatch.storage.ObservedPriceQuery;
import org.markwatch.storage.ObservedPriceStore;
import org.markwatch.storage.StorageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code markwatch prices observe}: observed market prices from the central database. */
@Command(
    name = "prices",
    mixinStandardHelpOptions = true,
    description = "Market prices computed from stored listings.",
    subcommands = {PricesCommand.Observe.class})
final class PricesCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  @Command(
      name = "observe",
      mixinStandardHelpOptions = true,
      description = {
        "Compute the median and MAD of VND prices per brand and product type of the stored listings",
        "(counterfeit verdicts left out) and write them as an observed-prices catalog file, the format of",
        "conf/brands/observed-prices.yaml (--out), and/or into the database (--store), where a running",
        "scoring job takes them up at its next database refresh, without a restart.",
        "Database: MARKWATCH_DB_URL, else the embedded H2 database under --data."
      })
  static final class Observe implements Callable<Integer> {
    @Option(
        names = "--since",
        paramLabel = "DAYS",
        defaultValue = "90",
        description = "Only listings observed in the last DAYS days (default: ${DEFAULT-VALUE}).")
    int sinceDays;

    @Option(
        names = "--min-samples",
        paramLabel = "N",
        defaultValue = "20",
        description =
            "Only brand (or product line) and product-type groups of at least N listings (default: ${DEFAULT-VALUE}).")
    int minSamples;

    @Option(
        names = "--out",
        paramLabel = "FILE",
        description = "File to write, e.g. conf/brands/observed-prices.yaml (replaced atomically).")
    Path out;

    @Option(
        names = "--store",
        description =
            "Also replace the figures in the database (table observed_prices), which running"
                + " scoring jobs read at every database refresh.")
    boolean store;

    @Option(
        names = "--data",
        description = "Data directory of the embedded database (default: ${DEFAULT-VALUE}).",
        defaultValue = "./markwatch-data")
    Path data;

    @Option(
        names = "--conf",
        paramLabel = "DIR",
        description =
            "Configuration directory whose brand catalog names brands and product types (default: $markwatch.home/conf or ./conf).")
    Path conf;

    @Override
    public Integer call() {
      if (sinceDays < 1) {
        System.err.println("--since must be at least 1 day, got " + sinceDays);
        return 2;
      }
      if (minSamples < 1) {
        System.err.println("--min-samples must be at least 1, got " + minSamples);
        return 2;
      }
      if (out == null && !store) {
        System.err.println(
            "say where the figures go: --out FILE (a catalog file), --store (the database), or both");
        return 2;
      }
      try {
        DetectorConfig config =
            new DetectorConfig(
                DetectorConfFiles.readDir(ConfLocation.confDir(conf), "brands"), Map.of());
        DatabaseSettings db = DatabaseChoice.fromEnvironment(data);
        ObservedPriceQuery.Result r;
        try (Progress progress = Progress.ticking("prices observe")) {
          r = observe(db, config, sinceDays, minSamples, out, store, Clock.systemUTC());
        }
        System.out.printf(
            Locale.ROOT,
            "%d groups from %d listings (%d priced, %d counterfeit left out) -> %s%n",
            r.groups().size(),
            r.used(),
            r.priced(),
            r.counterfeit(),
            out == null ? "the database" : store ? out + " and the database" : out);
        return 0;
      } catch (ConfigException | UncheckedIOException | StorageException e) {
        System.err.println(e.getMessage());
        return 1;
      }
    }

    /**
     * Computes the observed prices of the listings seen in the last {@code sinceDays} days and
     * writes them to {@code out}; the catalog of {@code config} names the brands and product types.
     */
    static ObservedPriceQuery.Result observe(
        DatabaseSettings db,
        DetectorConfig config,
        int sinceDays,
        int minSamples,
        Path out,
        Clock clock) {
      return observe(db, config, sinceDays, minSamples, out, false, clock);
    }

    /**
     * Computes the observed prices of the listings seen in the last {@code sinceDays} days, writes
     * them to {@code out} (when not null) and, with {@code store}, replaces those in the database.
     */
    static ObservedPriceQuery.Result observe(
        DatabaseSettings db,
        DetectorConfig config,
        int sinceDays,
        int minSamples,
        Path out,
        boolean store,
        Clock clock) {
      Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
      Instant since = now.minus(Duration.ofDays(sinceDays));
      ObservedPriceQuery.Result r;
      try (Detectors detectors = Detectors.create(config);
          Database database = Database.open(db)) {
        r =
            new ObservedPriceQuery(database.dataSource())
                .observe(
                    since,
                    minSamples,
                    id -> detectors.catalog().brand(id).isPresent(),
                    (titles, brands) ->
                        detectors.productReadings(titles, brands).stream()
                            .map(p -> new ObservedPriceQuery.Reading(p.type(), p.line()))
                            .toList());
        if (store) {
          new ObservedPriceStore(database.dataSource()).replaceAll(r.groups(), now);
        }
      }
      if (out != null) {
        String yaml = yaml(r, now, sinceDays, minSamples, db.url());
        BrandCatalogReader.read(
            Map.of("brands/" + out.getFileName(), yaml)); // the detectors must read it unchanged
        write(out, yaml);
      }
      return r;
    }

    /**
     * The observed-prices file: a header saying when and from what, then one flow-style line per
     * group.
     */
    static String yaml(
        ObservedPriceQuery.Result r, Instant now, int sinceDays, int minSamples, String url) {
      StringBuilder b = new StringBuilder();
      b.append(
              "# Observed market prices (format: conf/brands/README.md): median and median absolute deviation\n")
          .append(
              "# of the VND prices of stored listings per brand (and product line) and product type. Computed ")
          .append(now)
          .append(" by\n# `markwatch prices observe --since ")
          .append(sinceDays)
          .append(" --min-samples ")
          .append(minSamples)
          .append("` from the listings in\n# ")
          .append(withoutParameters(url))
          .append(" observed since ")
          .append(r.since())
          .append(
              String.format(
                  Locale.ROOT,
                  ":%n# %d with a VND price and a verdict; left out: %d with a counterfeit verdict, %d without exactly%n"
                      + "# one catalog brand in the title or claimed brand, %d without a product type in the title, %d in%n"
                      + "# groups of fewer than %d; kept: %d listings in %d groups.%n",
                  r.priced(),
                  r.counterfeit(),
                  r.noBrand(),
                  r.noType(),
                  r.tooFew(),
                  minSamples,
                  r.used(),
                  r.groups().size()))
          .append("catalog: observed-prices\n");
      if (r.groups().isEmpty()) {
        return b.append("observedPrices: []\n").toString();
      }
      b.append("observedPrices:\n");
      for (ObservedPriceQuery.Group g : r.groups()) {
        // ids as double-quoted scalars: whatever a product type id holds, YAML reads it back as
        // written
        b.append(
            String.format(
                Locale.ROOT,
                "  - {brand: %s, %stype: %s, median: %d, mad: %d, samples: %d}%n",
                quote(g.brand()),
                g.line().isEmpty() ? "" : "line: " + quote(g.line()) + ", ",
                quote(g.type()),
                g.median(),
                g.mad(),
                g.samples()));
      }
      return b.toString();
    }

    private static String quote(String s) {
      return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The database URL without H2 flags or query parameters (which may carry credentials). */
    private static String withoutParameters(String url) {
      int cut = url.length();
      for (char c : new char[] {';', '?'}) {
        int i = url.indexOf(c);
        if (i >= 0 && i < cut) {
          cut = i;
        }
      }
      return url.substring(0, cut);
    }

    /**
     * Replaces the file atomically, so a running scoring job watching conf never reads half of it.
     */
    private static void write(Path out, String text) {
      Path abs = out.toAbsolutePath();
      try {
        Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + abs + ": " + e.getMessage(), e);
      }
    }
  }
}
