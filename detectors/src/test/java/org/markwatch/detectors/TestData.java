package org.markwatch.detectors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Listing;

/** Test helper: the repository's default conf and the shared data set. */
public final class TestData {
  private TestData() {}

  /** The repository's conf directory (tests run in the module directory). */
  public static Path confDir() {
    Path p = Path.of("..", "conf");
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException(
          "conf directory not found from " + Path.of("").toAbsolutePath());
    }
    return p;
  }

  public static Path shared() {
    return Path.of(System.getProperty("markwatch.shared", "../../shared"));
  }

  private static Detectors shared;

  /**
   * One {@link Detectors} of the default configuration for every test of the JVM: compiling the
   * core and retail catalog (about 10k queries) takes seconds, once is enough. Not to be closed.
   */
  public static synchronized Detectors defaultDetectors() {
    if (shared == null) {
      shared = Detectors.create(defaultConfig());
    }
    return shared;
  }

  /**
   * The default configuration without the retail brand list: for tests of machinery, not of the
   * catalog.
   */
  public static DetectorConfig coreConfig() {
    Map<String, String> brands = new TreeMap<>(read(confDir(), "brands"));
    brands.remove("brands/retail.yaml");
    return new DetectorConfig(brands, read(confDir(), "rules"));
  }

  public static DetectorConfig defaultConfig() {
    return new DetectorConfig(read(confDir(), "brands"), read(confDir(), "rules"));
  }

  static Map<String, String> read(Path conf, String sub) {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(conf.resolve(sub))) {
      for (Path p : files.sorted().toList()) {
        if (p.toString().endsWith(".yaml")) {
          out.put(sub + "/" + p.getFileName(), Files.readString(p, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  public static List<Listing> devListings() {
    List<Listing> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(shared().resolve("data/dev-listings.jsonl"))) {
        if (!line.isBlank()) {
          out.add(JsonCodec.decodeListing(line).value());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
