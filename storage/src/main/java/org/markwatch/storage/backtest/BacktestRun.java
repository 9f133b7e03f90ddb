package org.markwatch.storage.backtest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.markwatch.storage.Transactions;

/** One backtest: which candidate, against which baseline, over which window, how far it got. */
public record BacktestRun(
    String id,
    String candidateVersion,
    String baselineVersion,
    Instant since,
    Instant startedAt,
    Instant finishedAt,
    String status,
    long listingsTotal,
    long listingsDone,
    String startedBy,
    String note) {

  public boolean running() {
    return status.equals("running");
  }

  public boolean finished() {
    return status.equals("finished");
  }

  /** Percentage done, 0..100. */
  public int percent() {
    return listingsTotal == 0 ? 100 : (int) Math.min(100, listingsDone * 100 / listingsTotal);
  }

  static final String SELECT =
      "SELECT id, candidate_version, baseline_version, since, started_at, finished_at, status,"
          + " listings_total, listings_done, started_by, note FROM backtest_runs";

  static BacktestRun read(ResultSet rs) throws SQLException {
    return new BacktestRun(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        Transactions.instant(rs, 4),
        Transactions.instant(rs, 5),
        Transactions.instant(rs, 6),
        rs.getString(7),
        rs.getLong(8),
        rs.getLong(9),
        rs.getString(10),
        rs.getString(11));
  }
}
