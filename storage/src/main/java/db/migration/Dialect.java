package db.migration;

import java.sql.SQLException;
import org.flywaydb.core.api.migration.Context;

/**
 * Which database a Java migration runs on, where H2 and PostgreSQL need different statements
 * (indexes, extensions, statistics). Not a migration: Flyway runs only those.
 */
final class Dialect {
  private Dialect() {}

  static boolean isPostgres(Context context) throws SQLException {
    return context
        .getConnection()
        .getMetaData()
        .getDatabaseProductName()
        .toLowerCase(java.util.Locale.ROOT)
        .contains("postgres");
  }
}
