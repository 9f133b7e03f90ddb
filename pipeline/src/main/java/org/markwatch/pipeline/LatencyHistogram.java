package org.markwatch.pipeline;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.TreeMap;
import org.apache.flink.api.common.accumulators.Accumulator;

/**
 * Flink's {@code Histogram} accumulator, safe to snapshot while the task adds to it: a running
 * streaming job's accumulators are serialised by the heartbeat thread while the store's task thread
 * counts (Flink's own TreeMap-backed histogram then fails with a ConcurrentModificationException
 * and the heartbeat carries no counters).
 */
final class LatencyHistogram implements Accumulator<Integer, TreeMap<Integer, Integer>> {
  private static final long serialVersionUID = 1L;
  private TreeMap<Integer, Integer> counts = new TreeMap<>();

  @Override
  public synchronized void add(Integer millis) {
    counts.merge(millis, 1, Integer::sum);
  }

  @Override
  public synchronized TreeMap<Integer, Integer> getLocalValue() {
    return new TreeMap<>(counts);
  }

  @Override
  public synchronized void resetLocal() {
    counts.clear();
  }

  @Override
  public synchronized void merge(Accumulator<Integer, TreeMap<Integer, Integer>> other) {
    other.getLocalValue().forEach((k, v) -> counts.merge(k, v, Integer::sum));
  }

  @Override
  public synchronized LatencyHistogram clone() {
    LatencyHistogram copy = new LatencyHistogram();
    copy.counts = new TreeMap<>(counts);
    return copy;
  }

  private synchronized void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
  }
}
