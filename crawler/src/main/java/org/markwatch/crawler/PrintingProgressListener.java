package org.markwatch.crawler;

import java.io.PrintStream;
import java.util.List;
import org.markwatch.crawler.source.Source;

/**
 * Prints crawl progress as plain lines, for the command line: notices at once, one line per source
 * every {@code every} pages, and a line when a source is done.
 */
public final class PrintingProgressListener implements ProgressListener {
  private final PrintStream out;
  private final int every;

  /**
   * @param every print a progress line every this many pages of a source (default for the CLI: 25)
   */
  public PrintingProgressListener(PrintStream out, int every) {
    if (every < 1) {
      throw new IllegalArgumentException("every must be >= 1: " + every);
    }
    this.out = out;
    this.every = every;
  }

  @Override
  public void runStarted(String crawlRunId, List<Source> sources) {
    out.println("crawl " + crawlRunId + ": " + sources.size() + " source(s)");
  }

  @Override
  public void notice(String message) {
    out.println("  ! " + message);
  }

  @Override
  public void pageDone(PageEvent e) {
    if (e.pagesDone() % every == 0) {
      out.printf(
          "  %s: %d pages (budget %d), last %s %s%n",
          e.sourceId(), e.pagesDone(), e.maxPages(), e.outcome(), e.url());
    }
  }

  @Override
  public void sourceDone(SourceReport r) {
    if (r.skipped() != null) {
      out.printf("  %s: skipped: %s%n", r.sourceId(), r.skipped());
      return;
    }
    out.printf(
        "  %s: %d pages fetched, %d failed, %d blocked by robots.txt, %d listings in %.1f s%n",
        r.sourceId(),
        r.pagesFetched(),
        r.pagesFailed(),
        r.blockedByRobots(),
        r.listingsEmitted(),
        r.elapsedMs() / 1000.0);
  }
}
