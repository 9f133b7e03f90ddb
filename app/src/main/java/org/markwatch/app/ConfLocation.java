package org.markwatch.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.markwatch.detectors.DetectorConfig;
import org.markwatch.pipeline.DetectorConfFiles;

/**
 * Where the default configuration lives: {@code --conf DIR} when given, else {@code
 * ${markwatch.home}/conf} when the system property is set, else {@code ./conf}.
 */
public final class ConfLocation {
  private ConfLocation() {}

  /**
   * The configuration directory.
   *
   * @throws CommandFailure when it does not exist, naming where it was looked for and how to give
   *     it
   */
  public static Path confDir(Path option) {
    Path dir;
    String how;
    String home = System.getProperty("markwatch.home");
    if (option != null) {
      dir = option;
      how = "given with --conf";
    } else if (home != null && !home.isBlank()) {
      dir = Path.of(home, "conf");
      how = "of the installation";
    } else {
      dir = Path.of("conf");
      how = "in the working directory (the default without --conf)";
    }
    if (!Files.isDirectory(dir)) {
      throw new CommandFailure(
          "configuration directory "
              + dir.toAbsolutePath().normalize()
              + " "
              + how
              + " does not exist; give the conf directory of a markwatch checkout with --conf DIR");
    }
    return dir;
  }

  /**
   * The detector configuration of {@code conf}, with the rules replaced by the files of {@code
   * rulesDir} and the brand catalog by {@code brandsFile} (product types still come from the conf
   * directory) when those are given.
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
