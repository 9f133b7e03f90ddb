package org.markwatch.model.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.markwatch.model.progress.Progress.Style;

class ProgressTest {
  static final long S = 1_000_000_000L;

  final AtomicLong clock = new AtomicLong(1000 * S);
  final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aStepShorterThanTwoSecondsPrintsNothing() {
    try (Progress p = new Progress("rules check", 100, "rules", out, Style.LINES, clock::get)) {
      clock.addAndGet(S);
      p.advance(100);
      clock.addAndGet(S / 2);
    }
    assertThat(printed()).isEmpty();
  }

  @Test
  void withoutATerminalAPlainLineEveryFiveSecondsWithRatePercentageAndEta() {
    Progress p = new Progress("score", 1000, "listings", out, Style.LINES, clock::get);
    clock.addAndGet(2 * S);
    p.advance(100); // 2 s: first line, 50/s, 900 left -> 18 s
    clock.addAndGet(2 * S);
    p.advance(100); // 4 s: within 5 s of the last line, nothing
    clock.addAndGet(3 * S);
    p.advance(150); // 7 s: 350 done, 50/s, 650 left -> 13 s
    clock.addAndGet(3 * S);
    p.close(); // 10 s
    assertThat(printed().lines())
        .containsExactly(
            "score: 100 of 1,000 listings, 50/s, 10%, ETA 18 s",
            "score: 350 of 1,000 listings, 50/s, 35%, ETA 13 s",
            "score: 350 of 1,000 listings in 10 s, 35/s");
  }

  @Test
  void onATerminalOneLineIsRewrittenInPlaceAndEndedAtClose() {
    Progress p = new Progress("import", -1, "rows", out, Style.TERMINAL, clock::get);
    clock.addAndGet(3 * S);
    p.advance(12_000);
    clock.addAndGet(S / 10);
    p.advance(1); // within 200 ms: not redrawn
    clock.addAndGet(S);
    p.advance(999);
    p.close();
    assertThat(printed())
        .isEqualTo(
            "\rimport: 12,000 rows, 4,000/s, 3.0 s"
                + "\rimport: 13,000 rows, 3,171/s, 4.1 s"
                + "\rimport: 13,000 rows in 4.1 s, 3,171/s"
                + System.lineSeparator());
  }

  @Test
  void uncountedWorkShowsTheElapsedTime() {
    Progress p = new Progress("pipeline", -1, null, out, Style.LINES, clock::get);
    clock.addAndGet(2500_000_000L);
    p.report();
    clock.addAndGet(10 * S);
    p.report();
    clock.addAndGet(125 * S);
    p.close();
    assertThat(printed().lines())
        .containsExactly(
            "pipeline: working, 2.5 s", "pipeline: working, 13 s", "pipeline: done in 2 min 18 s");
  }

  @Test
  void theTickerShowsProgressOfUncountedWorkAndStopsAtClose() throws Exception {
    // The real clock: the ticker's first line comes after the 2 s quiet period.
    PrintStream savedErr = System.err;
    System.setErr(out);
    try {
      Progress p = Progress.ticking("rules check");
      Thread.sleep(2600);
      p.close();
      String atClose = printed();
      Thread.sleep(400);
      assertThat(printed()).isEqualTo(atClose);
      assertThat(atClose).contains("rules check: working, 2.", "rules check: done in 2.");
    } finally {
      System.setErr(savedErr);
    }
  }
}
