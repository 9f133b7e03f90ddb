package org.markwatch.crawler.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Real documents made on the spot: PDFs written by PDFBox, zip files, zip bombs. */
public final class TestDocuments {
  private TestDocuments() {}

  /** A PDF with one page per entry of {@code pages}, each a few lines of Latin-1 text. */
  public static byte[] pdf(List<String> pages) {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (String text : pages) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.beginText();
          cs.setFont(font, 11);
          cs.setLeading(14);
          cs.newLineAtOffset(50, 740);
          for (String line : text.split("\n")) {
            cs.showText(line);
            cs.newLine();
          }
          cs.endText();
        }
      }
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A scan-like PNG made with Java2D: black text lines on white, 40 px DejaVu Sans (it has the
   * Vietnamese letters), as a photographed or scanned paper would show them.
   */
  public static byte[] png(List<String> lines) {
    java.awt.Font font = new java.awt.Font("DejaVu Sans", java.awt.Font.PLAIN, 40);
    int width = 1400;
    int lineHeight = 64;
    java.awt.image.BufferedImage img =
        new java.awt.image.BufferedImage(
            width, 60 + lineHeight * lines.size(), java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
    java.awt.Graphics2D g = img.createGraphics();
    try {
      g.setColor(java.awt.Color.WHITE);
      g.fillRect(0, 0, img.getWidth(), img.getHeight());
      g.setColor(java.awt.Color.BLACK);
      g.setRenderingHint(
          java.awt.RenderingHints.KEY_TEXT_ANTIALIASING,
          java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setFont(font);
      int y = 70;
      for (String line : lines) {
        g.drawString(line, 40, y);
        y += lineHeight;
      }
    } finally {
      g.dispose();
    }
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      javax.imageio.ImageIO.write(img, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A zip of one entry holding {@code size} bytes of one repeated character (deflates ~1000:1). */
  public static byte[] zipBomb(String entryName, int size) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry(entryName));
      byte[] chunk = new byte[1 << 16];
      Arrays.fill(chunk, (byte) 'a');
      for (int left = size; left > 0; left -= chunk.length) {
        zip.write(chunk, 0, Math.min(left, chunk.length));
      }
      zip.closeEntry();
      zip.finish();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A zip holding {@code name} with {@code content}. */
  public static byte[] zip(String name, byte[] content) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry(name));
      zip.write(content);
      zip.closeEntry();
      zip.finish();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A text file wrapped in {@code levels} zips, one inside the other. */
  public static byte[] nestedZips(int levels, String text) {
    byte[] inner = text.getBytes(StandardCharsets.UTF_8);
    String name = "note.txt";
    for (int i = 0; i < levels; i++) {
      inner = zip(name, inner);
      name = "level" + i + ".zip";
    }
    return inner;
  }

  /** A route serving {@code body} with {@code contentType}. */
  public static TestSite.Route serve(String contentType, byte[] body) {
    return ex -> send(ex, contentType, body);
  }

  private static void send(HttpExchange ex, String contentType, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", contentType);
    ex.sendResponseHeaders(200, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }
}
