package org.markwatch.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Records crawl runs: a row when a run starts, updated when it ends (MERGE by id). */
public final class CrawlRunStore {
  private static final String MERGE =
      """
      MERGE INTO crawl_runs t
      USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS TIMESTAMP WITH TIME ZONE),
                     CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS VARCHAR(16)), CAST(? AS VARCHAR(2000)),
                     CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS VARCHAR(2000))))
        AS s(id, started_at, finished_at, status, sources, pages_fetched, pages_failed, listings_found, note)
      ON t.id = s.id
      WHEN MATCHED THEN UPDATE SET
        started_at = s.started_at, finished_at = s.finished_at, status = s.status, sources = s.sources,
        pages_fetched = s.pages_fetched, pages_failed = s.pages_failed, listings_found = s.listings_found,
        note = s.note
      WHEN NOT MATCHED THEN INSERT
        (id, started_at, finished_at, status, sources, pages_fetched, pages_failed, listings_found, note)
        VALUES (s.id, s.started_at, s.finished_at, s.status, s.sources, s.pages_fetched, s.pages_failed,
                s.listings_found, s.note)
      """;

  private static final String SELECT =
      """
      SELECT id, started_at, finished_at, status, sources, pages_fetched, pages_failed, listings_found, note
      FROM crawl_runs
      """;

  private final DataSource dataSource;

  public CrawlRunStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Writes the row of a run that starts (or restarts under the same id). */
  public void start(CrawlRun run) {
    save(run);
  }

  /** Writes the final state of a run. */
  public void finish(CrawlRun run) {
    if (run.finishedAt() == null) {
      throw new IllegalArgumentException("crawl run " + run.id() + " has no finishedAt");
    }
    save(run);
  }

  /** Inserts or replaces the row with this id. */
  public void save(CrawlRun run) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(MERGE)) {
      ps.setString(1, run.id());
      ps.setObject(2, utc(run.startedAt()));
      ps.setObject(3, run.finishedAt() == null ? null : utc(run.finishedAt()));
      ps.setString(4, run.status().id());
      ps.setString(5, String.join(",", run.sources()));
      ps.setInt(6, run.pagesFetched());
      ps.setInt(7, run.pagesFailed());
      ps.setInt(8, run.listingsFound());
      ps.setString(9, run.note());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StorageException(
          "cannot save crawl run " + run.id() + ": " + ListingStore.describe(e), e);
    }
  }

  public Optional<CrawlRun> find(String id) {
    List<CrawlRun> runs = query(SELECT + " WHERE id = ?", id, 1);
    return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(0));
  }

  /** The latest runs, newest first. */
  public List<CrawlRun> recent(int limit) {
    return query(SELECT + " ORDER BY started_at DESC, id LIMIT ?", null, limit);
  }

  private List<CrawlRun> query(String sql, String id, int limit) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      if (id != null) {
        ps.setString(1, id);
      } else {
        ps.setInt(1, limit);
      }
      List<CrawlRun> runs = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
          runs.add(
              new CrawlRun(
                  rs.getString("id"),
                  rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                  finished == null ? null : finished.toInstant(),
                  CrawlRun.Status.fromId(rs.getString("status")),
                  Rows.split(rs.getString("sources")),
                  rs.getInt("pages_fetched"),
                  rs.getInt("pages_failed"),
                  rs.getInt("listings_found"),
                  rs.getString("note")));
        }
      }
      return runs;
    } catch (SQLException e) {
      throw new StorageException("cannot read crawl runs: " + ListingStore.describe(e), e);
    }
  }

  private static OffsetDateTime utc(java.time.Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }
}
