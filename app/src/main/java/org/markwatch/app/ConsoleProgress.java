package org.markwatch.app;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Shows long work on stderr. On a terminal one line is redrawn in place; in a log or CI (no
 * console) a line is printed at most every few seconds, so the output stays readable either way.
 */
final class ConsoleProgress {
  private static final long LOG_INTERVAL_NANOS = Duration.ofSeconds(3).toNanos();

  private final PrintStream out;
  private final boolean interactive;
  private final long started = System.nanoTime();
  private long lastPrinted;
  private int lastLength;

  ConsoleProgress(PrintStream out, boolean interactive) {
    this.out = out;
    this.interactive = interactive;
  }

  static ConsoleProgress stderr() {
    return new ConsoleProgress(System.err, System.console() != null && System.getenv("CI") == null);
  }

  /** Reports {@code done} of {@code total} (total <= 0 when unknown) for a stage. */
  synchronized void update(String stage, long done, long total, String detail) {
    long now = System.nanoTime();
    if (!interactive && now - lastPrinted < LOG_INTERVAL_NANOS) {
      return;
    }
    lastPrinted = now;
    String line = String.format(Locale.ROOT, "%-8s %s%s  %s  [%s]", stage, done,
        total > 0 ? "/" + total : "", detail == null ? "" : detail, elapsed());
    if (interactive) {
      out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
      lastLength = line.length();
    } else {
      out.println(line);
    }
    out.flush();
  }

  /** Ends the current stage with a final line. */
  synchronized void done(String stage, String summary) {
    if (interactive && lastLength > 0) {
      out.print("\r" + " ".repeat(lastLength) + "\r");
    }
    lastLength = 0;
    lastPrinted = 0;
    out.println(String.format(Locale.ROOT, "%-8s %s  [%s]", stage, summary, elapsed()));
    out.flush();
  }

  private String elapsed() {
    Duration d = Duration.ofNanos(System.nanoTime() - started);
    return String.format(Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
  }
}
