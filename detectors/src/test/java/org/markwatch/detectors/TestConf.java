package org.markwatch.detectors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The configuration other modules' tests (pipeline jobs, app commands) run with: the repository's
 * default {@code conf/} without the retail brand catalog ({@code brands/retail.yaml}, about 4,800
 * shop brands). What those tests check (exactly once, dead letters, reloads, exit codes, files
 * written) does not depend on how many brands there are, while compiling that catalog costs about
 * 20 s per {@code Detectors}, and a pipeline job builds one per scoring task. This module's own
 * tests use the full default catalog; start-up with it is measured by {@code markwatch bench
 * score}.
 */
public final class TestConf {
  /** The repository's default configuration: the module dir's parent is the repo root. */
  public static final Path REPOSITORY_CONF =
      Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent().resolve("conf");

  private static Path withoutRetail;

  private TestConf() {}

  /** A copy of the default configuration without the retail catalog, made once per JVM. */
  public static synchronized Path withoutRetailCatalog() {
    if (withoutRetail == null) {
      try {
        Path copy = Files.createTempDirectory("markwatch-conf-");
        try (Stream<Path> files = Files.walk(REPOSITORY_CONF)) {
          for (Path source : (Iterable<Path>) files::iterator) {
            Path relative = REPOSITORY_CONF.relativize(source);
            if (relative.toString().replace('\\', '/').equals("brands/retail.yaml")) {
              continue;
            }
            Path target = copy.resolve(relative.toString());
            if (Files.isDirectory(source)) {
              Files.createDirectories(target);
            } else {
              Files.copy(source, target);
            }
          }
        }
        withoutRetail = copy;
        Runtime.getRuntime()
            .addShutdownHook(new Thread(() -> deleteQuietly(copy), "markwatch-test-conf-cleanup"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return withoutRetail;
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a scratch copy in the temporary directory: nothing to report at exit
    }
  }
}
