package org.markwatch.storage.frontier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.markwatch.storage.Database;
import org.markwatch.storage.Transactions;

/**
 * The crawl frontier in the database (migration V30): URLs per source and host with priority, due
 * time and re-visit interval; host leases so several worker processes share it; the listings each
 * URL gave, so a re-visit notices removed ones.
 *
 * <p>A worker leases a host ({@link #leaseHost}), claims that host's due URLs one at a time ({@link
 * #claim}, which renews the lease), records each visit ({@link #complete}) and releases the host
 * when it has nothing due ({@link #release}). A claimed URL whose worker died (its lease ran out)
 * is taken back by the next worker that leases the host and fetched again: a fetch that was in
 * flight at the crash is the only one that can happen twice, and {@code reclaimed_count} records
 * it. On PostgreSQL the lease is taken with {@code FOR UPDATE SKIP LOCKED}, so workers never wait
 * on each other's hosts; on the embedded H2 file only one process can open the database anyway.
 */
public final class FrontierStore {
  /** A URL claimed for fetching. */
  public record Claimed(String url, int depth, int attempt, long revisitSeconds, int fetchCount) {}

  /** What a visit changed: listings seen again, listings noticed as removed. */
  public record VisitResult(int seenAgain, int removed) {}

  /** A listing a re-visit found gone. */
  public record RemovedListing(
      String sourceId, String url, String listingId, Instant removedAt, String reason) {}

  /** Counts of one source's frontier. */
  public record Counts(int urls, int due, int fetching, int fetched, int reclaimed) {}

  private static final String WAITING = "waiting";
  private static final String FETCHING = "fetching";

  private final DataSource dataSource;
  private final boolean skipLocked;

  /**
   * @param skipLocked whether leases are taken with {@code FOR UPDATE SKIP LOCKED} (PostgreSQL)
   */
  public FrontierStore(DataSource dataSource, boolean skipLocked) {
    this.dataSource = dataSource;
    this.skipLocked = skipLocked;
  }

  public static FrontierStore of(Database db) {
    return new FrontierStore(db.dataSource(), db.settings().isPostgres());
  }

  /** SHA-256 (hex) of a URL: its key in {@code frontier_urls}. */
  public static String key(String url) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Adds a normalised URL unless the source already has it (a known URL keeps its due time, so a
   * fetched one waits for its re-visit).
   *
   * @return true when the URL was new
   */
  public boolean admit(
      String sourceId,
      String url,
      String host,
      int depth,
      int priority,
      Duration revisit,
      Instant now) {
    String key = key(url);
    return Transactions.run(
        dataSource,
        "add " + url + " to the frontier",
        c -> {
          if (exists(
              c,
              "SELECT 1 FROM frontier_urls WHERE source_id = ? AND url_key = ?",
              sourceId,
              key)) {
            return false;
          }
          if (!exists(
              c, "SELECT 1 FROM frontier_hosts WHERE source_id = ? AND host = ?", sourceId, host)) {
            insertIgnoringDuplicate(
                c,
                "INSERT INTO frontier_hosts (source_id, host) VALUES (?, ?)",
                ps -> {
                  ps.setString(1, sourceId);
                  ps.setString(2, host);
                });
          }
          return insertIgnoringDuplicate(
              c,
              """
              INSERT INTO frontier_urls (source_id, url_key, url, host, depth, priority, state, due_at,
                revisit_seconds, attempt, fetch_count, reclaimed_count, first_seen_at)
              VALUES (?, ?, ?, ?, ?, ?, 'waiting', ?, ?, 0, 0, 0, ?)
              """,
              ps -> {
                ps.setString(1, sourceId);
                ps.setString(2, key);
                ps.setString(3, url);
                ps.setString(4, host);
                ps.setInt(5, depth);
                ps.setInt(6, priority);
                ps.setObject(7, Transactions.at(now));
                ps.setLong(8, Math.max(0, revisit.toSeconds()));
                ps.setObject(9, Transactions.at(now));
              });
        });
  }

  /** Whether the source's frontier holds this normalised URL. */
  public boolean contains(String sourceId, String url) {
    return Transactions.run(
        dataSource,
        "read the frontier",
        c ->
            exists(
                c,
                "SELECT 1 FROM frontier_urls WHERE source_id = ? AND url_key = ?",
                sourceId,
                key(url)));
  }

  /**
   * Leases a host of the source that has a due URL (or a URL claimed by a worker whose lease ran
   * out), is not leased by a live worker and may be fetched now. URLs of a dead worker are taken
   * back in the same transaction.
   *
   * @return the host, or empty when none is free
   */
  public Optional<String> leaseHost(String sourceId, String worker, Instant now, Duration ttl) {
    String sql =
        """
        SELECT h.host FROM frontier_hosts h
        WHERE h.source_id = ?
          AND (h.lease_owner IS NULL OR h.lease_owner = ? OR h.lease_until < ?)
          AND (h.next_fetch_at IS NULL OR h.next_fetch_at <= ?)
          AND EXISTS (SELECT 1 FROM frontier_urls u
                      WHERE u.source_id = h.source_id AND u.host = h.host
                        AND ((u.state = 'waiting' AND u.due_at <= ?)
                             OR (u.state = 'fetching' AND u.worker <> ?)))
        ORDER BY h.host
        LIMIT 1
        """
            + (skipLocked ? " FOR UPDATE OF h SKIP LOCKED" : "");
    return Transactions.run(
        dataSource,
        "lease a host of source " + sourceId,
        c -> {
          String host;
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, sourceId);
            ps.setString(2, worker);
            ps.setObject(3, Transactions.at(now));
            ps.setObject(4, Transactions.at(now));
            ps.setObject(5, Transactions.at(now));
            ps.setString(6, worker);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.<String>empty();
              }
              host = rs.getString(1);
            }
          }
          // the lease is taken only if it is still free, ours or expired: without SKIP LOCKED (H2)
          // two workers can pick the same free host, and the second, taking it unconditionally,
          // went on to put the first's in-flight URLs back below and claim one again (a page
          // fetched twice: DatabaseFrontierTest on H2)
          if (update(
                  c,
                  "UPDATE frontier_hosts SET lease_owner = ?, lease_until = ? WHERE source_id = ? AND host = ?"
                      + " AND (lease_owner IS NULL OR lease_owner = ? OR lease_until < ?)",
                  worker,
                  Transactions.at(now.plus(ttl)),
                  sourceId,
                  host,
                  worker,
                  Transactions.at(now))
              == 0) {
            return Optional.<String>empty();
          }
          update(
              c,
              """
              UPDATE frontier_urls SET state = 'waiting', due_at = ?, worker = NULL,
                reclaimed_count = reclaimed_count + 1
              WHERE source_id = ? AND host = ? AND state = 'fetching' AND worker <> ?
              """,
              Transactions.at(now),
              sourceId,
              host,
              worker);
          return Optional.of(host);
        });
  }

  /**
   * Claims the next due URL of a host this worker leases (highest priority, then shallowest, then
   * oldest) and renews the lease.
   *
   * @return the URL; empty when the host has nothing due or the lease was lost
   */
  public Optional<Claimed> claim(
      String sourceId, String host, String worker, Instant now, Duration ttl) {
    return Transactions.run(
        dataSource,
        "claim a URL of " + host,
        c -> {
          int renewed =
              update(
                  c,
                  "UPDATE frontier_hosts SET lease_until = ? WHERE source_id = ? AND host = ? AND lease_owner = ?",
                  Transactions.at(now.plus(ttl)),
                  sourceId,
                  host,
                  worker);
          if (renewed == 0) {
            return Optional.<Claimed>empty();
          }
          String key;
          Claimed claimed;
          try (PreparedStatement ps =
              c.prepareStatement(
                  """
                  SELECT url_key, url, depth, attempt, revisit_seconds, fetch_count FROM frontier_urls
                  WHERE source_id = ? AND host = ? AND state = 'waiting' AND due_at <= ?
                  ORDER BY priority DESC, depth, first_seen_at, url_key
                  LIMIT 1
                  """)) {
            ps.setString(1, sourceId);
            ps.setString(2, host);
            ps.setObject(3, Transactions.at(now));
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.<Claimed>empty();
              }
              key = rs.getString(1);
              claimed =
                  new Claimed(
                      rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getLong(5), rs.getInt(6));
            }
          }
          update(
              c,
              "UPDATE frontier_urls SET state = 'fetching', worker = ?, claimed_at = ? WHERE source_id = ? AND url_key = ?",
              worker,
              Transactions.at(now),
              sourceId,
              key);
          return Optional.of(claimed);
        });
  }

  /** Gives up a host lease; the host may be fetched again from {@code nextFetchAt} (its delay). */
  public void release(String sourceId, String host, String worker, Instant nextFetchAt) {
    Transactions.run(
        dataSource,
        "release host " + host,
        c ->
            update(
                c,
                "UPDATE frontier_hosts SET lease_owner = NULL, lease_until = NULL, next_fetch_at = ? WHERE source_id = ? AND host = ? AND lease_owner = ?",
                Transactions.at(nextFetchAt),
                sourceId,
                host,
                worker));
  }

  /** Puts a claimed URL back, due at {@code dueAt}; {@code countAttempt} for a retry. */
  public void putBack(
      String sourceId, String url, String worker, Instant dueAt, boolean countAttempt) {
    Transactions.run(
        dataSource,
        "put back " + url,
        c ->
            update(
                c,
                "UPDATE frontier_urls SET state = 'waiting', worker = NULL, due_at = ?, attempt = attempt + ? WHERE source_id = ? AND url_key = ? AND worker = ?",
                Transactions.at(dueAt),
                countAttempt ? 1 : 0,
                sourceId,
                key(url),
                worker));
  }

  /**
   * Records a visit: the URL waits until {@code now} + its re-visit interval. {@code listingIds}
   * are the listings the page gave (null when unknown, e.g. a failed fetch other than 404/410):
   * listings the URL gave before and still gives are seen again; those it no longer gives, or all
   * of them when the page answered 404 or 410, are marked removed.
   */
  public VisitResult complete(
      String sourceId,
      String url,
      String worker,
      Instant now,
      int status,
      String outcome,
      List<String> listingIds,
      String runId) {
    String key = key(url);
    return Transactions.run(
        dataSource,
        "record the visit of " + url,
        c -> {
          long revisit;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT revisit_seconds FROM frontier_urls WHERE source_id = ? AND url_key = ?")) {
            ps.setString(1, sourceId);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
              revisit = rs.next() ? rs.getLong(1) : 0;
            }
          }
          update(
              c,
              """
              UPDATE frontier_urls SET state = 'waiting', worker = NULL, attempt = 0,
                due_at = ?, fetch_count = fetch_count + 1, last_fetched_at = ?, last_status = ?,
                last_outcome = ?
              WHERE source_id = ? AND url_key = ?
              """,
              Transactions.at(now.plusSeconds(revisit)),
              Transactions.at(now),
              status,
              outcome,
              sourceId,
              key);
          boolean gone = status == 404 || status == 410;
          if (listingIds == null && !gone) {
            return new VisitResult(0, 0);
          }
          Set<String> now_ = gone ? Set.of() : new LinkedHashSet<>(listingIds);
          Set<String> before = new HashSet<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT listing_id FROM frontier_listings WHERE source_id = ? AND url_key = ? AND removed_at IS NULL")) {
            ps.setString(1, sourceId);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                before.add(rs.getString(1));
              }
            }
          }
          int seenAgain = 0;
          int removed = 0;
          String reason = gone ? "HTTP " + status : "no longer on its page";
          for (String id : before) {
            if (!now_.contains(id)) {
              removed +=
                  update(
                      c,
                      "UPDATE frontier_listings SET removed_at = ?, removed_reason = ?, removed_run_id = ? WHERE source_id = ? AND url_key = ? AND listing_id = ?",
                      Transactions.at(now),
                      reason,
                      runId,
                      sourceId,
                      key,
                      id);
            }
          }
          for (String id : now_) {
            int changed =
                update(
                    c,
                    "UPDATE frontier_listings SET last_seen_at = ?, seen_count = seen_count + 1, removed_at = NULL, removed_reason = NULL, removed_run_id = NULL WHERE source_id = ? AND url_key = ? AND listing_id = ?",
                    Transactions.at(now),
                    sourceId,
                    key,
                    id);
            if (changed == 0) {
              update(
                  c,
                  "INSERT INTO frontier_listings (source_id, url_key, listing_id, first_seen_at, last_seen_at, seen_count) VALUES (?, ?, ?, ?, ?, 1)",
                  sourceId,
                  key,
                  id,
                  Transactions.at(now),
                  Transactions.at(now));
            } else if (before.contains(id)) {
              seenAgain++;
            }
          }
          return new VisitResult(seenAgain, removed);
        });
  }

  /**
   * Takes one page of the run's budget for a source: true while fewer than {@code maxPages} pages
   * were taken by all the workers of the run (same {@code runId}) together. The budget is opened by
   * the first claim with {@code maxPages}; later claims count against that figure. One conditional
   * UPDATE takes the page, so concurrent workers never take more than the budget; it is tried
   * first, so a page of an open budget (every page but a run's first) costs one statement, and the
   * budget row is looked for only when the UPDATE took nothing.
   */
  public boolean claimPage(String runId, String sourceId, int maxPages) {
    String take =
        "UPDATE crawl_run_budgets SET claimed = claimed + 1 WHERE run_id = ? AND source_id = ? AND claimed < max_pages";
    return Transactions.run(
        dataSource,
        "claim a page of run " + runId + "'s budget for " + sourceId,
        c -> {
          if (update(c, take, runId, sourceId) == 1) {
            return true;
          }
          // Nothing taken: the budget is spent, or its row was not there for that statement. A row
          // another worker opened and committed just after it is there for the next one, so the
          // UPDATE is tried again rather than a found row taken for a spent budget (that made a
          // worker stop with pages left: DatabaseFrontierTest on H2 under load)
          if (!exists(
              c,
              "SELECT 1 FROM crawl_run_budgets WHERE run_id = ? AND source_id = ?",
              runId,
              sourceId)) {
            insertIgnoringDuplicate(
                c,
                "INSERT INTO crawl_run_budgets (run_id, source_id, max_pages, claimed) VALUES (?, ?, ?, 0)",
                ps -> {
                  ps.setString(1, runId);
                  ps.setString(2, sourceId);
                  ps.setInt(3, maxPages);
                });
          }
          return update(c, take, runId, sourceId) == 1;
        });
  }

  /** Gives back a page taken by {@link #claimPage} that was not fetched (put back, retried). */
  public void returnPage(String runId, String sourceId) {
    Transactions.run(
        dataSource,
        "return a page of run " + runId + "'s budget",
        c ->
            update(
                c,
                "UPDATE crawl_run_budgets SET claimed = claimed - 1 WHERE run_id = ? AND source_id = ? AND claimed > 0",
                runId,
                sourceId));
  }

  /** Pages of the run's budget for the source taken so far (0 when none was opened). */
  public int pagesClaimed(String runId, String sourceId) {
    return Transactions.run(
        dataSource,
        "read the run's page budget",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT claimed FROM crawl_run_budgets WHERE run_id = ? AND source_id = ?")) {
            ps.setString(1, runId);
            ps.setString(2, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? rs.getInt(1) : 0;
            }
          }
        });
  }

  /**
   * Whether the source still has work for someone: a due URL, or a URL claimed by another worker
   * (in flight, or waiting to be taken back when that worker's lease runs out).
   */
  public boolean pending(String sourceId, String worker, Instant now) {
    return Transactions.run(
        dataSource,
        "read the frontier",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  """
                  SELECT 1 FROM frontier_urls
                  WHERE source_id = ? AND ((state = 'waiting' AND due_at <= ?)
                                           OR (state = 'fetching' AND worker <> ?))
                  LIMIT 1
                  """)) {
            ps.setString(1, sourceId);
            ps.setObject(2, Transactions.at(now));
            ps.setString(3, worker);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next();
            }
          }
        });
  }

  /** When the source's next URL is due; empty when its frontier is empty (a first crawl). */
  public Optional<Instant> nextDue(String sourceId) {
    return Transactions.run(
        dataSource,
        "read the frontier",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT MIN(due_at) FROM frontier_urls WHERE source_id = ?")) {
            ps.setString(1, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return Optional.ofNullable(Transactions.instant(rs, 1));
            }
          }
        });
  }

  public Counts counts(String sourceId, Instant now) {
    return Transactions.run(
        dataSource,
        "count the frontier",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  """
                  SELECT COUNT(*),
                    SUM(CASE WHEN state = 'waiting' AND due_at <= ? THEN 1 ELSE 0 END),
                    SUM(CASE WHEN state = 'fetching' THEN 1 ELSE 0 END),
                    SUM(CASE WHEN fetch_count > 0 THEN 1 ELSE 0 END),
                    SUM(reclaimed_count)
                  FROM frontier_urls WHERE source_id = ?
                  """)) {
            ps.setObject(1, Transactions.at(now));
            ps.setString(2, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return new Counts(
                  rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5));
            }
          }
        });
  }

  /** URLs that were taken back from a worker that died, with how many times. */
  public List<String> reclaimedUrls(String sourceId) {
    return Transactions.run(
        dataSource,
        "read the frontier",
        c -> {
          List<String> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT url FROM frontier_urls WHERE source_id = ? AND reclaimed_count > 0 ORDER BY url")) {
            ps.setString(1, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(rs.getString(1));
              }
            }
          }
          return out;
        });
  }

  /** Listings noticed as removed in a crawl run, oldest first. */
  public List<RemovedListing> removedInRun(String runId) {
    return Transactions.run(
        dataSource,
        "read removed listings",
        c -> {
          List<RemovedListing> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  """
                  SELECT l.source_id, u.url, l.listing_id, l.removed_at, l.removed_reason
                  FROM frontier_listings l
                  JOIN frontier_urls u ON u.source_id = l.source_id AND u.url_key = l.url_key
                  WHERE l.removed_run_id = ? ORDER BY l.removed_at, l.listing_id
                  """)) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new RemovedListing(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        Transactions.instant(rs, 4),
                        rs.getString(5)));
              }
            }
          }
          return out;
        });
  }

  // --- JDBC helpers ---------------------------------------------------------------------------

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private static boolean exists(Connection c, String sql, String a, String b) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, a);
      ps.setString(2, b);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * Inserts; a row another worker inserted meanwhile (unique violation, SQLState 23505) is not an
   * error. A savepoint keeps PostgreSQL's transaction usable after the refused insert.
   */
  private static boolean insertIgnoringDuplicate(Connection c, String sql, Binder binder)
      throws SQLException {
    var savepoint = c.setSavepoint();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      boolean inserted = ps.executeUpdate() == 1;
      c.releaseSavepoint(savepoint);
      return inserted;
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        c.rollback(savepoint);
        return false;
      }
      throw e;
    }
  }

  private static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      return ps.executeUpdate();
    }
  }
}
