package org.markwatch.storage;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * An open central database: a small connection pool over H2 or PostgreSQL, with the schema migrated
 * by Flyway ({@code classpath:db/migration}, the same SQL files on both). Close it to release the
 * pool.
 */
public final class Database implements AutoCloseable {
  private final DatabaseSettings settings;
  private final JdbcConnectionPool pool;

  private Database(DatabaseSettings settings, JdbcConnectionPool pool) {
    this.settings = settings;
    this.pool = pool;
  }

  /**
   * Opens the pool and migrates the schema to the latest version.
   *
   * @throws StorageException when the database cannot be reached or migrated (names the URL)
   */
  public static Database open(DatabaseSettings settings) {
    Database db = openWithoutMigrating(settings);
    try {
      db.migrate();
      return db;
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /**
   * Opens the pool only; for workers (Flink writers) of a job whose client already migrated, so
   * several writers never race on the migration.
   */
  public static Database openWithoutMigrating(DatabaseSettings settings) {
    JdbcConnectionPool pool = JdbcConnectionPool.create(poolSource(settings));
    pool.setMaxConnections(settings.maxConnections());
    return new Database(settings, pool);
  }

  private static ConnectionPoolDataSource poolSource(DatabaseSettings s) {
    if (s.isPostgres()) {
      PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
      pg.setURL(s.url());
      pg.setUser(s.user());
      pg.setPassword(s.password());
      return pg;
    }
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(s.url());
    h2.setUser(s.user());
    h2.setPassword(s.password());
    return h2;
  }

  /** Applies pending migrations; returns how many were applied. */
  public int migrate() {
    try {
      MigrateResult result =
          Flyway.configure()
              .dataSource(pool)
              .locations("classpath:db/migration")
              .failOnMissingLocations(true)
              .load()
              .migrate();
      return result.migrationsExecuted;
    } catch (FlywayException e) {
      throw new StorageException(
          "cannot migrate the database at " + settings.url() + ": " + rootMessage(e), e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null
        ? t.getClass().getSimpleName()
        : t.getMessage().lines().findFirst().orElse("");
  }

  public DataSource dataSource() {
    return pool;
  }

  public Connection connection() throws SQLException {
    return pool.getConnection();
  }

  public DatabaseSettings settings() {
    return settings;
  }

  @Override
  public void close() {
    pool.dispose();
  }
}
