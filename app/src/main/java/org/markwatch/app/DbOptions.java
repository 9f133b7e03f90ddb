package org.markwatch.app;

import java.nio.file.Path;
import org.markwatch.storage.DatabaseSettings;
import picocli.CommandLine.Option;

/**
 * Where the database is: MARKWATCH_DB_URL (and _USER, _PASSWORD), else the embedded H2 file under
 * --data.
 */
final class DbOptions {
  @Option(
      names = "--data",
      description = "Data directory of the embedded database (default: ${DEFAULT-VALUE}).",
      defaultValue = "./markwatch-data")
  Path data;

  DatabaseSettings settings() {
    return DatabaseSettings.fromEnvironment(
        System.getenv(), data.toAbsolutePath().normalize().resolve("db"));
  }

  /** Who the audit log names for a command run from a shell. */
  static String actor() {
    return "cli:" + System.getProperty("user.name", "unknown");
  }
}
