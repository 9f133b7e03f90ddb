package org.markwatch.portal.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.markwatch.detectors.DetectorConfig;
import org.markwatch.storage.Ruleset;
import org.markwatch.storage.rulesconsole.RulesetPublisher;

/**
 * The files a ruleset is made of, for the console. A stored ruleset ({@code ruleset_files}) holds
 * its rule files ({@code rules/*.yaml}) and the operators' own brand file ({@link #LOCAL_BRANDS});
 * the rest of the brand catalog comes from the conf directory. A ruleset the pipeline published
 * from the conf directory has no stored files: the console then starts from the conf directory.
 */
public final class RulesWorkspace {
  /** The brand file the brand editor and the CSV import write, versioned with the rules. */
  public static final String LOCAL_BRANDS = "brands/operators.yaml";

  static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

  private final Path confDir;
  private final RulesetPublisher publisher;

  public RulesWorkspace(Path confDir, RulesetPublisher publisher) {
    this.confDir = confDir;
    this.publisher = publisher;
  }

  public Path confDir() {
    return confDir;
  }

  /** Where the console starts: a version's stored files, or the conf directory's rules. */
  public record Base(String version, Map<String, String> files) {
    public boolean fromConf() {
      return version == null;
    }
  }

  /**
   * The files of {@code version}; with none given, those of the newest published ruleset that has
   * stored files, else the conf directory's.
   */
  public Base base(String version) {
    if (version != null && !version.isBlank()) {
      Map<String, String> files = publisher.files(version);
      if (files.isEmpty()) {
        throw new IllegalArgumentException("ruleset " + version + " has no stored files");
      }
      return new Base(version, files);
    }
    Optional<Ruleset> current = publisher.current();
    if (current.isPresent()) {
      Map<String, String> files = publisher.files(current.get().version());
      if (!files.isEmpty()) {
        return new Base(current.get().version(), files);
      }
    }
    return new Base(null, readDir("rules"));
  }

  /** The detector configuration of a ruleset's files: conf brands, then its own brand file. */
  public DetectorConfig config(Map<String, String> files) {
    Map<String, String> brands = readDir("brands");
    Map<String, String> rules = new TreeMap<>();
    files.forEach(
        (path, text) -> {
          if (path.startsWith("brands/")) {
            brands.put(path, text);
          } else {
            rules.put(path, text);
          }
        });
    return new DetectorConfig(brands, rules);
  }

  /**
   * The text files of one directory of the conf dir, keyed {@code sub/name} (README and hidden
   * files left out), as the pipeline reads them.
   */
  public Map<String, String> readDir(String sub) {
    Path dir = confDir.resolve(sub);
    Map<String, String> out = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      throw new UncheckedIOException(
          new IOException("configuration directory not found: " + dir.toAbsolutePath()));
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) files.sorted()::iterator) {
        String name = p.getFileName().toString();
        if (!Files.isRegularFile(p)
            || name.startsWith(".")
            || name.toUpperCase(java.util.Locale.ROOT).startsWith("README")) {
          continue;
        }
        if (Files.size(p) > MAX_FILE_BYTES) {
          throw new IOException(p + " is larger than " + MAX_FILE_BYTES + " bytes");
        }
        out.put(
            confDir.relativize(p).toString().replace('\\', '/'),
            Files.readString(p, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
    }
    return out;
  }
}
