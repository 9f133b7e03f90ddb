package org.markwatch.app;

import java.nio.file.Path;

/**
 * Where the shared data sets live: the system property {@code markwatch.shared}, else {@code
 * ../shared} beside the repository that holds the conf directory.
 */
final class SharedData {
  private SharedData() {}

  static Path dir(Path confDir) {
    String p = System.getProperty("markwatch.shared");
    if (p != null && !p.isBlank()) {
      return Path.of(p);
    }
    Path repo = confDir.toAbsolutePath().normalize().getParent();
    return repo.resolveSibling("shared");
  }
}
