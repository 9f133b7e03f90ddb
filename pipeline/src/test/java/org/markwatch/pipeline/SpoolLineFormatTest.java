package org.markwatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpoolLineFormatTest {

  private static List<SpoolLineFormat.BoundedLineReader.Line> read(byte[] bytes, int max)
      throws Exception {
    SpoolLineFormat.BoundedLineReader r =
        new SpoolLineFormat.BoundedLineReader(new ByteArrayInputStream(bytes), max);
    List<SpoolLineFormat.BoundedLineReader.Line> lines = new ArrayList<>();
    for (var l = r.next(); l != null; l = r.next()) {
      lines.add(l);
    }
    return lines;
  }

  private static String text(SpoolLineFormat.BoundedLineReader.Line l) {
    return new String(l.bytes(), StandardCharsets.UTF_8);
  }

  @Test
  void splitsOnLfDropsCrAndNumbersBlankLinesToo() throws Exception {
    var lines = read("a\r\n\nbé\nlast".getBytes(StandardCharsets.UTF_8), 100);
    assertThat(lines)
        .extracting(SpoolLineFormat.BoundedLineReader.Line::number)
        .containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  void keepsLineTextAndNoPhantomLineAfterTheLastNewline() throws Exception {
    var lines = read("a\r\n\nbé\nlast\n".getBytes(StandardCharsets.UTF_8), 100);
    assertThat(lines.stream().map(SpoolLineFormatTest::text).toList())
        .containsExactly("a", "", "bé", "last");
    assertThat(lines).noneMatch(SpoolLineFormat.BoundedLineReader.Line::tooLong);
  }

  @Test
  void aLineOverTheBoundIsCutAndMarkedAndTheNextLineIsIntact() throws Exception {
    String big = "x".repeat(200_000);
    var lines =
        read(
            ("ok\n" + big + "\n" + "y".repeat(10) + "\r\nafter").getBytes(StandardCharsets.UTF_8),
            10);
    assertThat(lines).hasSize(4);
    assertThat(lines.get(1).tooLong()).isTrue();
    assertThat(lines.get(1).totalBytes()).isEqualTo(200_000);
    assertThat(lines.get(1).bytes()).hasSize(10);
    // exactly the bound, with a CR, is not too long
    assertThat(lines.get(2).tooLong()).isFalse();
    assertThat(text(lines.get(2))).isEqualTo("y".repeat(10));
    assertThat(text(lines.get(3))).isEqualTo("after");
    assertThat(lines.get(3).number()).isEqualTo(4);
  }
}
