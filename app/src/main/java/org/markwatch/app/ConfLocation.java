package org.markwatch.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.markwatch.detectors.DetectorConfig;
import org.markwatch.pipeline.DetectorConfFiles;

/**
 * Where the default configuration lives: {@code --conf DIR} when given, else
 * {@code ${markwatch.home}/conf} when the system property is set, else {@code ./conf}.
 */
public final class ConfLocation {
  private ConfLocation() {}

  public static Path confDir(Path option) {
    if (option != null) {
      return option;
    }
    String home = System.getProperty("markwatch.home");
    return home != null && !home.isBlank() ? Path.of(home, "conf") : Path.of("conf");
  }

  /**
   * The detector configuration of {@code conf}, with the rules replaced by the files of
   * {@code rulesDir} and the brand catalog by {@code brandsFile} (product types still come from
   * the conf directory) when those are given.
   */
  public static DetectorConfig detectorConfig(Path conf, Path rulesDir, Path brandsFile) {
    Map<String, String> brands;
    if (brandsFile != null) {
      brands = new TreeMap<>();
      Path types = conf.resolve("brands/product-types.yaml");
      if (types.toFile().isFile()) {
        brands.put("brands/product-types.yaml", DetectorConfFiles.readFile(types));
      }
      brands.put("brands/" + brandsFile.getFileName(), DetectorConfFiles.readFile(brandsFile));
    } else {
      brands = DetectorConfFiles.readDir(conf, "brands");
    }
    Map<String, String> rules;
    if (rulesDir != null) {
      rules = new TreeMap<>();
      Path parent = rulesDir.toAbsolutePath().getParent();
      DetectorConfFiles.readDir(parent, rulesDir.toAbsolutePath().getFileName().toString())
          .forEach((k, v) -> rules.put("rules/" + k.substring(k.indexOf('/') + 1), v));
    } else {
      rules = DetectorConfFiles.readDir(conf, "rules");
    }
    return new DetectorConfig(brands, rules);
  }
}
