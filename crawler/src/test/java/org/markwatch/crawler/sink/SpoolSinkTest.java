package org.markwatch.crawler.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Listing;

class SpoolSinkTest {
  @TempDir Path dir;

  private static Listing listing(int i) {
    return Listing.builder(
            "chosi:" + i, "chosi", "http://127.0.0.1/p/" + i + "/x", "2026-11-24T00:00:00Z")
        .title("Sản phẩm " + i)
        .crawlRunId("run-1")
        .build();
  }

  private List<String> visible() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".jsonl"))
          .sorted()
          .toList();
    }
  }

  @Test
  void rollsByCountAndPublishesOnlyWholeFiles() throws Exception {
    SpoolSink sink = new SpoolSink(dir, "run-1", 3);
    for (int i = 0; i < 4; i++) {
      sink.write(listing(i));
    }
    // the first file is complete and visible; the fourth listing sits in a hidden in-progress file
    assertThat(visible()).containsExactly("listings-run-1-00001.jsonl");
    assertThat(Files.readAllLines(dir.resolve("listings-run-1-00001.jsonl"))).hasSize(3);
    assertThat(dir.resolve(".listings-run-1-00002.jsonl.inprogress")).isRegularFile();
    sink.close();
    assertThat(visible())
        .containsExactly("listings-run-1-00001.jsonl", "listings-run-1-00002.jsonl");
    assertThat(dir.resolve(".listings-run-1-00002.jsonl.inprogress")).doesNotExist();
    assertThat(sink.files()).hasSize(2);
    assertThat(sink.written()).isEqualTo(4);
  }

  @Test
  void linesDecodeBackToTheSameListings() throws Exception {
    try (SpoolSink sink = new SpoolSink(dir, "run-1", 100)) {
      sink.write(listing(7));
    }
    String line = Files.readAllLines(dir.resolve("listings-run-1-00001.jsonl")).get(0);
    var decoded = JsonCodec.decodeListing(line);
    assertThat(decoded.errors()).isEmpty();
    assertThat(decoded.value()).isEqualTo(listing(7));
  }

  @Test
  void concurrentWritersAndAReaderNeverSeeAPartialFile() throws Exception {
    SpoolSink sink = new SpoolSink(dir, "r", 50);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int t = 0; t < 4; t++) {
      int base = t * 1000;
      pool.submit(
          () -> {
            for (int i = 0; i < 500; i++) {
              sink.write(listing(base + i));
            }
          });
    }
    // Meanwhile every published file must hold exactly 50 whole lines.
    List<String> problems = new ArrayList<>();
    while (!pool.isTerminated()) {
      pool.shutdown();
      for (String name : visible()) {
        List<String> lines = Files.readAllLines(dir.resolve(name));
        if (lines.size() != 50 || lines.stream().anyMatch(l -> !l.endsWith("}"))) {
          problems.add(name + " had " + lines.size() + " lines");
        }
      }
      pool.awaitTermination(5, TimeUnit.MILLISECONDS);
    }
    sink.close();
    assertThat(problems).isEmpty();
    assertThat(visible()).hasSize(40);
    long total = 0;
    for (String name : visible()) {
      total += Files.readAllLines(dir.resolve(name)).size();
    }
    assertThat(total).isEqualTo(2000);
  }

  @Test
  void twoWritersOfOneRunInOneFolderNeverOverwriteEachOther() throws Exception {
    // two workers sharing a run id (and its page budget) on one machine, or a run re-executed
    // under its id: each file name is claimed once
    SpoolSink a = new SpoolSink(dir, "run-1", 2);
    SpoolSink b = new SpoolSink(dir, "run-1", 2);
    for (int i = 0; i < 4; i++) {
      a.write(listing(i));
      b.write(listing(100 + i));
    }
    a.close();
    b.close();
    try (SpoolSink again = new SpoolSink(dir, "run-1", 2)) {
      again.write(listing(200));
    }

    assertThat(visible()).hasSize(5);
    long total = 0;
    for (String name : visible()) {
      total += Files.readAllLines(dir.resolve(name)).size();
    }
    assertThat(total).as("every listing kept").isEqualTo(9);
  }
}
