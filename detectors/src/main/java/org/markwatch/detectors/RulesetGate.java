package org.markwatch.detectors;

import java.util.ArrayList;
import java.util.List;
import org.markwatch.detectors.config.ConfigException;

/**
 * Decides whether a new configuration may replace the running one: it must compile and every rule's
 * examples must pass. A caller (the pipeline, the portal's rules console) keeps its current {@link
 * Detectors} when {@link #problems} is not empty, so the last good ruleset keeps running.
 */
public final class RulesetGate {
  private RulesetGate() {}

  /**
   * The outcome of {@link #admit}: the compiled detectors when the candidate may be deployed (the
   * caller owns and closes them), else null and every reason to refuse it.
   */
  public record Admission(Detectors detectors, List<String> problems) {
    public boolean admitted() {
      return detectors != null;
    }
  }

  /** Every reason to refuse {@code candidate}; empty when it may be deployed. */
  public static List<String> problems(DetectorConfig candidate) {
    Admission a = admit(candidate);
    if (a.admitted()) {
      a.detectors().close();
    }
    return a.problems();
  }

  /**
   * Compiles {@code candidate} and runs its examples once, so a caller that deploys it need not
   * compile it a second time. A {@link ConfigException} (file:line:column) or a failing example
   * refuses it.
   */
  public static Admission admit(DetectorConfig candidate) {
    Detectors d;
    try {
      d = Detectors.create(candidate);
    } catch (ConfigException e) {
      return new Admission(null, List.of(e.getMessage()));
    }
    List<String> out = new ArrayList<>();
    boolean handedOver = false;
    try {
      for (ExampleRunner.Failure f : ExampleRunner.run(d).failures()) {
        out.add(f.toString());
      }
      handedOver = out.isEmpty();
      return handedOver ? new Admission(d, List.of()) : new Admission(null, out);
    } finally {
      // whatever ends the examples (a refusal, an exception, a StackOverflowError from a rule's
      // regex on a long example) closes what the caller will not get: its matcher thread is not a
      // daemon
      if (!handedOver) {
        d.close();
      }
    }
  }
}
