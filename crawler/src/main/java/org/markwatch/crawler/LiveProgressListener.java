package org.markwatch.crawler;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.markwatch.crawler.source.Source;

/**
 * Progress of a whole run for a terminal: one line rewritten in place (carriage return) at most
 * every {@code intervalMs}, with pages done, pages/s, an ETA from the page budgets and errors.
 * Notices and finished sources are printed on lines of their own. When the output is not a terminal
 * (a log file, a pipe), use {@link PrintingProgressListener} instead: plain lines.
 *
 * <p>The ETA assumes every source uses its whole page budget ({@code maxPages}); a site with fewer
 * pages ends early, so it is an upper bound.
 */
public final class LiveProgressListener implements ProgressListener {
  private final PrintStream out;
  private final CrawlTally tally;
  private final long intervalMs;
  private final LongSupplier clockMs;
  private final AtomicLong lastPrint = new AtomicLong(Long.MIN_VALUE);
  private volatile long startMs;
  private volatile long budget;

  /**
   * @param tally the run's tally (filled by {@link CrawlTally#listener}, which must wrap this one)
   * @param clockMs a monotonic millisecond clock (tests pass their own)
   */
  public LiveProgressListener(
      PrintStream out, CrawlTally tally, long intervalMs, LongSupplier clockMs) {
    this.out = out;
    this.tally = tally;
    this.intervalMs = intervalMs;
    this.clockMs = clockMs;
  }

  public LiveProgressListener(PrintStream out, CrawlTally tally) {
    this(out, tally, 250, () -> System.nanoTime() / 1_000_000);
  }

  @Override
  public synchronized void runStarted(String crawlRunId, List<Source> sources) {
    startMs = clockMs.getAsLong();
    budget = sources.stream().mapToLong(Source::maxPages).sum();
    out.println(
        "crawl " + crawlRunId + ": " + sources.size() + " source(s), at most " + budget + " pages");
  }

  @Override
  public synchronized void notice(String message) {
    out.print("\r\033[K");
    out.println("  ! " + message);
  }

  @Override
  public void pageDone(PageEvent e) {
    long now = clockMs.getAsLong();
    long last = lastPrint.get();
    // the sentinel is compared, not subtracted: now - Long.MIN_VALUE overflows
    if ((last == Long.MIN_VALUE || now - last >= intervalMs)
        && lastPrint.compareAndSet(last, now)) {
      synchronized (this) {
        out.print("\r\033[K" + line(now));
        out.flush();
      }
    }
  }

  @Override
  public synchronized void sourceDone(SourceReport r) {
    out.print("\r\033[K");
    if (r.skipped() != null) {
      out.printf("  %s: skipped: %s%n", r.sourceId(), r.skipped());
    } else {
      out.printf(
          Locale.ROOT,
          "  %s: %d pages fetched, %d failed, %d listings in %.1f s%n",
          r.sourceId(),
          r.pagesFetched(),
          r.pagesFailed(),
          r.listingsEmitted(),
          r.elapsedMs() / 1000.0);
    }
  }

  /** The status line: pages, rate, ETA, errors. */
  String line(long nowMs) {
    long pages = tally.pages();
    double seconds = Math.max(0.001, (nowMs - startMs) / 1000.0);
    double rate = pages / seconds;
    String eta = rate <= 0 || budget <= pages ? "--" : duration((long) ((budget - pages) / rate));
    return String.format(
        Locale.ROOT,
        "  %d pages, %.1f pages/s, ETA <= %s, %d listings, %d errors",
        pages,
        rate,
        eta,
        tally.listings(),
        tally.errors());
  }

  static String duration(long seconds) {
    return seconds >= 3600
        ? String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60)
        : String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
  }
}
