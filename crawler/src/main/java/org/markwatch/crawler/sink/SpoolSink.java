package org.markwatch.crawler.sink;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Listing;

/**
 * Writes listings as JSON lines ({@link JsonCodec#encode}) into spool files {@code
 * <dir>/listings-<runId>-<NNNNN>.jsonl}, a new file every {@code rollEvery} listings. A file is
 * written as {@code .listings-...jsonl.inprogress} (hidden: Flink's FileSource and {@code *.jsonl}
 * globs skip it), synced, then renamed atomically, so a reader sees whole files or nothing.
 * Thread-safe.
 */
public final class SpoolSink implements Sink {
  /** Default listings per spool file. */
  public static final int DEFAULT_ROLL_EVERY = 1000;

  private final Path dir;
  private final String prefix;
  private final int rollEvery;
  private final List<Path> published = new ArrayList<>();
  private BufferedWriter writer;
  private Path inProgress;
  private int inFile;
  private int sequence;
  private long written;

  /**
   * @param dir spool directory, created when missing
   * @param runId crawl run id, part of every file name (characters other than letters, digits, '-',
   *     '_' and '.' become '_')
   * @param rollEvery listings per file, at least 1
   */
  public SpoolSink(Path dir, String runId, int rollEvery) {
    if (rollEvery < 1) {
      throw new IllegalArgumentException("rollEvery must be >= 1: " + rollEvery);
    }
    this.dir = dir;
    this.prefix = "listings-" + runId.replaceAll("[^A-Za-z0-9._-]", "_");
    this.rollEvery = rollEvery;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create spool directory " + dir, e);
    }
  }

  @Override
  public synchronized void write(Listing listing) {
    String line = JsonCodec.encode(listing);
    try {
      if (writer == null) {
        openNext();
      }
      writer.write(line);
      writer.write('\n');
      written++;
      if (++inFile >= rollEvery) {
        publish();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write spool file " + inProgress, e);
    }
  }

  @Override
  public synchronized long written() {
    return written;
  }

  /** Files made visible so far, in order. */
  public synchronized List<Path> files() {
    return List.copyOf(published);
  }

  @Override
  public synchronized void close() {
    try {
      if (writer != null) {
        publish();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot finish spool file " + inProgress, e);
    }
  }

  /**
   * Claims the next file name no one has: the hidden in-progress name is created exclusively first,
   * then the visible name is checked, so two processes writing one run's spool into one folder
   * (workers sharing a run id), or a run re-executed under its id, never overwrite each other's
   * files (the rename that publishes a file would replace silently).
   */
  private void openNext() throws IOException {
    while (true) {
      sequence++;
      Path claim = dir.resolve("." + fileName(sequence) + ".inprogress");
      java.io.BufferedWriter w;
      try {
        w =
            Files.newBufferedWriter(
                claim,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        continue; // another writer holds this name
      }
      if (Files.exists(dir.resolve(fileName(sequence)))) {
        w.close();
        Files.delete(claim); // published before: take a later number
        continue;
      }
      inProgress = claim;
      writer = w;
      return;
    }
  }

  private String fileName(int seq) {
    return prefix + "-" + String.format("%05d", seq) + ".jsonl";
  }

  private void publish() throws IOException {
    writer.close();
    try (FileChannel ch = FileChannel.open(inProgress, StandardOpenOption.WRITE)) {
      ch.force(true); // the rename must not become durable before the content
    }
    Path target = dir.resolve(fileName(sequence));
    try {
      Files.move(
          inProgress, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(inProgress, target, StandardCopyOption.REPLACE_EXISTING);
    }
    published.add(target);
    writer = null;
    inProgress = null;
    inFile = 0;
  }
}
