package org.markwatch.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The configuration the pipeline tests run with: the repository's default {@code conf/} without
 * the retail brand catalog ({@code brands/retail.yaml}, about 4,800 shop brands). The job's
 * behaviour (exactly once, dead letters, reloads, rescoring) does not depend on how many brands
 * there are, while compiling that catalog costs about 20 s per {@code Detectors}, and a job builds
 * one per scoring task. The detectors module tests the full default catalog; start-up with it is
 * measured by {@code markwatch bench score}.
 */
final class TestConf {
  /** The repository's default configuration: the module dir's parent is the repo root. */
  static final Path REPOSITORY_CONF =
      Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent().resolve("conf");

  private static Path withoutRetail;

  private TestConf() {}

  /** A copy of the default configuration without the retail catalog, made once per JVM. */
  static synchronized Path withoutRetailCatalog() {
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
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return withoutRetail;
  }
}
