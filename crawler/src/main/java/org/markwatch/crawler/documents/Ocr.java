package org.markwatch.crawler.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.tika.exception.TikaConfigException;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.ocr.TesseractOCRParser;

/**
 * OCR of scanned papers (certificates, invoices) by Tika's {@code TesseractOCRParser}, which runs
 * the {@code tesseract} program (Debian: {@code tesseract-ocr}, {@code tesseract-ocr-vie}, {@code
 * tesseract-ocr-eng}) on images, in Vietnamese and English. What is checked here: whether tesseract
 * and its language data are there (probed once), and the size of an image in pixels, read from its
 * header without decoding it, so that a small file declaring a huge image (a decompression bomb for
 * tesseract's own decoder, outside any JVM heap) is never handed to it.
 */
final class Ocr {
  /** What tesseract can do here: the languages to use, or why OCR is unavailable. */
  record Availability(String languages, String problem) {
    boolean available() {
      return problem == null;
    }
  }

  private static final List<String> WANTED = List.of("vie", "eng");
  private static volatile Availability probed;

  private Ocr() {}

  /** tesseract on the PATH and which of Vietnamese and English it has; probed once. */
  static Availability availability() {
    Availability a = probed;
    if (a == null) {
      synchronized (Ocr.class) {
        if (probed == null) {
          probed = probe();
        }
        a = probed;
      }
    }
    return a;
  }

  private static Availability probe() {
    TesseractOCRParser tesseract = new TesseractOCRParser();
    try {
      tesseract.initialize(Map.of());
      if (!tesseract.hasTesseract()) {
        return new Availability(
            null,
            "OCR unavailable: tesseract is not installed (apt-get install tesseract-ocr"
                + " tesseract-ocr-vie tesseract-ocr-eng)");
      }
    } catch (TikaConfigException | RuntimeException e) {
      return new Availability(null, "OCR unavailable: " + e.getMessage());
    }
    Set<String> langs = installedLanguages();
    List<String> use = new ArrayList<>();
    for (String l : WANTED) {
      if (langs.contains(l)) {
        use.add(l);
      }
    }
    if (use.isEmpty()) {
      return new Availability(
          null,
          "OCR unavailable: tesseract has no Vietnamese or English data (apt-get install"
              + " tesseract-ocr-vie tesseract-ocr-eng)");
    }
    return new Availability(String.join("+", use), null);
  }

  /** Tika's tesseract parser, initialised; it supports no type when tesseract is missing. */
  static TesseractOCRParser parser() {
    TesseractOCRParser p = new TesseractOCRParser();
    try {
      p.initialize(Map.of());
    } catch (TikaConfigException e) {
      // hasTesseract() then says false and the parser takes no type
    }
    return p;
  }

  /** The language data tesseract lists ({@code tesseract --list-langs}); empty when it fails. */
  private static Set<String> installedLanguages() {
    Set<String> out = new java.util.TreeSet<>();
    try {
      Process p =
          new ProcessBuilder(TesseractOCRParser.getTesseractProg(), "--list-langs")
              .redirectErrorStream(true)
              .start();
      String listing;
      try (java.io.InputStream in = p.getInputStream()) {
        listing = new String(in.readNBytes(64 * 1024), java.nio.charset.StandardCharsets.UTF_8);
      }
      if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return out;
      }
      for (String line : listing.split("\\R")) {
        if (line.matches("[a-z_A-Z]+")) {
          out.add(line.strip());
        }
      }
    } catch (IOException e) {
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return out;
  }

  /** Tika's OCR settings for one parse: our languages, the time and size limits. */
  static TesseractOCRConfig config(DocumentLimits limits, boolean skip) {
    TesseractOCRConfig c = new TesseractOCRConfig();
    Availability a = availability();
    if (a.available()) {
      c.setLanguage(a.languages());
    }
    c.setSkipOcr(skip || !a.available());
    c.setTimeoutSeconds((int) Math.max(1, (limits.timeoutMs() + 999) / 1000));
    c.setMaxFileSizeToOcr(limits.maxInputBytes());
    return c;
  }

  /** Whether the bytes start like an image file (PNG, JPEG, GIF, TIFF, BMP, WebP). */
  static boolean isImage(byte[] h) {
    return starts(h, 0x89, 'P', 'N', 'G')
        || starts(h, 0xFF, 0xD8, 0xFF)
        || starts(h, 'G', 'I', 'F', '8')
        || starts(h, 'I', 'I', 0x2A, 0x00)
        || starts(h, 'M', 'M', 0x00, 0x2A)
        || starts(h, 'B', 'M')
        || (starts(h, 'R', 'I', 'F', 'F')
            && h.length >= 12
            && h[8] == 'W'
            && h[9] == 'E'
            && h[10] == 'B'
            && h[11] == 'P');
  }

  /** Width x height from the image's header (not decoded), or -1 when no reader knows it. */
  static long pixels(byte[] image) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
      if (in == null) {
        return -1;
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return -1;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return (long) reader.getWidth(0) * reader.getHeight(0);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * Null when the image may be OCR'd, else why not (one line): OCR is unavailable here, the image
   * has more bytes than a document may (an image inside an archive, read up to one byte past the
   * limit), or its header declares more than the pixel limit. One answer for a document and for an
   * image inside one.
   */
  static String refusal(byte[] image, DocumentLimits limits) {
    Availability a = availability();
    if (!a.available()) {
      return a.problem();
    }
    if (image.length > limits.maxInputBytes()) {
      return "an image larger than " + limits.maxInputBytes() + " bytes: not OCR'd";
    }
    long px = pixels(image);
    if (px < 0) {
      return "image size unreadable: not OCR'd";
    }
    if (px > limits.maxImagePixels()) {
      return "image of "
          + px
          + " pixels, more than the OCR limit of "
          + limits.maxImagePixels()
          + ": not OCR'd";
    }
    return null;
  }

  private static boolean starts(byte[] h, int... magic) {
    if (h.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((h[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
