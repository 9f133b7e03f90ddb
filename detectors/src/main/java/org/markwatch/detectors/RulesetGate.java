package org.markwatch.detectors;

import java.util.ArrayList;
import java.util.List;
import org.markwatch.detectors.rules.ExampleRunner;

/**
 * Decides whether a new configuration may replace the running one: it must compile and every
 * rule's examples must pass. A caller (the pipeline, the portal's rules console) keeps its
 * current {@link Detectors} when {@link #problems} is not empty, so the last good ruleset keeps
 * running.
 */
public final class RulesetGate {
  private RulesetGate() {}

  /** Every reason to refuse {@code candidate}; empty when it may be deployed. */
  public static List<String> problems(DetectorConfig candidate) {
    List<String> out = new ArrayList<>();
    try (Detectors d = Detectors.create(candidate)) {
      for (ExampleRunner.Failure f : ExampleRunner.run(d).failures()) {
        out.add(f.toString());
      }
    } catch (ConfigException e) {
      out.add(e.getMessage());
    }
    return out;
  }
}
