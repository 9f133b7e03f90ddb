package org.markwatch.crawler.documents;

/**
 * Bounds for parsing one hostile document. Tika has no time or heap limit of its own, so every
 * resource a parse can use is bounded here: the input bytes, the wall time (the parse runs on its
 * own thread), the text kept, the bytes unpacked from archives and their ratio to the packed size,
 * how deep archives nest and how many embedded files are read.
 *
 * @param maxInputBytes a larger document is refused before parsing
 * @param timeoutMs wall-time limit of one parse
 * @param maxTextChars text beyond this is cut (the document is flagged truncated)
 * @param maxExpandedBytes total bytes read out of embedded files (zip entries, attachments); more
 *     refuses the document as a zip bomb
 * @param maxExpansionRatio bytes unpacked per input byte; more (once past 1 MiB) refuses it as a
 *     zip bomb
 * @param maxDepth archives nested deeper than this refuse the document (42.zip-style recursion)
 * @param maxEmbedded embedded files parsed; the rest are skipped (flagged truncated)
 * @param maxImagePixels an image (a document, or one inside it) larger than this, by its header, is
 *     not handed to OCR
 */
public record DocumentLimits(
    long maxInputBytes,
    long timeoutMs,
    int maxTextChars,
    long maxExpandedBytes,
    long maxExpansionRatio,
    int maxDepth,
    int maxEmbedded,
    long maxImagePixels) {

  /**
   * 20 MiB in, 30 s, 20,000 characters out, 64 MiB unpacked, ratio 100, depth 3, 100 files, OCR of
   * images up to 40 megapixels (an A4 page scanned at 600 dpi is 35).
   */
  public static final DocumentLimits DEFAULT =
      new DocumentLimits(20L << 20, 30_000, 20_000, 64L << 20, 100, 3, 100, 40_000_000);

  public DocumentLimits {
    if (maxInputBytes <= 0
        || timeoutMs <= 0
        || maxTextChars <= 0
        || maxExpandedBytes <= 0
        || maxExpansionRatio <= 0
        || maxDepth < 0
        || maxEmbedded < 0
        || maxImagePixels <= 0) {
      throw new IllegalArgumentException("document limits must be positive");
    }
  }

  /**
   * The limits as command-line arguments, in record order: how {@link ForkedDocumentParser} hands
   * them to its child process, which reads them back with {@link #fromArguments}.
   */
  java.util.List<String> toArguments() {
    return java.util.List.of(
        Long.toString(maxInputBytes),
        Long.toString(timeoutMs),
        Integer.toString(maxTextChars),
        Long.toString(maxExpandedBytes),
        Long.toString(maxExpansionRatio),
        Integer.toString(maxDepth),
        Integer.toString(maxEmbedded),
        Long.toString(maxImagePixels));
  }

  /** The limits {@link #toArguments} wrote. */
  static DocumentLimits fromArguments(String[] args) {
    return new DocumentLimits(
        Long.parseLong(args[0]),
        Long.parseLong(args[1]),
        Integer.parseInt(args[2]),
        Long.parseLong(args[3]),
        Long.parseLong(args[4]),
        Integer.parseInt(args[5]),
        Integer.parseInt(args[6]),
        Long.parseLong(args[7]));
  }

  public DocumentLimits withTimeoutMs(long ms) {
    return new DocumentLimits(
        maxInputBytes,
        ms,
        maxTextChars,
        maxExpandedBytes,
        maxExpansionRatio,
        maxDepth,
        maxEmbedded,
        maxImagePixels);
  }

  public DocumentLimits withMaxTextChars(int chars) {
    return new DocumentLimits(
        maxInputBytes,
        timeoutMs,
        chars,
        maxExpandedBytes,
        maxExpansionRatio,
        maxDepth,
        maxEmbedded,
        maxImagePixels);
  }

  public DocumentLimits withMaxImagePixels(long pixels) {
    return new DocumentLimits(
        maxInputBytes,
        timeoutMs,
        maxTextChars,
        maxExpandedBytes,
        maxExpansionRatio,
        maxDepth,
        maxEmbedded,
        pixels);
  }
}
