package org.markwatch.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.markwatch.app.benchqueue.BenchListings;
import org.markwatch.app.benchqueue.HttpLoad;
import org.markwatch.storage.BulkLoader;
import org.markwatch.storage.Database;
import org.markwatch.storage.DatabaseSettings;
import org.markwatch.storage.ScoredListing;
import org.markwatch.storage.users.NewUser;
import org.markwatch.storage.users.Role;
import org.markwatch.storage.users.UserStore;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code markwatch bench queue}: the analysts' portal under load on PostgreSQL. A benchmark, not a
 * test: figures go to a file whose last line is {@code queue_p95_ms=… filtered_p95_ms=…
 * search_p95_ms=… listing_p95_ms=… listings=…}.
 */
@Command(
    name = "queue",
    mixinStandardHelpOptions = true,
    description = {
      "Loads generated listings with verdicts into a fresh PostgreSQL database (the first part through",
      "the storage module's JDBC batch upsert, the rest with COPY, and reports both rates), starts the portal",
      "and measures the queue page, a filtered page, accent-insensitive search and the listing page with",
      "concurrent signed-in HTTP clients. Goal: p95 under 200 ms each."
    })
final class BenchQueueCommand implements Callable<Integer> {
  @Option(
      names = "--listings",
      description = "Listings to load (default: ${DEFAULT-VALUE}).",
      defaultValue = "1000000")
  long listings;

  @Option(
      names = "--jdbc-listings",
      description =
          "Of those, loaded through the JDBC batch upsert (default: ${DEFAULT-VALUE}; the rest by COPY).",
      defaultValue = "20000")
  long jdbcListings;

  @Option(
      names = "--clients",
      description = "Concurrent signed-in clients (default: ${DEFAULT-VALUE}).",
      defaultValue = "20")
  int clients;

  @Option(
      names = "--requests",
      description = "Requests per client and page kind (default: ${DEFAULT-VALUE}).",
      defaultValue = "25")
  int requests;

  @Option(
      names = "--postgres",
      description =
          "PostgreSQL server (default: ${DEFAULT-VALUE}); user from MARKWATCH_DB_USER or postgres.",
      defaultValue = "jdbc:postgresql://127.0.0.1:5432/")
  String postgres;

  @Option(
      names = "--keep",
      description = "Keep the bench database afterwards (its name is printed).")
  boolean keep;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Figures file (default: ${DEFAULT-VALUE}).",
      defaultValue = "bench-queue.txt")
  Path out;

  private static final int CHUNK = 20_000;

  @Override
  public Integer call() {
    if (listings < 1 || jdbcListings < 0 || clients < 1 || requests < 1) {
      System.err.println(
          "markwatch bench queue: --listings, --clients and --requests must be positive");
      return 2;
    }
    jdbcListings =
        Math.min(jdbcListings, listings) / BenchListings.PER_SELLER * BenchListings.PER_SELLER;
    String user = System.getenv().getOrDefault("MARKWATCH_DB_USER", "postgres");
    String password = System.getenv().getOrDefault("MARKWATCH_DB_PASSWORD", "");
    String name = "markwatch_bench_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
    StringBuilder report = new StringBuilder();
    try {
      try (Connection admin = DriverManager.getConnection(postgres + "postgres", user, password);
          Statement st = admin.createStatement()) {
        st.execute("CREATE DATABASE " + name);
      }
      DatabaseSettings settings = new DatabaseSettings(postgres + name, user, password, 8);
      line(report, "markwatch bench queue, " + Instant.now() + ", database " + name);
      line(
          report,
          "machine: "
              + Runtime.getRuntime().availableProcessors()
              + " cpus, load average "
              + String.format(
                  Locale.ROOT,
                  "%.2f",
                  java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                      .getSystemLoadAverage())
              + ", java "
              + Runtime.version());
      try {
        run(settings, report);
      } finally {
        if (!keep) {
          try (Connection admin =
                  DriverManager.getConnection(postgres + "postgres", user, password);
              Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
          }
        }
      }
      Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
      System.out.println("figures written to " + out.toAbsolutePath());
      return 0;
    } catch (Exception e) {
      System.err.println(
          "markwatch bench queue: "
              + e.getMessage()
              + (e instanceof java.sql.SQLException
                  ? " (needs PostgreSQL at "
                      + postgres
                      + " with the unaccent and pg_trgm extensions)"
                  : ""));
      return 1;
    }
  }

  private void run(DatabaseSettings settings, StringBuilder report) throws Exception {
    try (Database db = Database.open(settings)) {
      // 1. the storage module's JDBC batch upsert (what the pipeline writes with), then 2. its COPY
      // bulk loader for the rest: the same rows either way (storage's BulkLoader)
      BulkLoader loader = new BulkLoader(db);
      long t0 = System.nanoTime();
      for (long i = 0; i < jdbcListings; i += 1000) {
        loader.load(batch(i, Math.min(jdbcListings, i + 1000)), BulkLoader.Method.JDBC_BATCH);
        progress("JDBC batch", Math.min(jdbcListings, i + 1000), jdbcListings, t0);
      }
      double jdbcS = (System.nanoTime() - t0) / 1e9;
      if (jdbcListings > 0) {
        line(
            report,
            String.format(
                Locale.ROOT,
                "load, JDBC batch (BulkLoader JDBC_BATCH = ListingStore.saveAll,"
                    + " 1,000 per batch): %,d listings in %.1f s = %,.0f listings/s",
                jdbcListings,
                jdbcS,
                jdbcListings / jdbcS));
      }
      long t1 = System.nanoTime();
      for (long i = jdbcListings; i < listings; i += CHUNK) {
        BulkLoader.Result r =
            loader.load(batch(i, Math.min(listings, i + CHUNK)), BulkLoader.Method.COPY);
        if (r.method() != BulkLoader.Method.COPY) {
          throw new IllegalStateException("the bulk loader did not use COPY (not PostgreSQL?)");
        }
        progress("COPY", Math.min(listings, i + CHUNK) - jdbcListings, listings - jdbcListings, t1);
      }
      try (Connection c = db.connection();
          Statement st = c.createStatement()) {
        st.execute("ANALYZE");
      }
      double copyS = (System.nanoTime() - t1) / 1e9;
      long copied = listings - jdbcListings;
      if (copied > 0) {
        line(
            report,
            String.format(
                Locale.ROOT,
                "load, COPY (BulkLoader COPY: staging tables, then one insert per"
                    + " table; %,d per load): %,d listings in %.1f s = %,.0f listings/s",
                CHUNK,
                copied,
                copyS,
                copied / copyS));
      }
      if (jdbcListings > 0 && copied > 0) {
        line(
            report,
            String.format(
                Locale.ROOT,
                "COPY / JDBC batch: %.1fx",
                (copied / copyS) / (jdbcListings / jdbcS)));
      }
      line(
          report,
          String.format(
              Locale.ROOT, "flagged listings in the queue: %,d of %,d", count(db), listings));
    }

    // 3. the portal, in this process, over the same database; one national analyst
    String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
    try (Database db = Database.openWithoutMigrating(settings)) {
      new UserStore(db.dataSource())
          .add(
              new NewUser("bench", "bench", null, null, Set.of(Role.ANALYST)),
              password,
              false,
              "bench");
    }
    System.setProperty("spring.datasource.hikari.maximum-pool-size", Integer.toString(clients));
    Path evidence = Files.createTempDirectory("markwatch-bench-evidence");
    ConfigurableApplicationContext portal =
        PortalServer.start(settings, evidence, "127.0.0.1", 0, null);
    try {
      String base = PortalServer.localUrl(portal, "127.0.0.1").replaceAll("/$", "");
      HttpLoad load = new HttpLoad(base, clients, "bench", password);
      line(
          report,
          String.format(
              Locale.ROOT,
              "%d signed-in clients, %d requests each per page kind (after one"
                  + " warm-up request each), portal and PostgreSQL on this machine",
              clients,
              requests));
      String[] violations = {
        "counterfeit", "prohibited", "smuggled", "misleading", "ip_infringing"
      };
      String[] terms = {
        "nuoc hoa chanel",
        "tui xach",
        "giay the thao nike",
        "thuoc la dien tu",
        "dong ho rolex",
        "shop hoa mai",
        "son moi dior",
        "kem duong da",
        "ma 4242",
        "shop thuy tien 77"
      };
      HttpLoad.Result queue = load.run("queue", requests, k -> "/queue?page=" + (k % 10));
      line(report, queue.line());
      HttpLoad.Result filtered =
          load.run(
              "filtered",
              requests,
              k ->
                  "/queue?violation="
                      + violations[k % violations.length]
                      + "&platform=bench&sort="
                      + (k % 2 == 0 ? "price" : "date")
                      + "&page="
                      + (k % 3));
      line(report, filtered.line());
      HttpLoad.Result search =
          load.run("search", requests, k -> "/queue?q=" + HttpLoad.enc(terms[k % terms.length]));
      line(report, search.line());
      HttpLoad.Result listing =
          load.run(
              "listing",
              requests,
              k -> "/listing?id=" + HttpLoad.enc("bench:" + Math.floorMod(k * 7_919L, listings)));
      line(report, listing.line());
      line(
          report,
          String.format(
              Locale.ROOT,
              "queue_p95_ms=%.0f filtered_p95_ms=%.0f search_p95_ms=%.0f"
                  + " listing_p95_ms=%.0f listings=%d",
              queue.percentile(95),
              filtered.percentile(95),
              search.percentile(95),
              listing.percentile(95),
              listings));
    } finally {
      portal.close();
    }
  }

  private static List<ScoredListing> batch(long from, long to) {
    List<ScoredListing> out = new ArrayList<>((int) (to - from));
    for (long k = from; k < to; k++) {
      out.add(BenchListings.listing(k));
    }
    return out;
  }

  private static long count(Database db) throws Exception {
    try (Connection c = db.connection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM verdicts WHERE flagged")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void progress(String what, long done, long total, long t0) {
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "\r%s: %,d / %,d listings (%.0f/s)%s",
        what,
        done,
        total,
        done / Math.max(s, 1e-9),
        done >= total ? "\n" : "");
    System.out.flush();
  }

  private static void line(StringBuilder report, String line) {
    report.append(line).append('\n');
    System.out.println(line);
  }
}
