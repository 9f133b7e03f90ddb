package org.markwatch.model.progress;

import java.io.Console;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Progress of one long step, for people watching a console. Nothing is printed for a step that ends
 * within {@link #QUIET_NANOS} (2 s). After that, on a terminal one line is rewritten in place
 * (count, rate, percentage and ETA when the total is known), at most five times a second; when the
 * output is a file or a pipe, a plain line every {@link #LINE_INTERVAL_NANOS} (5 s), so logs stay
 * readable. {@link #close()} ends with one summary line, if anything was shown.
 *
 * <p>Counted work calls {@link #advance(long)} from any thread; work that cannot be counted (a
 * Flink job, compiling a ruleset) uses {@link #ticking}, whose daemon thread shows the elapsed
 * time. Plain JDK on purpose: every module may use it, none needs Spring or a terminal library.
 */
public final class Progress implements AutoCloseable {
  /** How the output is shown. */
  public enum Style {
    /** One line, rewritten in place with a carriage return. */
    TERMINAL,
    /** A new line every few seconds (files, pipes, CI logs). */
    LINES
  }

  public static final long QUIET_NANOS = 2_000_000_000L;
  public static final long LINE_INTERVAL_NANOS = 5_000_000_000L;
  static final long TERMINAL_INTERVAL_NANOS = 200_000_000L;

  private final String label;
  private final long total;
  private final String unit;
  private final PrintStream out;
  private final Style style;
  private final LongSupplier nanoClock;
  private final long started;
  private final AtomicLong done = new AtomicLong();
  private long nextReport;
  private boolean shown;
  private int lastWidth;
  private boolean closed;
  private Thread ticker;

  /**
   * @param label what is being done, e.g. {@code "score"}
   * @param total units of work in all, or a negative number when not known
   * @param unit what is counted, plural, e.g. {@code "listings"}
   */
  public Progress(
      String label, long total, String unit, PrintStream out, Style style, LongSupplier nanoClock) {
    this.label = label;
    this.total = total;
    this.unit = unit;
    this.out = out;
    this.style = style;
    this.nanoClock = nanoClock;
    this.started = nanoClock.getAsLong();
    this.nextReport = started + QUIET_NANOS;
  }

  /** Counted progress on standard error, in the style that suits it. */
  public static Progress onConsole(String label, long total, String unit) {
    return new Progress(label, total, unit, System.err, consoleStyle(), System::nanoTime);
  }

  /**
   * Uncounted progress on standard error: a daemon thread shows the elapsed time until {@link
   * #close()}.
   */
  public static Progress ticking(String label) {
    Progress p = onConsole(label, -1, null);
    p.ticker =
        Thread.ofPlatform()
            .daemon()
            .name("progress-" + label)
            .start(
                () -> {
                  try {
                    while (!Thread.currentThread().isInterrupted()) {
                      Thread.sleep(TERMINAL_INTERVAL_NANOS / 1_000_000);
                      p.report();
                    }
                  } catch (InterruptedException e) {
                    // closed
                  }
                });
    return p;
  }

  /** {@link Style#TERMINAL} when standard error goes to a terminal, else {@link Style#LINES}. */
  public static Style consoleStyle() {
    Console console = System.console();
    if (console == null) {
      return Style.LINES;
    }
    try {
      // JDK 22+ returns a Console even when redirected; isTerminal() tells.
      Object terminal = Console.class.getMethod("isTerminal").invoke(console);
      return Boolean.TRUE.equals(terminal) ? Style.TERMINAL : Style.LINES;
    } catch (ReflectiveOperationException e) {
      return Style.TERMINAL; // JDK 21: a console exists only for a terminal
    }
  }

  /** Adds {@code n} units of work done; cheap enough to call per item. */
  public void advance(long n) {
    done.addAndGet(n);
    report();
  }

  /** Units done so far. */
  public long done() {
    return done.get();
  }

  /** Prints a line if it is time to. */
  public synchronized void report() {
    if (closed) {
      return;
    }
    long now = nanoClock.getAsLong();
    if (now < nextReport) {
      return;
    }
    nextReport = now + (style == Style.TERMINAL ? TERMINAL_INTERVAL_NANOS : LINE_INTERVAL_NANOS);
    print(line(now, false), false);
  }

  /** Stops showing progress; prints the summary line if any progress was shown. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (ticker != null) {
      ticker.interrupt();
    }
    if (shown) {
      print(line(nanoClock.getAsLong(), true), true);
    }
  }

  /** The text of one progress line at {@code now}. */
  String line(long now, boolean finished) {
    double seconds = Math.max(1e-9, (now - started) / 1e9);
    long n = done.get();
    StringBuilder b = new StringBuilder(label).append(": ");
    if (unit == null) {
      b.append(finished ? "done in " : "working, ").append(duration(seconds));
      return b.toString();
    }
    b.append(String.format(Locale.ROOT, "%,d", n));
    if (total >= 0) {
      b.append(String.format(Locale.ROOT, " of %,d", total));
    }
    b.append(' ').append(unit);
    if (finished) {
      b.append(" in ").append(duration(seconds));
    }
    double rate = n / seconds;
    b.append(String.format(Locale.ROOT, ", %,.0f/s", rate));
    if (!finished && total > 0) {
      b.append(String.format(Locale.ROOT, ", %d%%", Math.min(100, n * 100 / total)));
      if (n > 0 && n < total) {
        b.append(", ETA ").append(duration((total - n) / rate));
      }
    }
    if (!finished && total < 0) {
      b.append(", ").append(duration(seconds));
    }
    return b.toString();
  }

  private void print(String line, boolean last) {
    if (style == Style.TERMINAL) {
      String padded =
          line.length() < lastWidth ? line + " ".repeat(lastWidth - line.length()) : line;
      out.print("\r" + padded + (last ? System.lineSeparator() : ""));
      lastWidth = line.length();
    } else {
      out.println(line);
    }
    out.flush();
    shown = true;
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (seconds < 10) {
      return String.format(Locale.ROOT, "%.1f s", seconds);
    }
    if (s < 120) {
      return s + " s";
    }
    return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
  }
}
