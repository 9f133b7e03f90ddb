package org.markwatch.app.benchqueue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.markwatch.storage.BulkLoader;
import org.markwatch.storage.Database;
import org.markwatch.storage.ScoredListing;

/**
 * Loads the queue benchmark's generated listings into a PostgreSQL database as fast as the storage
 * module's writers allow, and marks a complete load so a later run can measure again without
 * loading again ({@code --reuse}).
 *
 * <ol>
 *   <li>the first listings through the JDBC batch upsert (what the pipeline writes with), every
 *       index in place;
 *   <li>as many again by COPY with every index in place, so the two rates compare like with like;
 *   <li>the secondary indexes of the loaded tables dropped (their definitions kept), the rest by
 *       COPY on {@code threads} connections at once (chunks of whole sellers, so no two loads touch
 *       one row), then the indexes built again in one pass each, and {@code VACUUM ANALYZE}
 *       (statistics for the planner, and the visibility map so counts can read indexes only);
 *   <li>a marker row (listings, generator version, the load's figures), written last: a load that
 *       was interrupted has none and is never reused.
 * </ol>
 */
public final class BenchLoad {
  /** Tables the loaders write; their secondary indexes are dropped during the bulk part. */
  static final List<String> TABLES =
      List.of(
          "sellers",
          "seller_contacts",
          "seller_provinces",
          "listings",
          "observations",
          "observation_verdicts",
          "verdicts",
          "verdict_violations",
          "reviews",
          "queue_search");

  static final String MARKER_TABLE = "bench_queue_marker";

  private static final int JDBC_BATCH = 1_000;
  private static final int CHUNK = 20_000;

  /** A finished load as its marker row records it. */
  public record Marker(String generator, long listings, String loadedAt, List<String> figures) {}

  private final Database db;
  private final Consumer<String> out;

  public BenchLoad(Database db, Consumer<String> out) {
    this.db = db;
    this.out = out;
  }

  /** The marker of a complete load in this database, if there is one. */
  public Optional<Marker> marker() throws SQLException {
    try (Connection c = db.connection();
        Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT to_regclass('" + MARKER_TABLE + "')")) {
        rs.next();
        if (rs.getString(1) == null) {
          return Optional.empty();
        }
      }
      try (ResultSet rs =
          st.executeQuery(
              "SELECT generator, listings, loaded_at, figures FROM "
                  + MARKER_TABLE
                  + " ORDER BY loaded_at DESC LIMIT 1")) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Marker(
                rs.getString(1),
                rs.getLong(2),
                rs.getObject(3, java.time.OffsetDateTime.class).toString(),
                List.of(rs.getString(4).split("\n"))));
      }
    }
  }

  /** Loads listings 0 to {@code listings - 1}; returns the report lines of the load. */
  public List<String> load(long listings, long jdbcListings, int threads) throws Exception {
    List<String> figures = new ArrayList<>();
    BulkLoader loader = new BulkLoader(db);
    long started = System.nanoTime();

    // 1. JDBC batch upsert, indexes in place
    long t0 = System.nanoTime();
    for (long i = 0; i < jdbcListings; i += JDBC_BATCH) {
      long to = Math.min(jdbcListings, i + JDBC_BATCH);
      loader.load(batch(i, to), BulkLoader.Method.JDBC_BATCH);
      progress("JDBC batch", to, jdbcListings, t0);
    }
    double jdbcS = seconds(t0);
    if (jdbcListings > 0) {
      figures.add(
          String.format(
              Locale.ROOT,
              "load, JDBC batch (ListingStore.saveAll, %,d per batch, every index in place):"
                  + " %,d listings in %.1f s = %,.0f listings/s",
              JDBC_BATCH,
              jdbcListings,
              jdbcS,
              jdbcListings / jdbcS));
    }

    // 2. COPY, indexes in place: the like-for-like comparison
    long copyIndexed = Math.min(Math.max(jdbcListings, CHUNK), listings - jdbcListings);
    long t1 = System.nanoTime();
    for (long i = jdbcListings; i < jdbcListings + copyIndexed; i += CHUNK) {
      long to = Math.min(jdbcListings + copyIndexed, i + CHUNK);
      copy(loader, i, to);
      progress("COPY, indexes in place", to - jdbcListings, copyIndexed, t1);
    }
    double copyIndexedS = seconds(t1);
    if (copyIndexed > 0) {
      figures.add(
          String.format(
              Locale.ROOT,
              "load, COPY (BulkLoader: staging tables, one insert per table, %,d per load, every"
                  + " index in place): %,d listings in %.1f s = %,.0f listings/s",
              CHUNK,
              copyIndexed,
              copyIndexedS,
              copyIndexed / copyIndexedS));
    }
    if (jdbcListings > 0 && copyIndexed > 0) {
      figures.add(
          String.format(
              Locale.ROOT,
              "COPY / JDBC batch, same indexes: %.1fx",
              (copyIndexed / copyIndexedS) / (jdbcListings / jdbcS)));
    }

    // 3. the rest by COPY on several connections, secondary indexes dropped, then rebuilt
    long from = jdbcListings + copyIndexed;
    if (from < listings) {
      Map<String, String> indexes = secondaryIndexes();
      try (Connection c = db.connection();
          Statement st = c.createStatement()) {
        for (String name : indexes.keySet()) {
          st.execute("DROP INDEX " + name);
        }
      }
      out.accept(
          "dropped "
              + indexes.size()
              + " secondary indexes for the bulk load: "
              + String.join(", ", indexes.keySet()));
      long t2 = System.nanoTime();
      bulk(loader, from, listings, threads, t2);
      double bulkS = seconds(t2);
      long bulkN = listings - from;
      figures.add(
          String.format(
              Locale.ROOT,
              "load, COPY on %d connections, secondary indexes dropped: %,d listings in %.1f s ="
                  + " %,.0f listings/s",
              threads,
              bulkN,
              bulkS,
              bulkN / bulkS));
      long t3 = System.nanoTime();
      try (Connection c = db.connection();
          Statement st = c.createStatement()) {
        st.execute("SET maintenance_work_mem = '512MB'");
        int k = 0;
        for (Map.Entry<String, String> e : indexes.entrySet()) {
          long ti = System.nanoTime();
          st.execute(e.getValue());
          out.accept(
              String.format(
                  Locale.ROOT,
                  "index %d/%d %s built in %.1f s",
                  ++k,
                  indexes.size(),
                  e.getKey(),
                  seconds(ti)));
        }
      }
      figures.add(
          String.format(
              Locale.ROOT,
              "indexes built again after the load: %d in %.1f s",
              indexes.size(),
              seconds(t3)));
    }
    long t4 = System.nanoTime();
    try (Connection c = db.connection();
        Statement st = c.createStatement()) {
      out.accept("VACUUM ANALYZE ...");
      st.execute("VACUUM ANALYZE");
    }
    figures.add(String.format(Locale.ROOT, "VACUUM ANALYZE: %.1f s", seconds(t4)));
    figures.add(
        String.format(
            Locale.ROOT,
            "load in all: %,d listings in %.1f s (%s on disk)",
            listings,
            seconds(started),
            databaseSize()));
    writeMarker(listings, figures);
    return figures;
  }

  private void bulk(BulkLoader loader, long from, long to, int threads, long t0) throws Exception {
    AtomicLong next = new AtomicLong(from);
    AtomicLong done = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(
            pool.submit(
                () -> {
                  for (long i = next.getAndAdd(CHUNK); i < to; i = next.getAndAdd(CHUNK)) {
                    long end = Math.min(to, i + CHUNK);
                    copy(loader, i, end);
                    long d = done.addAndGet(end - i);
                    synchronized (this) {
                      progress("COPY, bulk", d, to - from, t0);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void copy(BulkLoader loader, long from, long to) {
    BulkLoader.Result r = loader.load(batch(from, to), BulkLoader.Method.COPY);
    if (r.method() != BulkLoader.Method.COPY) {
      throw new IllegalStateException("the bulk loader did not use COPY (not PostgreSQL?)");
    }
  }

  /** Name → CREATE INDEX statement of every index of the loaded tables not backing a constraint. */
  private Map<String, String> secondaryIndexes() throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    try (Connection c = db.connection();
        PreparedStatement ps =
            c.prepareStatement(
                """
                SELECT ic.relname, pg_get_indexdef(i.indexrelid)
                FROM pg_index i
                JOIN pg_class ic ON ic.oid = i.indexrelid
                JOIN pg_class t ON t.oid = i.indrelid
                WHERE t.relname = ANY (?) AND t.relnamespace = current_schema()::regnamespace
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
                ORDER BY t.relname, ic.relname""")) {
      ps.setArray(1, c.createArrayOf("text", TABLES.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return out;
  }

  private void writeMarker(long listings, List<String> figures) throws SQLException {
    try (Connection c = db.connection()) {
      try (Statement st = c.createStatement()) {
        st.execute(
            "CREATE TABLE IF NOT EXISTS "
                + MARKER_TABLE
                + " (generator VARCHAR(64) NOT NULL, listings BIGINT NOT NULL,"
                + " loaded_at TIMESTAMP WITH TIME ZONE NOT NULL, figures TEXT NOT NULL)");
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO "
                  + MARKER_TABLE
                  + " (generator, listings, loaded_at, figures) VALUES (?, ?, now(), ?)")) {
        ps.setString(1, BenchListings.GENERATOR);
        ps.setLong(2, listings);
        ps.setString(3, String.join("\n", figures));
        ps.executeUpdate();
      }
    }
  }

  private String databaseSize() throws SQLException {
    try (Connection c = db.connection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT pg_size_pretty(pg_database_size(current_database()))")) {
      rs.next();
      return rs.getString(1);
    }
  }

  static List<ScoredListing> batch(long from, long to) {
    List<ScoredListing> list = new ArrayList<>((int) (to - from));
    for (long k = from; k < to; k++) {
      list.add(BenchListings.listing(k));
    }
    return list;
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static void progress(String what, long done, long total, long t0) {
    double s = seconds(t0);
    double rate = done / Math.max(s, 1e-9);
    long eta = rate > 0 ? (long) ((total - done) / rate) : 0;
    System.out.printf(
        Locale.ROOT,
        "\r%s: %,d / %,d listings (%,.0f/s, %d:%02d left)   %s",
        what,
        done,
        total,
        rate,
        eta / 60,
        eta % 60,
        done >= total ? "\n" : "");
    System.out.flush();
  }
}
