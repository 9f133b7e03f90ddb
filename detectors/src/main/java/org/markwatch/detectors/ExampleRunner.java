package org.markwatch.detectors;

import java.util.ArrayList;
import java.util.List;
import org.markwatch.detectors.rules.ExampleListing;
import org.markwatch.detectors.rules.Rule;
import org.markwatch.model.Listing;
import org.markwatch.model.Scored;

/**
 * Runs every rule's embedded examples: each "fire" example must fire the rule, each "quiet" one
 * must not.
 */
public final class ExampleRunner {
  private ExampleRunner() {}

  /** One example that went the wrong way. */
  public record Failure(String rule, String file, boolean shouldFire, String title) {
    @Override
    public String toString() {
      return file
          + ": rule "
          + rule
          + (shouldFire ? " did not fire on " : " fired on ")
          + "\""
          + title
          + "\"";
    }
  }

  /** Counts and failures of a run. */
  public record Result(int examples, List<Failure> failures) {
    public boolean ok() {
      return failures.isEmpty();
    }
  }

  public static Result run(Detectors detectors) {
    List<Failure> failures = new ArrayList<>();
    int n = 0;
    for (Rule r : detectors.rules()) {
      int i = 0;
      for (boolean fire : new boolean[] {true, false}) {
        for (ExampleListing ex : fire ? r.examples().fire() : r.examples().quiet()) {
          n++;
          Listing l = ex.toListing(r.id() + ":" + (i++));
          Scored s = detectors.score(l);
          boolean fired = s.signals().stream().anyMatch(sig -> sig.rule().equals(r.id()));
          if (fired != fire) {
            failures.add(new Failure(r.id(), r.file(), fire, ex.title()));
          }
        }
      }
    }
    return new Result(n, failures);
  }
}
