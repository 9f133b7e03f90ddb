package org.markwatch.portal.queue;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.markwatch.portal.security.Viewer;
import org.markwatch.portal.web.Formats;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The queue's current filter as a file: CSV (UTF-8 with a byte-order mark, so Excel reads the
 * Vietnamese letters) or XLSX (Apache POI's streaming writer, constant memory). Same rows, same
 * order, same jurisdiction as the page; at most {@value #MAX_ROWS} rows. Cells that a spreadsheet
 * would take for a formula are prefixed with an apostrophe: scraped titles are hostile.
 */
@Controller
class QueueExport {
  static final int MAX_ROWS = 100_000;
  static final List<String> HEADER =
      List.of(
          "listing_id",
          "platform",
          "title",
          "price",
          "currency",
          "seller_id",
          "seller_name",
          "province",
          "score",
          "violations",
          "brands",
          "observed_at_vietnam");

  private static final CsvMapper CSV = new CsvMapper();

  private final QueueQuery queue;
  private final Formats fmt;
  private final ExportEvents events;

  QueueExport(QueueQuery queue, Formats fmt, ExportEvents events) {
    this.queue = queue;
    this.fmt = fmt;
    this.events = events;
  }

  @GetMapping("/queue/export.csv")
  ResponseEntity<StreamingResponseBody> csv(
      Viewer viewer,
      @RequestParam(required = false) String violation,
      @RequestParam(required = false) String platform,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String mine) {
    QueueFilter filter = QueueFilter.of(violation, platform, q, sort, state, "true".equals(mine));
    StreamingResponseBody body =
        out -> {
          out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
          try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
              SequenceWriter csv = CSV.writer(CsvSchema.emptySchema()).writeValues(w)) {
            writeRow(csv, HEADER);
            int n = queue.stream(viewer, filter, MAX_ROWS, row -> writeRow(csv, cells(row)));
            events.exported(viewer, "csv", filter, n);
          }
        };
    return attachment(body, "csv", new MediaType("text", "csv", StandardCharsets.UTF_8));
  }

  @GetMapping("/queue/export.xlsx")
  ResponseEntity<StreamingResponseBody> xlsx(
      Viewer viewer,
      @RequestParam(required = false) String violation,
      @RequestParam(required = false) String platform,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String mine) {
    QueueFilter filter = QueueFilter.of(violation, platform, q, sort, state, "true".equals(mine));
    StreamingResponseBody body =
        out -> {
          try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            Sheet sheet = book.createSheet("markwatch");
            write(sheet.createRow(0), HEADER);
            int[] next = {1};
            int n =
                queue.stream(
                    viewer, filter, MAX_ROWS, row -> write(sheet.createRow(next[0]++), cells(row)));
            book.write(out);
            events.exported(viewer, "xlsx", filter, n);
          }
        };
    return attachment(
        body,
        "xlsx",
        MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
  }

  private List<String> cells(QueueRow r) {
    return List.of(
        r.listingId(),
        r.platform(),
        nz(r.title()),
        r.priceAmount() == null ? "" : r.priceAmount().toPlainString(),
        nz(r.priceCurrency()),
        nz(r.sellerId()),
        nz(r.sellerName()),
        nz(r.province()),
        fmt.score(r.score()),
        String.join(", ", r.violations().stream().map(fmt::violation).toList()),
        String.join(", ", r.brands()),
        fmt.time(r.observedAt()));
  }

  /**
   * A spreadsheet runs a cell that starts with = + - @ (or a tab/CR) as a formula: never for
   * scraped text.
   */
  static String inert(String cell) {
    return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
  }

  private static void writeRow(SequenceWriter csv, List<String> cells) {
    csv.write(cells.stream().map(QueueExport::inert).toList());
  }

  private static void write(Row row, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      row.createCell(i).setCellValue(inert(cells.get(i)));
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static ResponseEntity<StreamingResponseBody> attachment(
      StreamingResponseBody body, String ext, MediaType type) {
    String name =
        "markwatch-queue-" + Instant.now().toString().replace(":", "").substring(0, 15) + "." + ext;
    return ResponseEntity.ok()
        .contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .body(body);
  }
}
