package org.markwatch.pipeline;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Appends dead letters as JSON lines to one local file (emptied by {@link ScoringJob} before the
 * job starts: a writer restarted from a checkpoint keeps what was written before). Run it with
 * parallelism 1: the file is on the machine of the one writer (the local MiniCluster in the
 * embedded setup).
 */
final class DeadLetterSink implements Sink<DeadLetter> {
  private final String file;

  DeadLetterSink(Path file) {
    this.file = file.toAbsolutePath().toString();
  }

  @Override
  public SinkWriter<DeadLetter> createWriter(WriterInitContext context) throws IOException {
    Path path = Path.of(file);
    if (path.getParent() != null) {
      Files.createDirectories(path.getParent());
    }
    BufferedWriter writer =
        Files.newBufferedWriter(
            path, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    return new SinkWriter<>() {
      @Override
      public void write(DeadLetter letter, Context ctx) throws IOException {
        writer.write(letter.toJson());
        writer.write('\n');
        writer
            .flush(); // dead letters are rare; a continuous job's file must show them while it runs
      }

      @Override
      public void flush(boolean endOfInput) throws IOException {
        writer.flush();
      }

      @Override
      public void close() throws IOException {
        writer.close();
      }
    };
  }
}
