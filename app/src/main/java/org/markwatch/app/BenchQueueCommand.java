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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import org.markwatch.app.benchqueue.BenchListings;
import org.markwatch.app.benchqueue.BenchLoad;
import org.markwatch.app.benchqueue.CpuUse;
import org.markwatch.app.benchqueue.HttpLoad;
import org.markwatch.storage.Database;
import org.markwatch.storage.DatabaseSettings;
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
      "Loads generated listings with verdicts into PostgreSQL (the first part through the storage",
      "module's JDBC batch upsert, as many again by COPY with the same indexes, the rest by COPY with",
      "the secondary indexes dropped and built again after; it reports each rate), starts the portal",
      "and measures the queue page, a filtered page, accent-insensitive search and the listing page",
      "with concurrent signed-in HTTP clients. Goal: p95 under 200 ms each. With --reuse, a database",
      "already loaded with the same listings is measured again without loading."
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
      names = "--load-threads",
      description = "Connections the bulk COPY loads on at once (default: ${DEFAULT-VALUE}).",
      defaultValue = "2")
  int loadThreads;

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
      names = "--warmup",
      description =
          "Uncounted requests per client and page kind before the measured ones (default:"
              + " ${DEFAULT-VALUE}).",
      defaultValue = "10")
  int warmup;

  @Option(
      names = "--warmup-until-compiled",
      negatable = true,
      description =
          "Repeat the warm-up (up to "
              + MAX_WARMUP_ROUNDS
              + " rounds) until the JVM's CPU per request stops falling: three rounds in a row not"
              + " 5 %% cheaper than the cheapest before (default: ${DEFAULT-VALUE}).",
      defaultValue = "true",
      fallbackValue = "true")
  boolean warmupUntilCompiled;

  static final int MAX_WARMUP_ROUNDS = 20;

  @Option(
      names = "--postgres",
      description =
          "PostgreSQL server (default: ${DEFAULT-VALUE}); user from MARKWATCH_DB_USER or postgres.",
      defaultValue = "jdbc:postgresql://127.0.0.1:5432/")
  String postgres;

  @Option(
      names = "--reuse",
      description =
          "Use the database --database and keep it: if a complete load of the same number of"
              + " listings by the same generator is there (its marker row), measure only.")
  boolean reuse;

  @Option(
      names = "--database",
      description = "The database --reuse uses (default: ${DEFAULT-VALUE}).",
      defaultValue = "markwatch_bench_queue")
  String database;

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

  @Override
  public Integer call() {
    if (listings < 1
        || jdbcListings < 0
        || clients < 1
        || requests < 1
        || warmup < 0
        || loadThreads < 1) {
      System.err.println(
          "markwatch bench queue: --listings, --clients, --requests and --load-threads must be"
              + " positive");
      return 2;
    }
    if (reuse && !database.matches("[a-z_][a-z0-9_]{0,62}")) {
      System.err.println(
          "markwatch bench queue: --database " + database + ": lower case letters, digits and _");
      return 2;
    }
    jdbcListings =
        Math.min(jdbcListings, listings) / BenchListings.PER_SELLER * BenchListings.PER_SELLER;
    String user = System.getenv().getOrDefault("MARKWATCH_DB_USER", "postgres");
    String password = System.getenv().getOrDefault("MARKWATCH_DB_PASSWORD", "");
    String name =
        reuse
            ? database
            : "markwatch_bench_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
    StringBuilder report = new StringBuilder();
    try {
      DatabaseSettings settings = new DatabaseSettings(postgres + name, user, password, 8);
      line(report, "markwatch bench queue, " + Instant.now() + ", database " + name);
      line(report, machine());
      try {
        run(settings, user, password, name, report);
      } finally {
        if (!keep && !reuse) {
          admin(user, password, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
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

  private void run(
      DatabaseSettings settings, String user, String password, String name, StringBuilder report)
      throws Exception {
    Optional<BenchLoad.Marker> loaded = reuse ? reusable(settings, user, password, name) : null;
    if (loaded == null || loaded.isEmpty()) {
      if (reuse) {
        admin(user, password, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
      admin(user, password, "CREATE DATABASE " + name);
      try (Database db = Database.open(settings)) {
        BenchLoad load = new BenchLoad(db, System.out::println);
        for (String figure : load.load(listings, jdbcListings, loadThreads)) {
          line(report, figure);
        }
        line(
            report,
            String.format(
                Locale.ROOT, "flagged listings in the queue: %,d of %,d", count(db), listings));
      }
    } else {
      BenchLoad.Marker m = loaded.get();
      line(
          report,
          "reused the load of "
              + m.loadedAt()
              + " ("
              + m.generator()
              + ", "
              + String.format(Locale.ROOT, "%,d", m.listings())
              + " listings); its figures:");
      for (String figure : m.figures()) {
        line(report, "  " + figure);
      }
    }
    measure(settings, report);
  }

  /**
   * The marker of a complete load of this many listings by this generator in the database, after
   * migrating it (a migration added since runs on the loaded data, as it would in production);
   * empty when there is none, or when the database does not exist or cannot be migrated.
   */
  private Optional<BenchLoad.Marker> reusable(
      DatabaseSettings settings, String user, String password, String name) throws Exception {
    if (!exists(user, password, name)) {
      System.out.println("no database " + name + " yet: loading");
      return Optional.empty();
    }
    try (Database db = Database.open(settings)) {
      Optional<BenchLoad.Marker> m = new BenchLoad(db, System.out::println).marker();
      if (m.isEmpty()) {
        System.out.println(name + " holds no complete load: loading again");
      } else if (m.get().listings() != listings
          || !m.get().generator().equals(BenchListings.GENERATOR)) {
        System.out.println(
            name
                + " holds "
                + m.get().listings()
                + " listings by "
                + m.get().generator()
                + ": loading again");
        return Optional.empty();
      }
      if (m.isPresent()) {
        // a migration that rewrote a table (V78) leaves its visibility map unset, and PostgreSQL's
        // index-only scans then visit the heap anyway; autovacuum would see to it in production,
        // and is off on this machine. Cheap when nothing changed: all-visible pages are skipped.
        try (Connection c = db.connection();
            Statement st = c.createStatement()) {
          st.execute("VACUUM");
        }
      }
      return m;
    } catch (org.markwatch.storage.StorageException e) {
      System.out.println(name + " cannot be migrated (" + e.getMessage() + "): loading again");
      return Optional.empty();
    }
  }

  private void measure(DatabaseSettings settings, StringBuilder report) throws Exception {
    // the portal, in this process, over the same database; one national analyst for this run
    String username = "bench_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
    String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
    try (Database db = Database.openWithoutMigrating(settings)) {
      new UserStore(db.dataSource())
          .add(
              new NewUser(username, "bench", null, null, Set.of(Role.ANALYST)),
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
      HttpLoad load = new HttpLoad(base, clients, username, password);
      line(
          report,
          String.format(
              Locale.ROOT,
              "%d signed-in clients, %d requests each per page kind, after a warm-up of rounds of"
                  + " %d uncounted requests each of every kind; portal and PostgreSQL on this"
                  + " machine; %s",
              clients,
              requests,
              warmup,
              machine()));
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
      Map<String, BiFunction<Integer, String, String>> kinds = new LinkedHashMap<>();
      // a client reads the queue page after page (following the page's own "next" link, as an
      // analyst does), starting again from the first page every 10 pages
      kinds.put("queue", (k, last) -> next(last, k, 10, "/queue"));
      kinds.put(
          "filtered",
          (k, last) ->
              next(
                  last,
                  k,
                  3,
                  "/queue?violation="
                      + violations[(k / 3) % violations.length]
                      + "&platform=bench&sort="
                      + ((k / 3) % 2 == 0 ? "price" : "date")));
      kinds.put("search", (k, last) -> "/queue?q=" + HttpLoad.enc(terms[k % terms.length]));
      kinds.put(
          "listing",
          (k, last) ->
              "/listing?id=" + HttpLoad.enc("bench:" + Math.floorMod(k * 7_919L, listings)));
      // warm-up: every kind, uncounted, before any is measured (the JIT compiles the portal's
      // paths, the database's and the system's caches fill), so no kind pays for coming first.
      // Rounds of it until the portal is compiled: on 2 shared CPUs the JIT's threads lag far
      // behind (measured: after 800 warm-up requests the JVM spent 10-11 ms of CPU per queue page,
      // after 16,000 about 3 ms), and a portal that has served for a while runs compiled code. The
      // JIT's own compilation time is no guide here (it counts the time its threads wait for a
      // CPU); the JVM's CPU per request is: rounds go on until three in a row are not 5 % cheaper
      // than the cheapest before them (two rounds at 10 % stopped at 7.3 ms, while it was still
      // falling: slowly, then to 3 ms when the JIT reached the big methods).
      int rounds = 0;
      int flat = 0;
      double best = Double.MAX_VALUE;
      double perRequest;
      do {
        double cpu0 = CpuUse.jvmMillis();
        for (Map.Entry<String, BiFunction<Integer, String, String>> kind : kinds.entrySet()) {
          load.run(kind.getKey(), warmup, 0, kind.getValue());
        }
        rounds++;
        perRequest = (CpuUse.jvmMillis() - cpu0) / ((double) warmup * clients * kinds.size());
        flat = perRequest < best * 0.95 ? 0 : flat + 1;
        best = Math.min(best, perRequest);
        System.out.printf(
            Locale.ROOT,
            "warm-up round %d: JVM CPU %.1f ms per request (load %.2f)%n",
            rounds,
            perRequest,
            loadAverage());
      } while (warmupUntilCompiled && flat < 3 && rounds < MAX_WARMUP_ROUNDS);
      line(
          report,
          String.format(
              Locale.ROOT,
              "warm-up: %d round(s) of %d requests per client and page kind; JVM CPU per request"
                  + " in the last round %.1f ms",
              rounds,
              warmup,
              perRequest));
      Map<String, HttpLoad.Result> results = new LinkedHashMap<>();
      try (Database cpuDb = Database.openWithoutMigrating(settings)) {
        CpuUse cpu = new CpuUse(cpuDb.dataSource());
        for (Map.Entry<String, BiFunction<Integer, String, String>> kind : kinds.entrySet()) {
          CpuUse.Snapshot before = cpu.now();
          // other pages than the warm-up's (request numbers further on)
          HttpLoad.Result r =
              load.run(
                  kind.getKey(),
                  0,
                  requests,
                  (k, last) -> kind.getValue().apply(k + 1_000_000, last));
          CpuUse.Snapshot after = cpu.now();
          results.put(kind.getKey(), r);
          line(
              report,
              r.line()
                  + "  "
                  + CpuUse.perRequest(before, after, r.millis().length)
                  + String.format(Locale.ROOT, ", load %.2f", loadAverage()));
        }
      }
      HttpLoad.Result queue = results.get("queue");
      HttpLoad.Result filtered = results.get("filtered");
      HttpLoad.Result search = results.get("search");
      HttpLoad.Result listing = results.get("listing");
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

  /**
   * The first page every {@code walk} requests, else the "next" link of the client's last page (the
   * first page again when there was none).
   */
  private static String next(String lastBody, int k, int walk, String first) {
    if (k % walk == 0 || lastBody == null) {
      return first;
    }
    return HttpLoad.link(lastBody, "next").orElse(first);
  }

  private static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static String machine() {
    return "machine: "
        + Runtime.getRuntime().availableProcessors()
        + " cpus, load average "
        + String.format(
            Locale.ROOT,
            "%.2f",
            java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage())
        + ", java "
        + Runtime.version();
  }

  private void admin(String user, String password, String sql) throws Exception {
    try (Connection admin = DriverManager.getConnection(postgres + "postgres", user, password);
        Statement st = admin.createStatement()) {
      st.execute(sql);
    }
  }

  private boolean exists(String user, String password, String name) throws Exception {
    try (Connection admin = DriverManager.getConnection(postgres + "postgres", user, password);
        java.sql.PreparedStatement ps =
            admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static long count(Database db) throws Exception {
    try (Connection c = db.connection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM verdicts WHERE flagged")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void line(StringBuilder report, String line) {
    report.append(line).append('\n');
    System.out.println(line);
  }
}
