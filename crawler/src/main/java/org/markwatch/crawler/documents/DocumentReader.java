package org.markwatch.crawler.documents;

/**
 * Reads a hostile document within {@link DocumentLimits}: {@link ForkedDocumentParser} in a child
 * JVM (what the crawler uses), or {@link DocumentParser} on a thread of the calling JVM.
 */
public interface DocumentReader extends AutoCloseable {
  /**
   * Text, type and language of {@code bytes}; {@code name} (the file name from the URL, may be
   * null) helps type detection. Never throws for what the document holds.
   */
  ParsedDocument parse(byte[] bytes, String name);

  DocumentLimits limits();

  @Override
  void close();
}
