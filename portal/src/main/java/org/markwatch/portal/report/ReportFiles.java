package org.markwatch.portal.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.markwatch.storage.report.Report;

/** A report as a file: HTML, PDF (openhtmltopdf) or XLSX (POI, one sheet per breakdown). */
public final class ReportFiles {
  /** Fonts with Vietnamese letters, where Debian and most Linux systems put them. */
  static final List<Path> FONTS =
      List.of(
          Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
          Path.of("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
          Path.of("/usr/share/fonts/TTF/DejaVuSans.ttf"));

  /** The formats {@code markwatch report} and the portal write. */
  public enum Format {
    HTML("text/html; charset=UTF-8", "html"),
    PDF("application/pdf", "pdf"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    public final String contentType;
    public final String extension;

    Format(String contentType, String extension) {
      this.contentType = contentType;
      this.extension = extension;
    }

    public static Format of(String name) {
      return valueOf(name.toUpperCase(Locale.ROOT));
    }
  }

  private ReportFiles() {}

  public static byte[] render(
      Report report, ReportLabels labels, Locale locale, Format format, Instant now) {
    return switch (format) {
      case HTML ->
          new ReportDocument(report, labels, locale, false)
              .standalone(now)
              .getBytes(StandardCharsets.UTF_8);
      case PDF -> pdf(new ReportDocument(report, labels, locale, true).standalone(now));
      case XLSX -> xlsx(report, labels);
    };
  }

  static byte[] pdf(String xhtml) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder b = new PdfRendererBuilder();
      b.useFastMode();
      for (Path font : FONTS) {
        if (Files.isRegularFile(font)) {
          b.useFont(font.toFile(), "DejaVu Sans");
          break;
        }
      }
      b.withHtmlContent(xhtml, null);
      b.toStream(out);
      b.run();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the report PDF: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  static byte[] xlsx(Report r, ReportLabels labels) {
    try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
      CellStyle bold = wb.createCellStyle();
      Font f = wb.createFont();
      f.setBold(true);
      bold.setFont(f);
      String listings = labels.text("ops.report.listings", "Listings");
      String flagged = labels.text("ops.report.flagged", "Flagged");
      Sheet summary = wb.createSheet(sheetName(labels.text("ops.report.summary", "Summary")));
      put(summary, 0, bold, labels.text("ops.report.from", "From"), r.from().toString());
      put(summary, 1, bold, labels.text("ops.report.to", "To"), r.to().toString());
      put(summary, 2, bold, listings, r.listings());
      put(summary, 3, bold, flagged, r.flagged());
      Sheet trend = wb.createSheet(sheetName(labels.text("ops.report.trend", "Trend")));
      header(trend, bold, labels.text("ops.report.month", "Month"), listings, flagged);
      int i = 1;
      for (Report.Month m : r.trend()) {
        Row row = trend.createRow(i++);
        row.createCell(0).setCellValue(m.month().toString());
        row.createCell(1).setCellValue(m.listings());
        row.createCell(2).setCellValue(m.flagged());
      }
      counts(
          wb,
          bold,
          labels.text("ops.report.byViolation", "Violation"),
          r.byViolation(),
          c -> labels.text("violation." + c.key(), c.key()),
          listings,
          flagged);
      counts(
          wb,
          bold,
          labels.text("ops.report.byPlatform", "Platform"),
          r.byPlatform(),
          Report.Count::label,
          listings,
          flagged);
      counts(
          wb,
          bold,
          labels.text("ops.report.byProvince", "Province"),
          r.byProvince(),
          Report.Count::label,
          listings,
          flagged);
      counts(
          wb,
          bold,
          labels.text("ops.report.byCategory", "Category"),
          r.byCategory(),
          Report.Count::label,
          listings,
          flagged);
      counts(
          wb,
          bold,
          labels.text("ops.report.byBrand", "Brand"),
          r.byBrand(),
          Report.Count::label,
          listings,
          flagged);
      Sheet sellers =
          wb.createSheet(sheetName(labels.text("ops.report.topSellers", "Top sellers")));
      header(
          sellers,
          bold,
          "id",
          labels.text("ops.report.seller", "Seller"),
          labels.text("ops.report.platform", "Platform"),
          labels.text("ops.report.province", "Province"),
          listings,
          flagged);
      i = 1;
      for (Report.SellerRow s : r.topSellers()) {
        Row row = sellers.createRow(i++);
        text(row, 0, s.sellerId());
        text(row, 1, s.name());
        text(row, 2, s.platform());
        text(row, 3, s.province());
        row.createCell(4).setCellValue(s.listings());
        row.createCell(5).setCellValue(s.flagged());
      }
      Sheet actions = wb.createSheet(sheetName(labels.text("ops.report.actions", "Actions")));
      header(
          actions,
          bold,
          labels.text("ops.report.actionKind", "Action"),
          labels.text("ops.report.actionStatus", "Status"),
          labels.text("ops.report.count", "Count"),
          labels.text("ops.report.amount", "Fines (VND)"));
      i = 1;
      for (Report.ActionRow a : r.actions()) {
        Row row = actions.createRow(i++);
        text(row, 0, labels.text("ops.action." + a.kind(), a.kind()));
        text(row, 1, labels.text("ops.actionStatus." + a.status(), a.status()));
        row.createCell(2).setCellValue(a.count());
        if (a.amountVnd() != null) {
          row.createCell(3).setCellValue(a.amountVnd().doubleValue());
        }
      }
      Sheet decisions = wb.createSheet(sheetName(labels.text("ops.report.decisions", "Decisions")));
      header(
          decisions,
          bold,
          labels.text("ops.report.decision", "Decision"),
          labels.text("ops.report.count", "Count"));
      i = 1;
      for (Report.Count d : r.decisions()) {
        Row row = decisions.createRow(i++);
        text(row, 0, labels.text("state." + d.key(), d.key()));
        row.createCell(1).setCellValue(d.listings());
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      wb.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report XLSX: " + e.getMessage(), e);
    }
  }

  private static void counts(
      SXSSFWorkbook wb,
      CellStyle bold,
      String name,
      List<Report.Count> rows,
      Function<Report.Count, String> label,
      String listings,
      String flagged) {
    Sheet s = wb.createSheet(sheetName(name));
    header(s, bold, name, listings, flagged);
    int i = 1;
    for (Report.Count c : rows) {
      Row row = s.createRow(i++);
      text(row, 0, label.apply(c));
      row.createCell(1).setCellValue(c.listings());
      row.createCell(2).setCellValue(c.flagged());
    }
  }

  private static void header(Sheet s, CellStyle bold, String... names) {
    Row row = s.createRow(0);
    for (int i = 0; i < names.length; i++) {
      Cell c = row.createCell(i);
      c.setCellValue(names[i]);
      c.setCellStyle(bold);
    }
  }

  private static void put(Sheet s, int r, CellStyle bold, String k, Object v) {
    Row row = s.createRow(r);
    Cell c = row.createCell(0);
    c.setCellValue(k);
    c.setCellStyle(bold);
    if (v instanceof Number n) {
      row.createCell(1).setCellValue(n.doubleValue());
    } else {
      text(row, 1, String.valueOf(v));
    }
  }

  /** A text cell; one a spreadsheet would run as a formula is prefixed with an apostrophe. */
  static void text(Row row, int col, String v) {
    String s = v == null ? "" : v;
    if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
      s = "'" + s;
    }
    row.createCell(col).setCellValue(s);
  }

  /** Excel refuses sheet names over 31 characters or with []:*?/\ . */
  static String sheetName(String s) {
    String clean = s.replaceAll("[\\[\\]:*?/\\\\]", " ");
    return clean.length() > 31 ? clean.substring(0, 31) : clean;
  }
}
