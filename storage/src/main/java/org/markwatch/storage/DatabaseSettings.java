package org.markwatch.storage;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where the central database is and how to log in. Serializable so the Flink job can ship it to its
 * writers, which open their own connections.
 *
 * <p>The embedded default is an H2 file database ({@link #h2File(Path)}); production points {@code
 * MARKWATCH_DB_URL} at PostgreSQL. Credentials come from the environment, never from the
 * repository.
 *
 * @param url JDBC URL, {@code jdbc:h2:file:/abs/path/name;...} or {@code
 *     jdbc:postgresql://host:5432/db}
 * @param user user name; for H2 the user the file was created with (default {@code sa})
 * @param password password, empty for none
 * @param maxConnections connections the pool keeps at most (default {@value
 *     #DEFAULT_MAX_CONNECTIONS})
 */
public record DatabaseSettings(String url, String user, String password, int maxConnections)
    implements Serializable {

  public static final String ENV_URL = "MARKWATCH_DB_URL";
  public static final String ENV_USER = "MARKWATCH_DB_USER";
  public static final String ENV_PASSWORD = "MARKWATCH_DB_PASSWORD";
  public static final int DEFAULT_MAX_CONNECTIONS = 8;

  /**
   * Flags of the embedded H2 URL: PostgreSQL mode so the migrations and queries are the same SQL on
   * both, identifiers folded to lower case as PostgreSQL does, and NULLs sorted last in ascending
   * order as PostgreSQL does. {@code WRITE_DELAY=0}: a commit is written to the file before it
   * returns; H2's default (500 ms) loses the last commits when the process is killed ({@code
   * CrashMidBatchIT} found it).
   */
  public static final String H2_FLAGS =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";

  public DatabaseSettings {
    Objects.requireNonNull(url, "url");
    if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "unsupported database URL (expected jdbc:h2:file:/absolute/path... or jdbc:postgresql://...): "
              + url);
    }
    if (url.startsWith("jdbc:h2:file:")) {
      String path = url.substring("jdbc:h2:file:".length()).split(";", 2)[0];
      if (!Path.of(path).isAbsolute()) {
        throw new IllegalArgumentException("H2 needs an absolute database path, got: " + path);
      }
    }
    user = user == null ? "" : user;
    password = password == null ? "" : password;
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be >= 1, got " + maxConnections);
    }
  }

  public DatabaseSettings(String url, String user, String password) {
    this(url, user, password, DEFAULT_MAX_CONNECTIONS);
  }

  /** The embedded H2 database {@code <dir>/markwatch.mv.db}, user {@code sa}, no password. */
  public static DatabaseSettings h2File(Path dir) {
    return new DatabaseSettings(h2FileUrl(dir), "sa", "");
  }

  /** {@code jdbc:h2:file:<absolute dir>/markwatch} plus {@link #H2_FLAGS}. */
  public static String h2FileUrl(Path dir) {
    return "jdbc:h2:file:" + dir.toAbsolutePath().normalize().resolve("markwatch") + H2_FLAGS;
  }

  /**
   * Settings from {@code MARKWATCH_DB_URL}, {@code MARKWATCH_DB_USER} and {@code
   * MARKWATCH_DB_PASSWORD}; without a URL, the embedded H2 file under {@code defaultDir}.
   */
  public static DatabaseSettings fromEnvironment(Map<String, String> env, Path defaultDir) {
    String url = env.get(ENV_URL);
    if (url == null || url.isBlank()) {
      DatabaseSettings h2 = h2File(defaultDir);
      return new DatabaseSettings(
          h2.url(),
          env.getOrDefault(ENV_USER, h2.user()),
          env.getOrDefault(ENV_PASSWORD, h2.password()));
    }
    return new DatabaseSettings(url.strip(), env.get(ENV_USER), env.get(ENV_PASSWORD));
  }

  public boolean isPostgres() {
    return url.startsWith("jdbc:postgresql:");
  }

  public DatabaseSettings withMaxConnections(int n) {
    return new DatabaseSettings(url, user, password, n);
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "DatabaseSettings[url="
        + url
        + ", user="
        + user
        + ", password="
        + (password.isEmpty() ? "" : "***")
        + ", maxConnections="
        + maxConnections
        + "]";
  }
}
