package org.markwatch.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.markwatch.model.Scored;

/**
 * A crash mid-batch leaves nothing partial (issue 14). A child JVM ({@link CrashWriter}) upserts
 * batches of listings; the test holds a row lock on one listing of its fourth batch (a listing
 * stored before), waits until the database shows the writer blocked on it inside its open
 * transaction (so the batch has already written rows), and kills the writer with SIGKILL. On H2 the
 * writer owns the database file (embedded, AUTO_SERVER so the test can hold the lock), so the kill
 * takes the database engine down with it and the reopened file must recover. Afterwards the
 * database holds the three committed batches in full, nothing of the fourth, and everything stored
 * before unchanged.
 */
class CrashMidBatchIT {
  private static final int BATCH = 50;
  private static final String LOCKED = "crash:3:25";

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void aWriterKilledMidBatchLeavesWholeBatchesOnlyAndLosesNothingStoredBefore(
      TestDatabase.Backend backend) throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend)) {
      // Stored before: the sample, and an older observation of one listing the fourth batch
      // will try to update.
      try (Database db = Database.open(scratch.settings())) {
        List<ScoredListing> before = new ArrayList<>(Fixtures.sample());
        before.add(
            new ScoredListing(
                Fixtures.listing(
                    LOCKED,
                    "shopee",
                    "shopee:shop:before",
                    "stored before",
                    "2026-10-01T07:00:00Z"),
                Scored.of(LOCKED, "rules-crash-1", 0.2, false, List.of(), List.of(), List.of())));
        assertThat(new ListingStore(db.dataSource()).saveAll(before).rejected()).isEmpty();
      }
      long listingsBefore = 7;

      String url =
          backend == TestDatabase.Backend.H2
              ? scratch.settings().url() + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=120000"
              : scratch.settings().url();
      Process child = start(url, scratch.settings());
      List<String> output = new ArrayList<>();
      try {
        BufferedReader out =
            new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        awaitLine(out, output, "ready");
        try (Connection lock =
            DriverManager.getConnection(
                url, scratch.settings().user(), scratch.settings().password())) {
          lock.setAutoCommit(false);
          try (PreparedStatement ps =
              lock.prepareStatement("SELECT id FROM listings WHERE id = ? FOR UPDATE")) {
            ps.setString(1, LOCKED);
            try (ResultSet rs = ps.executeQuery()) {
              assertThat(rs.next()).isTrue();
            }
          }
          Writer go =
              new java.io.OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
          go.write("go\n");
          go.flush();
          awaitLine(out, output, "committed 2");
          awaitLine(out, output, "begin 3");
          try (Connection watch =
              DriverManager.getConnection(
                  url, scratch.settings().user(), scratch.settings().password())) {
            // its own connection: PostgreSQL keeps one pg_stat_activity snapshot per transaction
            awaitBlocked(watch, backend);
          }
          child.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback by the writer
          assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
          try {
            lock.rollback();
          } catch (java.sql.SQLException serverGone) {
            // on H2 the lock's server was the killed writer
          }
        } catch (java.sql.SQLException serverGone) {
          if (backend != TestDatabase.Backend.H2 || child.isAlive()) {
            throw serverGone;
          }
        }
        try {
          String rest;
          while ((rest = out.readLine()) != null) {
            output.add(rest);
          }
        } catch (java.io.IOException closed) {
          // the killed child's pipe may be gone already
        }
      } finally {
        child.destroyForcibly();
      }
      assertThat(output).contains("committed 2").doesNotContain("committed 3");

      try (Database db = Database.open(scratch.settings())) {
        for (int batch = 0; batch < 3; batch++) {
          for (String table : List.of("listings", "observations", "verdicts", "reviews")) {
            String key = table.equals("listings") ? "id" : "listing_id";
            assertThat(count(db, table, key, "crash:" + batch + ":%"))
                .as(table + " of batch " + batch)
                .isEqualTo(BATCH);
          }
        }
        // The fourth batch: nothing but the listing stored before, as it was.
        assertThat(count(db, "listings", "id", "crash:3:%")).isEqualTo(1);
        assertThat(count(db, "observations", "listing_id", "crash:3:%")).isEqualTo(1);
        assertThat(count(db, "verdicts", "listing_id", "crash:3:%")).isEqualTo(1);
        assertThat(count(db, "reviews", "listing_id", "crash:3:%")).isZero();
        assertThat(count(db, "listings", "id", "crash:4:%")).isZero();
        assertThat(scalar(db, "SELECT title FROM listings WHERE id = '" + LOCKED + "'"))
            .isEqualTo("stored before");
        assertThat(
                Long.parseLong(
                    scalar(db, "SELECT COUNT(*) FROM listings WHERE id NOT LIKE 'crash:%'")))
            .isEqualTo(listingsBefore - 1);
        assertThat(
                Long.parseLong(
                    scalar(
                        db,
                        "SELECT COUNT(*) FROM verdicts WHERE listing_id IN"
                            + " (SELECT id FROM listings WHERE id NOT LIKE 'crash:%')")))
            .isEqualTo(listingsBefore - 1);
      }
    }
  }

  private static Process start(String url, DatabaseSettings s) throws Exception {
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            // H2's AUTO_SERVER publishes the owner's address in the lock file: keep it on loopback
            "-Dh2.bindAddress=127.0.0.1",
            "-cp",
            System.getProperty("java.class.path"),
            CrashWriter.class.getName(),
            url,
            s.user(),
            s.password(),
            Integer.toString(BATCH));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  private static void awaitLine(BufferedReader out, List<String> seen, String wanted)
      throws Exception {
    String line;
    while ((line = out.readLine()) != null) {
      seen.add(line);
      if (line.equals(wanted)) {
        return;
      }
      if (line.startsWith("rejected")) {
        throw new AssertionError("the writer's batch was refused: " + line);
      }
    }
    throw new AssertionError("the writer ended before '" + wanted + "': " + seen);
  }

  /** Waits until the database shows a session waiting for the test's row lock. */
  private static void awaitBlocked(Connection watch, TestDatabase.Backend backend)
      throws Exception {
    String sql =
        backend == TestDatabase.Backend.H2
            ? "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL"
            : "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'"
                + " AND backend_xid IS NOT NULL";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      try (Statement st = watch.createStatement();
          ResultSet rs = st.executeQuery(sql)) {
        rs.next();
        if (rs.getLong(1) > 0) {
          return;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the writer never blocked on the locked listing " + LOCKED);
  }

  private static long count(Database db, String table, String column, String like)
      throws Exception {
    try (Connection c = db.connection();
        PreparedStatement ps =
            c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE " + column + " LIKE ?")) {
      ps.setString(1, like);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static String scalar(Database db, String sql) throws Exception {
    try (Connection c = db.connection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
