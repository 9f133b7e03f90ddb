package org.markwatch.detectors;

import org.markwatch.model.Listing;
import org.markwatch.model.Scored;

/**
 * Entry point of the detectors: brand matching, rules and scoring. Build once per configuration
 * (it compiles the brand queries and rules), then call {@link #score} from one thread per
 * instance.
 */
public final class Detectors {
  private Detectors() {}

  /** Compiles a configuration; a bad file fails here with its name, line and column. */
  public static Detectors create(DetectorConfig config) {
    throw new UnsupportedOperationException("being built (issue 4)");
  }

  /** The verdict on one listing; deterministic for the same listing and configuration. */
  public Scored score(Listing listing) {
    throw new UnsupportedOperationException("being built (issue 4)");
  }

  /** Content hash identifying the exact brand catalog and ruleset. */
  public String rulesetVersion() {
    throw new UnsupportedOperationException("being built (issue 4)");
  }
}
