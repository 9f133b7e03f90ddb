package db.migration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Planner statistics for the Java migrations (not a migration: Flyway runs only those). */
final class Statistics {
  private Statistics() {}

  /**
   * ANALYZE only a table that has rows (an upgraded database). Statistics taken of an empty table
   * say "0 rows" to the planner until the next ANALYZE, so while the table is small a pooled
   * connection caches a sequential-scan generic plan for the writers' {@code WHERE listing_id =
   * ...} statements and keeps it as the table grows, wherever autovacuum is off or has not run yet
   * (measured: a 200k-listing pipeline bench on a new database read 11 G rows of verdict_violations
   * and queue_search, 313 listings/s). A table never analyzed is planned as at least 10 pages,
   * which gives those statements the index.
   */
  static void analyzeIfFilled(Statement st, String table) throws SQLException {
    try (ResultSet rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM " + table + ")")) {
      rs.next();
      if (!rs.getBoolean(1)) {
        return;
      }
    }
    st.execute("ANALYZE " + table);
  }
}
