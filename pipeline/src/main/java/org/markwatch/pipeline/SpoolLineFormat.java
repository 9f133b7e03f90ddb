package org.markwatch.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.ArrayResultIterator;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.Path;

/**
 * Reads a JSON-lines spool file line by line, keeping the file and the line number of every line
 * (Flink's {@code TextLineInputFormat} keeps neither, and the dead-letter file must name both).
 * Files are never split. A line is bounded in bytes: a longer one is skipped to its end and
 * reported with its first {@value DeadLetter#MAX_RAW_CHARS} characters, so a hostile file cannot
 * exhaust memory. Lines must be UTF-8; blank lines are skipped.
 */
public final class SpoolLineFormat implements BulkFormat<SpoolLine, FileSourceSplit> {
  /** Default bound of one line: {@value} bytes (a listing's text may hold 200,000 characters). */
  public static final int DEFAULT_MAX_LINE_BYTES = 4 * 1024 * 1024;

  private static final int BATCH = 128;

  private final int maxLineBytes;

  public SpoolLineFormat(int maxLineBytes) {
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes must be >= 1, got " + maxLineBytes);
    }
    this.maxLineBytes = maxLineBytes;
  }

  @Override
  public Reader<SpoolLine> createReader(Configuration config, FileSourceSplit split)
      throws IOException {
    return new LineReader(split.path(), maxLineBytes, 0);
  }

  @Override
  public Reader<SpoolLine> restoreReader(Configuration config, FileSourceSplit split)
      throws IOException {
    long skip =
        split.getReaderPosition().map(CheckpointedPosition::getRecordsAfterOffset).orElse(0L);
    return new LineReader(split.path(), maxLineBytes, skip);
  }

  @Override
  public boolean isSplittable() {
    return false;
  }

  @Override
  public TypeInformation<SpoolLine> getProducedType() {
    return TypeInformation.of(SpoolLine.class);
  }

  /** Emits lines in batches; positions count emitted records, so a restore skips them. */
  private static final class LineReader implements Reader<SpoolLine> {
    private final String file;
    private final FSDataInputStream in;
    private final BoundedLineReader lines;
    private long emitted;

    LineReader(Path path, int maxLineBytes, long skip) throws IOException {
      this.file = path.toString();
      this.in = path.getFileSystem().open(path);
      this.lines = new BoundedLineReader(in, maxLineBytes);
      for (long i = 0; i < skip && next() != null; i++) {
        emitted++;
      }
    }

    @Override
    public RecordIterator<SpoolLine> readBatch() throws IOException {
      SpoolLine[] batch = new SpoolLine[BATCH];
      int n = 0;
      SpoolLine line;
      while (n < BATCH && (line = next()) != null) {
        batch[n++] = line;
      }
      if (n == 0) {
        return null;
      }
      ArrayResultIterator<SpoolLine> it = new ArrayResultIterator<>();
      it.set(batch, n, CheckpointedPosition.NO_OFFSET, emitted);
      emitted += n;
      return it;
    }

    /** The next non-blank line, or null at the end of the file. */
    private SpoolLine next() throws IOException {
      while (true) {
        BoundedLineReader.Line raw = lines.next();
        if (raw == null) {
          return null;
        }
        if (raw.tooLong()) {
          return new SpoolLine(
              file,
              raw.number(),
              prefix(raw.bytes()),
              "line longer than " + lines.maxLineBytes() + " bytes (" + raw.totalBytes() + ")");
        }
        String text;
        try {
          text =
              StandardCharsets.UTF_8
                  .newDecoder()
                  .onMalformedInput(CodingErrorAction.REPORT)
                  .onUnmappableCharacter(CodingErrorAction.REPORT)
                  .decode(ByteBuffer.wrap(raw.bytes()))
                  .toString();
        } catch (CharacterCodingException e) {
          return new SpoolLine(file, raw.number(), prefix(raw.bytes()), "not valid UTF-8");
        }
        if (raw.number() == 1 && text.startsWith("\uFEFF")) {
          text = text.substring(1);
        }
        if (!text.isBlank()) {
          return new SpoolLine(file, raw.number(), text, null);
        }
      }
    }

    private static String prefix(byte[] bytes) {
      String s = new String(bytes, StandardCharsets.UTF_8);
      return s.length() <= DeadLetter.MAX_RAW_CHARS ? s : s.substring(0, DeadLetter.MAX_RAW_CHARS);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** Splits a byte stream at LF (dropping a CR before it), keeping at most a bound per line. */
  static final class BoundedLineReader {
    record Line(long number, byte[] bytes, boolean tooLong, long totalBytes) {}

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int pos;
    private int limit;
    private long number;
    private boolean eof;

    BoundedLineReader(InputStream in, int maxLineBytes) {
      this.in = in;
      this.maxLineBytes = maxLineBytes;
    }

    int maxLineBytes() {
      return maxLineBytes;
    }

    Line next() throws IOException {
      java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
      long total = 0;
      boolean sawAny = false;
      int keep = maxLineBytes;
      while (true) {
        if (pos == limit) {
          if (eof || !fill()) {
            if (!sawAny) {
              return null;
            }
            break;
          }
        }
        sawAny = true;
        int start = pos;
        while (pos < limit && buffer[pos] != '\n') {
          pos++;
        }
        int len = pos - start;
        total += len;
        int room = keep - kept.size();
        // Keep one byte beyond the bound so a line of exactly the bound is told from a longer one.
        if (room >= 0) {
          kept.write(buffer, start, Math.min(len, room + 1));
        }
        if (pos < limit) {
          pos++; // the LF
          break;
        }
      }
      number++;
      byte[] bytes = kept.toByteArray();
      int length = bytes.length;
      if (total <= maxLineBytes + 1 && length > 0 && bytes[length - 1] == '\r' && total == length) {
        length--;
        total--;
      }
      if (total > maxLineBytes) {
        return new Line(
            number,
            java.util.Arrays.copyOf(bytes, Math.min(bytes.length, maxLineBytes)),
            true,
            total);
      }
      return new Line(
          number,
          length == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, length),
          false,
          total);
    }

    private boolean fill() throws IOException {
      int n = in.read(buffer, 0, buffer.length);
      if (n <= 0) {
        eof = true;
        return false;
      }
      pos = 0;
      limit = n;
      return true;
    }
  }
}
