package org.markwatch.app;

import java.nio.file.Path;
import java.util.Map;
import org.markwatch.storage.DatabaseSettings;

/**
 * Which database a command uses: {@code MARKWATCH_DB_URL} (with {@code _USER}, {@code _PASSWORD})
 * when set, else the embedded H2 file under the data directory. A URL markwatch cannot use is a
 * {@link CommandFailure} naming the variable, not a stack trace.
 */
public final class DatabaseChoice {
  private DatabaseChoice() {}

  public static DatabaseSettings fromEnvironment(Path dataDir) {
    return fromEnvironment(System.getenv(), dataDir);
  }

  static DatabaseSettings fromEnvironment(Map<String, String> env, Path dataDir) {
    try {
      return DatabaseSettings.fromEnvironment(
          env, dataDir.toAbsolutePath().normalize().resolve("db"));
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(
          DatabaseSettings.ENV_URL
              + " is not a database markwatch can use ("
              + e.getMessage()
              + "); set it to jdbc:postgresql://HOST:5432/DB, or unset it to use the embedded H2 database under "
              + dataDir,
          e);
    }
  }
}
