package org.markwatch.detectors;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The detectors' configuration as plain text: brand catalog files and rule files, each keyed by its
 * file name (relative to the conf directory, e.g. {@code brands/core.yaml}, {@code
 * rules/counterfeit.yaml}). The caller reads the files; the detectors never do I/O, so the same
 * value scores in Flink, in a backtest and in a unit test. Serializable so Flink can ship it.
 */
public record DetectorConfig(Map<String, String> brandFiles, Map<String, String> ruleFiles)
    implements Serializable {
  public DetectorConfig {
    brandFiles = new TreeMap<>(brandFiles);
    ruleFiles = new TreeMap<>(ruleFiles);
  }

  /**
   * SHA-256 (hex) of every file name and content, in name order: equal exactly when the files are.
   * The ruleset version ({@link Detectors#rulesetVersion()}) is its prefix, and a watcher of the
   * conf directory compares it to notice a change.
   */
  public String sha256() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Map<String, String> files : List.of(brandFiles, ruleFiles)) {
        for (var e : files.entrySet()) {
          md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
          md.update((byte) 0);
          md.update(e.getValue().getBytes(StandardCharsets.UTF_8));
          md.update((byte) 0);
        }
        md.update((byte) 1);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
