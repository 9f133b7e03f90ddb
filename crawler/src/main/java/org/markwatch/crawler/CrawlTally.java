package org.markwatch.crawler;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of one run's pages as they are handled: per outcome ({@code OK}, {@code REDIRECT}, {@code
 * RETRY}, {@code HTTP_ERROR}, ...) and errors by class ({@code HTTP 404}, {@code TIMEOUT}, ...).
 * Thread-safe; wrap the caller's listener with {@link #listener} to fill it.
 */
public final class CrawlTally {
  private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final LongAdder pages = new LongAdder();
  private final LongAdder listings = new LongAdder();

  /** Records one handled page. */
  public void add(ProgressListener.PageEvent e) {
    pages.increment();
    listings.add(e.listings());
    outcomes.computeIfAbsent(e.outcome(), k -> new LongAdder()).increment();
    String error = errorClass(e.outcome(), e.status());
    if (error != null) {
      errors.computeIfAbsent(error, k -> new LongAdder()).increment();
    }
  }

  /**
   * The error class of a page outcome, or null when it is no error: {@code HTTP 503} for an HTTP
   * error (a retried one included, so a flaky host shows), the outcome name for the others.
   */
  static String errorClass(String outcome, int status) {
    return switch (outcome) {
      case "OK", "REDIRECT" -> null;
      case "HTTP_ERROR", "RETRY" -> status > 0 ? "HTTP " + status : outcome;
      default -> outcome;
    };
  }

  public long pages() {
    return pages.sum();
  }

  public long listings() {
    return listings.sum();
  }

  public long errors() {
    return errors.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** Pages per outcome, sorted by name. */
  public Map<String, Long> byOutcome() {
    return snapshot(outcomes);
  }

  /** Errors per class, sorted by name. */
  public Map<String, Long> errorsByClass() {
    return snapshot(errors);
  }

  /** A listener that counts into this tally, then forwards to {@code next}. */
  public ProgressListener listener(ProgressListener next) {
    return new ProgressListener() {
      @Override
      public void runStarted(String id, java.util.List<org.markwatch.crawler.source.Source> s) {
        next.runStarted(id, s);
      }

      @Override
      public void notice(String message) {
        next.notice(message);
      }

      @Override
      public void pageDone(PageEvent event) {
        add(event);
        next.pageDone(event);
      }

      @Override
      public void sourceDone(SourceReport report) {
        next.sourceDone(report);
      }
    };
  }

  private static Map<String, Long> snapshot(Map<String, LongAdder> m) {
    Map<String, Long> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
