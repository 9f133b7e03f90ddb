package org.markwatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
  @Test
  void canBeSerialisedWhileAnotherThreadAdds() throws Exception {
    LatencyHistogram h = new LatencyHistogram();
    AtomicBoolean stop = new AtomicBoolean();
    java.util.concurrent.CountDownLatch adding = new java.util.concurrent.CountDownLatch(1);
    Thread adder =
        Thread.ofPlatform()
            .start(
                () -> {
                  for (int i = 0; !stop.get(); i++) {
                    h.add(i % 5000);
                    if (i == 1000) {
                      adding.countDown();
                    }
                  }
                });
    try {
      adding.await();
      for (int i = 0; i < 200; i++) {
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
          out.writeObject(
              h); // what the TaskManager's heartbeat does with a running job's accumulators
        }
      }
    } finally {
      stop.set(true);
      adder.join();
    }
    assertThat(h.getLocalValue()).isNotEmpty();
  }

  @Test
  void mergesCountsAndReportsPercentiles() {
    LatencyHistogram a = new LatencyHistogram();
    LatencyHistogram b = new LatencyHistogram();
    for (int i = 1; i <= 98; i++) {
      a.add(10);
    }
    b.add(500);
    b.add(900);
    a.merge(b);
    TreeMap<Integer, Integer> all = a.getLocalValue();
    assertThat(all).containsEntry(10, 98).containsEntry(500, 1).containsEntry(900, 1);
    JobReport r =
        new JobReport(
            0, 0, 0, 0, 100, 0, 0, Path.of("x"), Duration.ofSeconds(1), all, Duration.ofSeconds(2));
    assertThat(r.latencyPercentile(0.5)).isEqualTo(10);
    assertThat(r.latencyPercentile(0.98)).isEqualTo(10);
    assertThat(r.latencyPercentile(0.99)).isEqualTo(500);
    assertThat(r.latencyPercentile(1.0)).isEqualTo(900);
    assertThat(r.storedPerSecondWhileStoring()).isEqualTo(50.0);
    assertThat(new JobReport(0, 0, 0, 0, 0, 0, 0, null, Duration.ZERO).latencyPercentile(0.5))
        .isEqualTo(-1);
  }
}
