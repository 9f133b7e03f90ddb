package org.markwatch.detectors.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.markwatch.detectors.Detectors;
import org.markwatch.detectors.TestData;
import org.markwatch.model.Listing;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmark of scoring: the dev listings cycled to {@link #LISTINGS}, batched through
 * lucene-monitor with the multipass presearcher, against lucene-monitor used naively (one listing
 * at a time, default presearcher). Compile with {@code mvn -pl detectors -am test-compile}, then
 * from the detectors module directory run {@code java -Dmarkwatch.shared=../../shared -cp
 * target/test-classes:target/classes:<test class path> org.openjdk.jmh.Main ScoreBenchmark}. Uses
 * the default catalog of {@code ../conf}; {@code markwatch bench score} adds the retail brands.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class ScoreBenchmark {
  static final int LISTINGS = 2048;

  @Param({"BATCHED", "NAIVE"})
  public String matching;

  private Detectors detectors;
  private List<Listing> listings;

  @Setup(Level.Trial)
  public void setUp() {
    detectors = Detectors.create(TestData.defaultConfig(), Detectors.Matching.valueOf(matching));
    List<Listing> dev = TestData.devListings();
    listings = new ArrayList<>(LISTINGS);
    for (int i = 0; i < LISTINGS; i++) {
      listings.add(dev.get(i % dev.size()));
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    detectors.close();
  }

  /** Listings scored per second. */
  @Benchmark
  @OperationsPerInvocation(LISTINGS)
  public int score() {
    if (matching.equals("NAIVE")) {
      int n = 0;
      for (Listing l : listings) {
        n += detectors.score(l).signals().size();
      }
      return n;
    }
    return detectors.scoreAll(listings).size();
  }
}
