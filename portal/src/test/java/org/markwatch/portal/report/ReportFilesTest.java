package org.markwatch.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.markwatch.storage.report.Report;

/**
 * The report files from one report: scraped text stays text in HTML (a script in a seller name is
 * escaped), the PDF is a PDF, the XLSX reads back with its sheets and a formula-like cell defused;
 * the Vietnamese labels come from the portal's message files.
 */
class ReportFilesTest {
  static final Report REPORT =
      new Report(
          LocalDate.of(2026, 1, 1),
          LocalDate.of(2026, 6, 30),
          1200,
          300,
          List.of(new Report.Count("chosi", "chosi", 1200, 300)),
          List.of(new Report.Count("Túi xách", "Túi xách", 200, 200)),
          List.of(new Report.Count("ha-noi", "Hà Nội", 1200, 300)),
          List.of(new Report.Count("counterfeit", "counterfeit", 250, 250)),
          List.of(new Report.Count("gucci", "gucci", 120, 120)),
          List.of(
              new Report.Month(YearMonth.of(2026, 1), 600, 100),
              new Report.Month(YearMonth.of(2026, 2), 600, 200)),
          List.of(
              new Report.SellerRow(
                  "chosi:shop:1", "Shop <script>alert(1)</script>", "chosi", "Hà Nội", 40, 30),
              new Report.SellerRow("chosi:shop:2", "=HYPERLINK(\"x\")", "chosi", "Hà Nội", 4, 3)),
          List.of(new Report.Count("confirmed", "confirmed", 80, 80)),
          List.of(new Report.ActionRow("fine", "done", 2, new BigDecimal("30000000"))));

  @Test
  void htmlEscapesScrapedTextAndSpeaksVietnamese() {
    String html =
        new String(
            ReportFiles.render(
                REPORT,
                ReportLabels.bundles(Locale.of("vi")),
                Locale.of("vi"),
                ReportFiles.Format.HTML,
                Instant.EPOCH),
            StandardCharsets.UTF_8);
    assertThat(html)
        .doesNotContain("<script>")
        .contains("Shop &lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(html)
        .contains("Hàng giả")
        .contains("Xử phạt")
        .contains("<svg")
        .contains("30.000.000");
  }

  @Test
  void pdfAndXlsxAreWhatTheySayTheyAre() throws Exception {
    byte[] pdf =
        ReportFiles.render(
            REPORT,
            ReportLabels.bundles(Locale.ENGLISH),
            Locale.ENGLISH,
            ReportFiles.Format.PDF,
            Instant.EPOCH);
    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    byte[] xlsx =
        ReportFiles.render(
            REPORT,
            ReportLabels.bundles(Locale.ENGLISH),
            Locale.ENGLISH,
            ReportFiles.Format.XLSX,
            Instant.EPOCH);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      assertThat(wb.getSheet("Monthly trend").getRow(2).getCell(2).getNumericCellValue())
          .isEqualTo(200);
      var sellers = wb.getSheet("Sellers with the most flagged l");
      assertThat(sellers.getRow(2).getCell(1).getStringCellValue()).startsWith("'=HYPERLINK");
      assertThat(wb.getSheet("By violation").getRow(1).getCell(0).getStringCellValue())
          .isEqualTo("Counterfeit");
    }
  }
}
