package org.markwatch.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The details of a crawl run beside its {@code crawl_runs} row: per-source figures and page counts
 * per outcome and error class. {@link #save} replaces what was stored for the run, in one
 * transaction, so a run saved twice (e.g. re-run under the same id) never has stale rows.
 */
public final class CrawlRunDetailsStore {
  /** Kind of a count: pages per outcome. */
  public static final String OUTCOME = "outcome";

  /** Kind of a count: errors per class. */
  public static final String ERROR = "error";

  private static final String INSERT_SOURCE =
      """
      INSERT INTO crawl_run_sources (run_id, source_id, platform, fetch_mode, status, pages_fetched, pages_failed,
        blocked_by_robots, redirects, retries, listings_found, extraction_errors, bytes_fetched, elapsed_ms, note)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """;

  private final DataSource dataSource;

  public CrawlRunDetailsStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Replaces the details of run {@code runId} (its {@code crawl_runs} row must exist).
   *
   * @param counts kind ({@link #OUTCOME} or {@link #ERROR}) -> name -> count
   */
  public void save(
      String runId, List<CrawlRunSource> sources, Map<String, Map<String, Long>> counts) {
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        for (String table : List.of("crawl_run_sources", "crawl_run_counts")) {
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM " + table + " WHERE run_id = ?")) {
            ps.setString(1, runId);
            ps.executeUpdate();
          }
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_SOURCE)) {
          for (CrawlRunSource s : sources) {
            int i = 1;
            ps.setString(i++, runId);
            ps.setString(i++, s.sourceId());
            ps.setString(i++, s.platform());
            ps.setString(i++, s.fetchMode());
            ps.setString(i++, s.status().id());
            ps.setInt(i++, s.pagesFetched());
            ps.setInt(i++, s.pagesFailed());
            ps.setInt(i++, s.blockedByRobots());
            ps.setInt(i++, s.redirects());
            ps.setInt(i++, s.retries());
            ps.setInt(i++, s.listingsFound());
            ps.setInt(i++, s.extractionErrors());
            ps.setLong(i++, s.bytesFetched());
            ps.setLong(i++, s.elapsedMs());
            ps.setString(i, s.note() == null ? null : truncate(s.note(), 2000));
            ps.addBatch();
          }
          ps.executeBatch();
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO crawl_run_counts (run_id, kind, name, count) VALUES (?, ?, ?, ?)")) {
          for (var kind : counts.entrySet()) {
            for (var e : kind.getValue().entrySet()) {
              ps.setString(1, runId);
              ps.setString(2, kind.getKey());
              ps.setString(3, truncate(e.getKey(), 64));
              ps.setLong(4, e.getValue());
              ps.addBatch();
            }
          }
          ps.executeBatch();
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw new StorageException(
          "cannot save details of crawl run " + runId + ": " + ListingStore.describe(e), e);
    }
  }

  /** The sources of a run, in source id order. */
  public List<CrawlRunSource> sources(String runId) {
    String sql = "SELECT * FROM crawl_run_sources WHERE run_id = ? ORDER BY source_id";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, runId);
      List<CrawlRunSource> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new CrawlRunSource(
                  rs.getString("run_id"),
                  rs.getString("source_id"),
                  rs.getString("platform"),
                  rs.getString("fetch_mode"),
                  CrawlRunSource.Status.fromId(rs.getString("status")),
                  rs.getInt("pages_fetched"),
                  rs.getInt("pages_failed"),
                  rs.getInt("blocked_by_robots"),
                  rs.getInt("redirects"),
                  rs.getInt("retries"),
                  rs.getInt("listings_found"),
                  rs.getInt("extraction_errors"),
                  rs.getLong("bytes_fetched"),
                  rs.getLong("elapsed_ms"),
                  rs.getString("note")));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StorageException(
          "cannot read sources of crawl run " + runId + ": " + ListingStore.describe(e), e);
    }
  }

  /** Counts of one kind ({@link #OUTCOME} or {@link #ERROR}) for a run, by name. */
  public Map<String, Long> counts(String runId, String kind) {
    String sql = "SELECT name, count FROM crawl_run_counts WHERE run_id = ? AND kind = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, runId);
      ps.setString(2, kind);
      Map<String, Long> out = new TreeMap<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getLong(2));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StorageException(
          "cannot read counts of crawl run " + runId + ": " + ListingStore.describe(e), e);
    }
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
