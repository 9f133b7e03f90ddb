package org.markwatch.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LiveProgressListenerTest {

  @Test
  void statusLineShowsPagesRateEtaAndErrorsAndTheTallyClassifiesErrors() {
    AtomicLong now = new AtomicLong(0);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CrawlTally tally = new CrawlTally();
    LiveProgressListener live =
        new LiveProgressListener(
            new PrintStream(bytes, true, StandardCharsets.UTF_8), tally, 250, now::get);
    ProgressListener listener = tally.listener(live);
    listener.runStarted("r", List.of()); // no sources: budget 0, so no ETA
    now.set(10_000);
    listener.pageDone(new ProgressListener.PageEvent("s", "u1", "OK", 200, 2, 1, 10));
    listener.pageDone(new ProgressListener.PageEvent("s", "u2", "HTTP_ERROR", 404, 0, 2, 10));
    listener.pageDone(new ProgressListener.PageEvent("s", "u3", "RETRY", 503, 0, 3, 10));
    listener.pageDone(new ProgressListener.PageEvent("s", "u4", "TIMEOUT", 0, 0, 4, 10));
    listener.pageDone(new ProgressListener.PageEvent("s", "u5", "REDIRECT", 301, 0, 5, 10));

    assertThat(tally.byOutcome()).containsEntry("OK", 1L).containsEntry("REDIRECT", 1L).hasSize(5);
    assertThat(tally.errorsByClass())
        .containsExactlyInAnyOrderEntriesOf(
            java.util.Map.of("HTTP 404", 1L, "HTTP 503", 1L, "TIMEOUT", 1L));
    assertThat(live.line(10_000))
        .isEqualTo("  5 pages, 0.5 pages/s, ETA <= --, 2 listings, 3 errors");
    // only the first page within 250 ms printed a status line, rewritten in place
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(printed.split("\r", -1)).hasSize(2);
    assertThat(LiveProgressListener.duration(3725)).isEqualTo("1h02m");
    assertThat(LiveProgressListener.duration(65)).isEqualTo("1m05s");
  }
}
