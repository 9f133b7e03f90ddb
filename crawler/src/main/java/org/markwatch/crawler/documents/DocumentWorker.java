package org.markwatch.crawler.documents;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The child process of {@link ForkedDocumentParser}: reads documents from stdin, parses each with
 * {@link DocumentParser} (same limits, one parse thread) and writes the outcome to stdout. Its heap
 * is bounded by the parent ({@code -Xmx}, and {@code -XX:+ExitOnOutOfMemoryError} so a parse that
 * exhausts it ends the process instead of leaving it half-broken); its stdout is the protocol
 * channel, so anything else printed goes to stderr. It ends at the end of stdin, when its parent
 * ends, and after a parse that ignored its time limit (it asks to be replaced first).
 *
 * <p>Protocol (big-endian, {@link DataOutputStream}): the child writes {@link #READY} once Tika is
 * loaded; then per document the parent writes {@link #PARSE}, the name and the bytes (length-
 * prefixed, -1 for null) and the child answers {@link #RESULT}, the status ordinal, content type,
 * text, reason, truncated, embedded count and whether it must be replaced.
 */
public final class DocumentWorker {
  static final int READY = 0x4d57_4452; // "MWDR"
  static final int PARSE = 1;
  static final int RESULT = 2;

  /** One page of Helvetica text; PDFBox reads it without a cross-reference table. */
  private static final String WARM_UP_PDF =
      """
      %PDF-1.4
      1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj
      2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj
      3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Contents 4 0 R      /Resources<</Font<</F1 5 0 R>>>>>> endobj
      4 0 obj <</Length 37>> stream
      BT /F1 12 Tf 20 100 Td (warm up) Tj ET
      endstream endobj
      5 0 obj <</Type/Font/Subtype/Type1/BaseFont/Helvetica>> endobj
      trailer <</Root 1 0 R>>
      %%EOF
      """;

  private DocumentWorker() {}

  /** Arguments: the limits, as {@link DocumentLimits#toArguments} wrote them. */
  public static void main(String[] args) throws IOException {
    DataOutputStream out =
        new DataOutputStream(
            new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
    System.setOut(System.err); // stdout is the channel: stray prints must not corrupt it
    ProcessHandle.current()
        .parent()
        .ifPresent(p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(0)));
    DocumentLimits limits = DocumentLimits.fromArguments(args);
    DataInputStream in =
        new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
    DocumentParser parser = new DocumentParser(limits, 1);
    // The first PDF in a JVM loads PDFBox and its font mapping (seconds on a busy machine): done
    // here, before the child says it is ready, so a document's time limit measures its own parse.
    // Its own parser with a generous limit: a warm-up cut at the document limit would keep the
    // parse thread busy into the first document's time.
    try (DocumentParser warmUp = new DocumentParser(limits.withTimeoutMs(120_000), 1)) {
      ParsedDocument warm = warmUp.parseText(WARM_UP_PDF.getBytes(StandardCharsets.US_ASCII), null);
      if (warm.status() != ParsedDocument.Status.OK) {
        System.err.println("document worker: warm-up parse gave " + warm);
      }
    }
    out.writeInt(READY);
    out.flush();
    while (true) {
      int op;
      try {
        op = in.readInt();
      } catch (EOFException e) {
        Runtime.getRuntime().halt(0); // the parent is done
        return;
      }
      if (op != PARSE) {
        System.err.println("document worker: unknown request " + op);
        Runtime.getRuntime().halt(2);
      }
      String name = readString(in);
      byte[] bytes = readBytes(in, limits.maxInputBytes());
      ParsedDocument d = parser.parseText(bytes, name);
      // A parse abandoned at its time limit that still runs ignores interruption: only ending
      // this process stops it, so the parent is asked to start a fresh one.
      boolean replace = d.status() == ParsedDocument.Status.TIMEOUT && !parser.idleWithin(1_000);
      out.writeInt(RESULT);
      out.writeByte(d.status().ordinal());
      writeString(out, d.contentType());
      writeString(out, d.text());
      writeString(out, d.reason());
      out.writeBoolean(d.truncated());
      out.writeInt(d.embedded());
      out.writeBoolean(replace);
      out.flush();
      if (replace) {
        Runtime.getRuntime().halt(0);
      }
    }
  }

  static void writeString(DataOutputStream out, String s) throws IOException {
    writeBytes(out, s == null ? null : s.getBytes(StandardCharsets.UTF_8));
  }

  static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
    if (b == null) {
      out.writeInt(-1);
    } else {
      out.writeInt(b.length);
      out.write(b);
    }
  }

  static String readString(DataInputStream in) throws IOException {
    // a string is a name, a type, a reason or text cut to the limit: 16 MiB is far above any
    byte[] b = readBytes(in, 16L << 20);
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  static byte[] readBytes(DataInputStream in, long max) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    if (n > max) {
      throw new IOException("frame of " + n + " bytes, more than " + max);
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }
}
