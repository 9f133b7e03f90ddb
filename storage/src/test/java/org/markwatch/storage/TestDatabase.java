package org.markwatch.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A scratch database for one test: an H2 file in a temporary directory, or a fresh database with a
 * random name on the real PostgreSQL server at 127.0.0.1:5432 (user postgres, trust auth), dropped
 * on close. A missing PostgreSQL server fails the test; it is never skipped. Shared with other
 * modules' tests through storage's test-jar.
 */
public final class TestDatabase implements AutoCloseable {
  public static final String POSTGRES_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

  public enum Backend {
    H2,
    POSTGRES
  }

  private final Backend backend;
  private final DatabaseSettings settings;
  private final Path h2Dir;
  private final String pgName;

  private TestDatabase(Backend backend, DatabaseSettings settings, Path h2Dir, String pgName) {
    this.backend = backend;
    this.settings = settings;
    this.h2Dir = h2Dir;
    this.pgName = pgName;
  }

  public static Stream<Backend> backends() {
    return Stream.of(Backend.H2, Backend.POSTGRES);
  }

  public static TestDatabase create(Backend backend) throws Exception {
    if (backend == Backend.H2) {
      Path dir = Files.createTempDirectory("markwatch-h2-");
      return new TestDatabase(backend, DatabaseSettings.h2File(dir), dir, null);
    }
    String name =
        "markwatch_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(POSTGRES_ADMIN_URL, "postgres", "");
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    }
    return new TestDatabase(
        backend,
        new DatabaseSettings("jdbc:postgresql://127.0.0.1:5432/" + name, "postgres", ""),
        null,
        name);
  }

  public DatabaseSettings settings() {
    return settings;
  }

  public Backend backend() {
    return backend;
  }

  @Override
  public void close() throws Exception {
    if (pgName != null) {
      try (Connection c = DriverManager.getConnection(POSTGRES_ADMIN_URL, "postgres", "");
          Statement st = c.createStatement()) {
        st.execute("DROP DATABASE IF EXISTS " + pgName + " WITH (FORCE)");
      }
    }
    if (h2Dir != null) {
      try (Stream<Path> files = Files.walk(h2Dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  public static boolean postgresDatabaseExists(String name) throws SQLException {
    try (Connection c = DriverManager.getConnection(POSTGRES_ADMIN_URL, "postgres", "");
        var ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      ps.setString(1, name);
      try (var rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  public String postgresName() {
    return pgName;
  }
}
