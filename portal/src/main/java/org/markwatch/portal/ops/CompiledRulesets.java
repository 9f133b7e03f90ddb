package org.markwatch.portal.ops;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.markwatch.detectors.Detectors;

/**
 * The last few rulesets the console compiled, by version, so checking a draft, backtesting it and
 * publishing it compile it once (compiling the brand catalog is the slow part). A Detectors is used
 * by one thread at a time: the check hands it over, then only the jobs thread uses it; an evicted
 * one is closed on the jobs thread, after the job that may still be using it.
 */
final class CompiledRulesets {
  static final int KEEP = 2;

  private final OpsJobs jobs;
  private final Map<String, Detectors> byVersion = new LinkedHashMap<>(4, 0.75f, true);

  CompiledRulesets(OpsJobs jobs) {
    this.jobs = jobs;
  }

  /** Keeps {@code detectors} (compiled from the files of {@code version}). */
  synchronized void put(String version, Detectors detectors) {
    Detectors old = byVersion.put(version, detectors);
    if (old != null && old != detectors) {
      jobs.later(old::close);
    }
    Iterator<Map.Entry<String, Detectors>> it = byVersion.entrySet().iterator();
    while (byVersion.size() > KEEP && it.hasNext()) {
      Detectors evicted = it.next().getValue();
      it.remove();
      jobs.later(evicted::close);
    }
  }

  /** The compiled ruleset of {@code version}, compiled now (and kept) when it is not kept. */
  Detectors get(String version, Supplier<Detectors> compile) {
    synchronized (this) {
      Detectors d = byVersion.get(version);
      if (d != null) {
        return d;
      }
    }
    Detectors d = compile.get();
    put(version, d);
    return d;
  }
}
