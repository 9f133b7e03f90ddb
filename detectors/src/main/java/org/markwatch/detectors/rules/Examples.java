package org.markwatch.detectors.rules;

import java.util.List;

/** Listings the rule must fire on and must stay quiet on; checked by {@code rules test}. */
public record Examples(List<ExampleListing> fire, List<ExampleListing> quiet) {
  public Examples {
    fire = fire == null ? List.of() : fire;
    quiet = quiet == null ? List.of() : quiet;
  }
}
