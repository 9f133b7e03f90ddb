package org.markwatch.crawler.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.xml.sax.ContentHandler;

/**
 * A Tika parser, on the test class path only, that does to its process what hostile documents do to
 * real parsers: a document starting with {@value #MAGIC} (its type, {@code
 * application/x-markwatch-hostile}, is declared in the test resources' {@code
 * custom-mimetypes.xml}) followed by {@code oom} fills the heap, {@code hang} loops ignoring
 * interruption, {@code freeze} stops its own process (SIGSTOP, as a wedged process), {@code crash}
 * ends it abruptly (as a native crash would). Which of the parser's failures happens is decided by
 * the document, so the forked parser's handling is tested against real process deaths, not a stub.
 */
public final class HostileParser implements Parser {
  public static final String MAGIC = "MARKWATCH-HOSTILE ";
  private static final MediaType TYPE = MediaType.application("x-markwatch-hostile");

  /** A hostile document doing {@code what} (oom, hang, freeze, crash). */
  public static byte[] document(String what) {
    return (MAGIC + what + "\n").getBytes(StandardCharsets.US_ASCII);
  }

  /** Tells hostile documents by their first bytes, whatever their name says. */
  public static final class Detect implements org.apache.tika.detect.Detector {
    @Override
    public MediaType detect(InputStream input, Metadata metadata) throws IOException {
      if (input == null) {
        return MediaType.OCTET_STREAM;
      }
      input.mark(MAGIC.length());
      try {
        byte[] head = input.readNBytes(MAGIC.length());
        return new String(head, StandardCharsets.US_ASCII).equals(MAGIC)
            ? TYPE
            : MediaType.OCTET_STREAM;
      } finally {
        input.reset();
      }
    }
  }

  @Override
  public Set<MediaType> getSupportedTypes(ParseContext context) {
    return Set.of(TYPE);
  }

  @Override
  public void parse(
      InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
      throws IOException {
    String what = new String(stream.readNBytes(64), StandardCharsets.US_ASCII).strip();
    what = what.substring(Math.min(what.length(), MAGIC.length()));
    switch (what) {
      case "oom" -> {
        List<long[]> hog = new ArrayList<>();
        while (true) {
          hog.add(new long[1 << 17]); // 1 MiB at a time, all kept
        }
      }
      case "hang" -> {
        long spins = 0;
        while (spins >= 0) { // ignores interruption, as a parser stuck in a loop does
          spins++;
          Thread.onSpinWait();
        }
      }
      case "freeze" -> {
        new ProcessBuilder("kill", "-STOP", Long.toString(ProcessHandle.current().pid())).start();
        try {
          Thread.sleep(60_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      case "crash" -> Runtime.getRuntime().halt(134);
      default -> throw new IOException("unknown hostile document: " + what);
    }
  }
}
