package org.markwatch.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;

/** Runs work in one transaction: commit on success, rollback on any failure. */
public final class Transactions {
  private Transactions() {}

  /** Work on an open connection with autocommit off. */
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * @param what what the work does, for the error message ("decide on listing shopee:1")
   * @throws StorageException when the database refuses (the message names {@code what}) or cannot
   *     be reached (the message starts with "database unavailable")
   */
  public static <T> T run(DataSource dataSource, String what, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException rollbackFailure) {
          e.addSuppressed(rollbackFailure);
        }
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      String state = e.getSQLState();
      if (state != null && state.startsWith("08")) {
        // No connection: nothing about the work itself is wrong, so say what to fix first.
        throw new StorageException("database unavailable: " + ListingStore.describe(e), e);
      }
      throw new StorageException("cannot " + what + ": " + ListingStore.describe(e), e);
    }
  }

  /** A time as both databases store it: UTC, microseconds. */
  public static OffsetDateTime at(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  /** A nullable timestamp column as an Instant. */
  public static Instant instant(java.sql.ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  public static Instant instant(java.sql.ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
