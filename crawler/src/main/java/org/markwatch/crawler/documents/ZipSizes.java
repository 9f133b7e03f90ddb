package org.markwatch.crawler.documents;

import java.io.IOException;
import java.util.Enumeration;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * A zip's central directory read before anything is unpacked: the sizes its entries declare, added
 * up, against the limits. A bomb that declares small sizes and unpacks to more is caught while it
 * is read (the parser counts the bytes it unpacks); one that declares its size is refused here,
 * before a text parser could fill the text limit with it and pass for a merely long document.
 */
final class ZipSizes {
  private ZipSizes() {}

  static boolean isZip(byte[] head) {
    return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
  }

  /** Why the zip is refused, or null (also for anything that is not a readable zip). */
  static String refusal(byte[] bytes, DocumentLimits limits) {
    if (!isZip(bytes)) {
      return null;
    }
    long declared = 0;
    int entries = 0;
    try (ZipFile zip =
        ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
      for (Enumeration<ZipArchiveEntry> e = zip.getEntries(); e.hasMoreElements(); ) {
        ZipArchiveEntry entry = e.nextElement();
        entries++;
        if (entry.getSize() > 0) {
          declared += entry.getSize();
        }
      }
    } catch (IOException | RuntimeException e) {
      return null; // not readable as a zip here: the parser decides
    }
    if (declared > limits.maxExpandedBytes()) {
      return "zip bomb: its " + entries + " entries declare " + declared + " bytes unpacked";
    }
    if (declared > (1L << 20) && declared > limits.maxExpansionRatio() * bytes.length) {
      return "zip bomb: declares "
          + declared
          + " bytes unpacked from "
          + bytes.length
          + " (more than "
          + limits.maxExpansionRatio()
          + " times)";
    }
    return null;
  }
}
