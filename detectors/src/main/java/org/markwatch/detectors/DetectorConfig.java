package org.markwatch.detectors;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * The detectors' configuration as plain text: brand catalog files and rule files, each keyed by
 * its file name (relative to the conf directory, e.g. {@code brands/core.yaml},
 * {@code rules/counterfeit.yaml}). The caller reads the files; the detectors never do I/O, so the
 * same value scores in Flink, in a backtest and in a unit test. Serializable so Flink can ship it.
 */
public record DetectorConfig(Map<String, String> brandFiles, Map<String, String> ruleFiles)
    implements Serializable {
  public DetectorConfig {
    brandFiles = new TreeMap<>(brandFiles);
    ruleFiles = new TreeMap<>(ruleFiles);
  }
}
