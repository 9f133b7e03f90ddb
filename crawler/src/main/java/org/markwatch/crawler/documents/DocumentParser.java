package org.markwatch.crawler.documents;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Text and language of a hostile document (PDF catalogue, certificate, archive of papers) by Apache
 * Tika, within {@link DocumentLimits}. Each parse runs on a thread of its own (Tika has no time
 * limit): past the limit the caller gets {@link ParsedDocument.Status#TIMEOUT} at once, the parse
 * is interrupted and every stream it reads from then on fails, so it ends at its next read. Zip
 * bombs are refused by counting the bytes read out of every embedded file (total and ratio to the
 * input) and by the nesting depth of archives, on top of Tika's own {@code SecureContentHandler}
 * (text out per byte in). At most {@code maxThreads} parses run at once; a caller beyond that waits
 * for a free thread (within its own time limit). Thread-safe.
 */
public final class DocumentParser implements DocumentReader {

  private final DocumentLimits limits;
  private final AutoDetectParser parser;
  private final ThreadPoolExecutor pool;
  private final java.util.concurrent.Semaphore slots;
  private final int maxThreads;

  public DocumentParser(DocumentLimits limits, int maxThreads) {
    this.limits = limits;
    // OCR is added here, for these documents only, not through Tika's service registry: the
    // application jar drops the OCR module's registration (app/pom.xml), so other Tika users in
    // the same process (the portal's tip attachments) do not start running tesseract. Listed last,
    // it takes the image types over from the image-metadata parser when tesseract is installed.
    this.parser = new AutoDetectParser(TikaConfig.getDefaultConfig().getParser(), Ocr.parser());
    // Tika's own check of text out per byte in (zip bombs that unpack to text); depth of XML.
    AutoDetectParserConfig config = new AutoDetectParserConfig();
    config.setMaximumCompressionRatio(limits.maxExpansionRatio());
    config.setOutputThreshold(Math.min(1_000_000, 10L * limits.maxTextChars()));
    config.setMaximumDepth(100);
    config.setMaximumPackageEntryDepth(limits.maxDepth() + 1);
    parser.setAutoDetectParserConfig(config);
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE, // bounded by the semaphore; an abandoned parse keeps its thread
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, "markwatch-document-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.slots = new java.util.concurrent.Semaphore(maxThreads);
    this.maxThreads = maxThreads;
  }

  @Override
  public DocumentLimits limits() {
    return limits;
  }

  /**
   * Parses {@code bytes}; {@code name} (the file name from the URL, may be null) helps type
   * detection. Never throws for what the document holds.
   */
  @Override
  public ParsedDocument parse(byte[] bytes, String name) {
    // Language outside the time limit: the text is bounded, and the model loads once (slowly).
    return DocumentLanguage.tag(parseText(bytes, name));
  }

  /**
   * {@link #parse} without language detection: what the forked parser's child process runs (the
   * crawler's process detects the language, so the child's small heap holds no language model).
   */
  public ParsedDocument parseText(byte[] bytes, String name) {
    if (bytes.length > limits.maxInputBytes()) {
      return ParsedDocument.failed(
          ParsedDocument.Status.REFUSED,
          null,
          "larger than " + limits.maxInputBytes() + " bytes: " + bytes.length);
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limits.timeoutMs());
    try {
      if (!slots.tryAcquire(limits.timeoutMs(), TimeUnit.MILLISECONDS)) {
        return ParsedDocument.failed(
            ParsedDocument.Status.TIMEOUT, null, "no parser thread free within the time limit");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ParsedDocument.failed(ParsedDocument.Status.TIMEOUT, null, "interrupted");
    }
    Budget budget = new Budget(bytes.length);
    Future<ParsedDocument> f;
    try {
      f =
          pool.submit(
              () -> {
                try {
                  return parseHere(bytes, name, budget);
                } finally {
                  slots.release();
                }
              });
    } catch (RuntimeException e) {
      slots.release();
      throw e;
    }
    try {
      return f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      budget.refuse("timeout");
      f.cancel(true);
      return ParsedDocument.failed(
          ParsedDocument.Status.TIMEOUT,
          budget.contentType,
          "not parsed within " + limits.timeoutMs() + " ms");
    } catch (ExecutionException e) {
      return ParsedDocument.failed(
          ParsedDocument.Status.FAILED, budget.contentType, firstLine(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      budget.refuse("interrupted");
      f.cancel(true);
      return ParsedDocument.failed(ParsedDocument.Status.TIMEOUT, null, "interrupted");
    }
  }

  /**
   * Whether every parse has ended within {@code waitMs}: false when a parse abandoned at its time
   * limit ignores interruption and still holds its thread (the child process then asks to be
   * replaced).
   */
  boolean idleWithin(long waitMs) {
    try {
      if (slots.tryAcquire(maxThreads, waitMs, TimeUnit.MILLISECONDS)) {
        slots.release(maxThreads);
        return true;
      }
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private ParsedDocument parseHere(byte[] bytes, String name, Budget budget) {
    Metadata metadata = new Metadata();
    if (name != null && !name.isBlank()) {
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
    }
    ParseContext context = new ParseContext();
    context.set(Parser.class, parser);
    // Scanned papers: images are read by tesseract (in Vietnamese and English), within the time
    // limit, when their header declares at most maxImagePixels; PDFs are not rendered for OCR (a
    // page's text layer is read, a scanned PDF gives no text: a scan is OCR'd when linked as an
    // image).
    String noOcr = Ocr.isImage(bytes) ? Ocr.refusal(bytes, limits) : null;
    if (noOcr != null) {
      budget.note(noOcr);
    }
    context.set(TesseractOCRConfig.class, Ocr.config(limits, noOcr != null));
    PDFParserConfig pdf = new PDFParserConfig();
    pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
    context.set(PDFParserConfig.class, pdf);
    LimitedExtractor extractor = new LimitedExtractor(context, budget);
    context.set(EmbeddedDocumentExtractor.class, extractor);
    StringWriter text = new StringWriter();
    // Whitespace is collapsed afterwards: keep room for it, then cut to maxTextChars.
    int writeLimit = (int) Math.min(Integer.MAX_VALUE, 2L * limits.maxTextChars());
    ContentHandler handler = new BodyContentHandler(new WriteOutContentHandler(text, writeLimit));
    boolean truncated = false;
    String bomb = ZipSizes.refusal(bytes, limits);
    if (bomb != null) {
      return ParsedDocument.failed(ParsedDocument.Status.REFUSED, "application/zip", bomb);
    }
    try (TikaInputStream in = TikaInputStream.get(bytes, metadata)) {
      parser.parse(new BudgetStream(in, budget, false), handler, metadata, context);
    } catch (EncryptedDocumentException e) {
      return ParsedDocument.failed(
          ParsedDocument.Status.FAILED, type(metadata, budget), "encrypted document");
    } catch (IOException | SAXException | TikaException | RuntimeException e) {
      if (budget.refusal != null) {
        return refused(metadata, budget);
      }
      if (WriteLimitReachedException.isWriteLimitReached(e)) {
        truncated = true;
      } else if (isZipBomb(e)) {
        return ParsedDocument.failed(
            ParsedDocument.Status.REFUSED, type(metadata, budget), "zip bomb: " + firstLine(e));
      } else {
        return ParsedDocument.failed(
            ParsedDocument.Status.FAILED, type(metadata, budget), firstLine(e));
      }
    }
    // Parsers record an embedded file's failure and go on: a refusal deep down still counts.
    if (budget.refusal != null) {
      return refused(metadata, budget);
    }
    String plain = collapse(text.toString());
    if (plain.length() > limits.maxTextChars()) {
      plain = plain.substring(0, limits.maxTextChars());
      truncated = true;
    }
    return new ParsedDocument(
        ParsedDocument.Status.OK,
        type(metadata, budget),
        plain,
        null,
        truncated || extractor.skipped,
        extractor.count,
        budget.notes());
  }

  private static ParsedDocument refused(Metadata metadata, Budget budget) {
    return ParsedDocument.failed(
        ParsedDocument.Status.REFUSED, type(metadata, budget), budget.refusal);
  }

  private static boolean isZipBomb(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("zip bomb")) {
        return true;
      }
    }
    return false;
  }

  private static String type(Metadata metadata, Budget budget) {
    String t = metadata.get(Metadata.CONTENT_TYPE);
    if (t != null) {
      budget.contentType = t;
    }
    return t;
  }

  static String collapse(String text) {
    return text.replaceAll("[\\t\\x0B\\f\\r \\u00A0]+", " ")
        .replaceAll(" ?\\n ?", "\n")
        .replaceAll("\\n{3,}", "\n\n")
        .strip();
  }

  private static String firstLine(Throwable e) {
    String m = e.getClass().getSimpleName() + ": " + e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  /** What one parse may still read; shared by every stream of that parse. */
  private final class Budget {
    final long inputBytes;
    final AtomicLong expanded = new AtomicLong();
    volatile String refusal;
    volatile String contentType;
    private final java.util.Set<String> notes = new java.util.LinkedHashSet<>();

    Budget(long inputBytes) {
      this.inputBytes = inputBytes;
    }

    /** A remark on a document that is still read (OCR unavailable, an image too large). */
    synchronized void note(String what) {
      notes.add(what);
    }

    synchronized String notes() {
      return notes.isEmpty() ? null : String.join("; ", notes);
    }

    void refuse(String why) {
      if (refusal == null) {
        refusal = why;
      }
    }

    /** Counts bytes read out of an embedded file; throws once a limit is passed. */
    void unpacked(long n) throws IOException {
      long total = expanded.addAndGet(n);
      if (total > limits.maxExpandedBytes()) {
        refuse("zip bomb: more than " + limits.maxExpandedBytes() + " bytes unpacked");
      } else if (total > (1L << 20) && total > limits.maxExpansionRatio() * inputBytes) {
        refuse(
            "zip bomb: unpacks to more than "
                + limits.maxExpansionRatio()
                + " times its "
                + inputBytes
                + " bytes");
      }
      check();
    }

    void check() throws IOException {
      if (refusal != null) {
        throw new IOException("document refused: " + refusal);
      }
      if (Thread.currentThread().isInterrupted()) {
        throw new IOException("document parse interrupted");
      }
    }
  }

  /** Fails every read once the parse is refused or interrupted; counts embedded bytes. */
  private static final class BudgetStream extends FilterInputStream {
    private final Budget budget;
    private final boolean embedded;

    BudgetStream(InputStream in, Budget budget, boolean embedded) {
      super(in);
      this.budget = budget;
      this.embedded = embedded;
    }

    @Override
    public int read() throws IOException {
      budget.check();
      int b = super.read();
      if (b >= 0 && embedded) {
        budget.unpacked(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      budget.check();
      int n = super.read(buf, off, len);
      if (n > 0 && embedded) {
        budget.unpacked(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      budget.check();
      long s = super.skip(n);
      if (s > 0 && embedded) {
        budget.unpacked(s);
      }
      return s;
    }
  }

  /** Tika's embedded-file extractor with depth, count and byte limits. */
  private final class LimitedExtractor implements EmbeddedDocumentExtractor {
    private final ParsingEmbeddedDocumentExtractor delegate;
    private final Budget budget;
    int depth;
    int count;
    boolean skipped;

    private final ParseContext context;

    LimitedExtractor(ParseContext context, Budget budget) {
      this.context = context;
      this.delegate = new ParsingEmbeddedDocumentExtractor(context);
      this.budget = budget;
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
      if (budget.refusal != null) {
        return false;
      }
      if (count >= limits.maxEmbedded()) {
        skipped = true;
        return false;
      }
      return delegate.shouldParseEmbedded(metadata);
    }

    @Override
    public void parseEmbedded(
        InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
        throws SAXException, IOException {
      if (depth >= limits.maxDepth()) {
        budget.refuse("archives nested deeper than " + limits.maxDepth());
        budget.check();
      }
      count++;
      depth++;
      try {
        InputStream in = new BudgetStream(stream, budget, true);
        // An archive inside: read its (packed) bytes, bounded, to check what its entries declare
        // before anything is unpacked.
        in = new java.io.BufferedInputStream(in);
        in.mark(12);
        byte[] magic = in.readNBytes(12);
        in.reset();
        TesseractOCRConfig ocr = null;
        if (Ocr.isImage(magic)) {
          // An image inside (a scan in a zip): its size is checked from its header like a
          // document's, and OCR skipped for this one image when it is too large.
          byte[] image =
              in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxInputBytes() + 1));
          String refusal = Ocr.refusal(image, limits);
          if (refusal != null) {
            budget.note(refusal);
            ocr = context.get(TesseractOCRConfig.class);
            context.set(TesseractOCRConfig.class, Ocr.config(limits, true));
          }
          budget.check();
          in = new java.io.ByteArrayInputStream(image);
        } else if (ZipSizes.isZip(magic)) {
          byte[] packed =
              in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxInputBytes() + 1));
          if (packed.length > limits.maxInputBytes()) {
            budget.refuse("an embedded archive larger than " + limits.maxInputBytes() + " bytes");
          } else {
            String bomb = ZipSizes.refusal(packed, limits);
            if (bomb != null) {
              budget.refuse(bomb);
            }
          }
          budget.check();
          in = new java.io.ByteArrayInputStream(packed);
        }
        try {
          delegate.parseEmbedded(in, handler, metadata, false);
        } finally {
          if (ocr != null) {
            context.set(TesseractOCRConfig.class, ocr);
          }
        }
      } finally {
        depth--;
      }
      budget.check();
    }
  }
}
