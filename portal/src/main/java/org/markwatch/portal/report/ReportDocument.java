package org.markwatch.portal.report;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.markwatch.storage.report.Report;
import org.markwatch.storage.report.ReportQuery;

/**
 * A report as XHTML: the body the portal page shows, and a standalone document (with its own style
 * sheet) for the HTML and PDF files. Every value from the database (seller names, brand and
 * category names come from crawled pages) is escaped here, so scraped markup is text. Charts are
 * SVG ({@link ReportCharts}); in a PDF, where openhtmltopdf draws no SVG without Batik, the same
 * figures are drawn as bars of CSS width.
 */
public final class ReportDocument {
  static final int BAR_ROWS = 12;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private final Report report;
  private final ReportLabels labels;
  private final Locale locale;
  private final boolean pdf;

  public ReportDocument(Report report, ReportLabels labels, Locale locale, boolean pdf) {
    this.report = report;
    this.labels = labels;
    this.locale = locale;
    this.pdf = pdf;
  }

  /** A standalone XHTML document (the HTML file, and the input of the PDF). */
  public String standalone(Instant generatedAt) {
    StringBuilder b = new StringBuilder();
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
        .append(locale.getLanguage())
        .append("\"><head><meta charset=\"UTF-8\"/><title>")
        .append(esc(title()))
        .append("</title><style>")
        .append(
            "body{font-family:'DejaVu Sans',sans-serif;font-size:9pt;color:#222} h1{font-size:15pt}"
                + " h2{font-size:11pt;border-bottom:1px solid #999;margin-top:14pt}"
                + " table{border-collapse:collapse;margin:4pt 0} td,th{border:1px solid #bbb;padding:2px 5px;text-align:left}"
                + " td.num,th.num{text-align:right} .bar{background:#c0392b;height:8pt}"
                + " .bar.all{background:#9db7d5} .bars td{border:none;padding:1px 4px} .muted{color:#666}")
        .append("</style></head><body>")
        .append("<h1>")
        .append(esc(title()))
        .append("</h1><p class=\"muted\">")
        .append(
            esc(
                labels.text(
                    "ops.report.generated",
                    "Generated",
                    TIME.format(generatedAt.atZone(ReportQuery.ZONE)))))
        .append("</p>")
        .append(body())
        .append("</body></html>");
    return b.toString();
  }

  public String title() {
    return labels.text(
        "ops.report.heading", "Report", DAY.format(report.from()), DAY.format(report.to()));
  }

  /** The report's sections (no style, no script): the portal page inserts this. */
  public String body() {
    StringBuilder b = new StringBuilder();
    b.append("<table class=\"summary\"><tbody>");
    row(b, labels.text("ops.report.listings", "Listings"), num(report.listings()));
    row(b, labels.text("ops.report.flagged", "Flagged"), num(report.flagged()));
    row(
        b,
        labels.text("ops.report.flaggedShare", "Share flagged"),
        report.listings() == 0
            ? "—"
            : String.format(locale, "%.1f %%", 100.0 * report.flagged() / report.listings()));
    b.append("</tbody></table>");

    h2(b, labels.text("ops.report.trend", "Trend"));
    if (pdf) {
      trendBars(b);
    } else {
      b.append("<figure>")
          .append(
              ReportCharts.trend(
                  report.trend(),
                  labels.text("ops.report.listings", "Listings"),
                  labels.text("ops.report.flagged", "Flagged")))
          .append("</figure>");
    }
    table(
        b,
        List.of(
            labels.text("ops.report.month", "Month"),
            labels.text("ops.report.listings", "Listings"),
            labels.text("ops.report.flagged", "Flagged")),
        report.trend().stream()
            .map(
                m ->
                    List.of(
                        String.format(
                            Locale.ROOT, "%02d/%d", m.month().getMonthValue(), m.month().getYear()),
                        num(m.listings()),
                        num(m.flagged())))
            .toList(),
        "trend",
        1);

    breakdown(
        b,
        "ops.report.byViolation",
        "By violation",
        report.byViolation(),
        c -> violation(c.key()),
        "violation");
    breakdown(
        b,
        "ops.report.byPlatform",
        "By platform",
        report.byPlatform(),
        Report.Count::label,
        "platform");
    breakdown(
        b,
        "ops.report.byProvince",
        "By province",
        report.byProvince(),
        c -> c.key().isEmpty() ? labels.text("ops.report.unknown", "unknown") : c.label(),
        "province");
    breakdown(
        b,
        "ops.report.byCategory",
        "By category",
        report.byCategory(),
        c -> c.key().isEmpty() ? labels.text("ops.report.unknown", "unknown") : c.label(),
        "category");
    breakdown(b, "ops.report.byBrand", "By brand", report.byBrand(), Report.Count::label, "brand");

    h2(b, labels.text("ops.report.topSellers", "Top sellers"));
    table(
        b,
        List.of(
            labels.text("ops.report.seller", "Seller"),
            labels.text("ops.report.platform", "Platform"),
            labels.text("ops.report.province", "Province"),
            labels.text("ops.report.listings", "Listings"),
            labels.text("ops.report.flagged", "Flagged")),
        report.topSellers().stream()
            .map(
                s ->
                    List.of(
                        s.name() == null ? s.sellerId() : s.name() + " (" + s.sellerId() + ")",
                        s.platform(),
                        s.province(),
                        num(s.listings()),
                        num(s.flagged())))
            .toList(),
        "sellers",
        3);

    h2(b, labels.text("ops.report.decisions", "Analysts' decisions"));
    table(
        b,
        List.of(
            labels.text("ops.report.decision", "Decision"),
            labels.text("ops.report.count", "Count")),
        report.decisions().stream()
            .map(d -> List.of(labels.text("state." + d.key(), d.key()), num(d.listings())))
            .toList(),
        "decisions",
        1);

    h2(b, labels.text("ops.report.actions", "Actions taken"));
    table(
        b,
        List.of(
            labels.text("ops.report.actionKind", "Action"),
            labels.text("ops.report.actionStatus", "Status"),
            labels.text("ops.report.count", "Count"),
            labels.text("ops.report.amount", "Fines (VND)")),
        report.actions().stream()
            .map(
                a ->
                    List.of(
                        labels.text("ops.action." + a.kind(), a.kind()),
                        labels.text("ops.actionStatus." + a.status(), a.status()),
                        num(a.count()),
                        money(a.amountVnd())))
            .toList(),
        "actions",
        2);
    return b.toString();
  }

  private void breakdown(
      StringBuilder b,
      String key,
      String fallback,
      List<Report.Count> rows,
      Function<Report.Count, String> label,
      String id) {
    h2(b, labels.text(key, fallback));
    if (pdf) {
      cssBars(b, rows, label);
    } else {
      String svg = ReportCharts.bars(rows, label, BAR_ROWS);
      if (!svg.isEmpty()) {
        b.append("<figure>").append(svg).append("</figure>");
      }
    }
    table(
        b,
        List.of(
            "",
            labels.text("ops.report.listings", "Listings"),
            labels.text("ops.report.flagged", "Flagged")),
        rows.stream()
            .map(c -> List.of(label.apply(c), num(c.listings()), num(c.flagged())))
            .toList(),
        id,
        1);
  }

  private void trendBars(StringBuilder b) {
    long max =
        Math.max(1, report.trend().stream().mapToLong(Report.Month::listings).max().orElse(1));
    b.append("<table class=\"bars\"><tbody>");
    for (Report.Month m : report.trend()) {
      b.append("<tr><td>")
          .append(
              String.format(Locale.ROOT, "%02d/%d", m.month().getMonthValue(), m.month().getYear()))
          .append("</td><td><div class=\"bar all\" style=\"width:")
          .append(Math.max(1, 300 * m.listings() / max))
          .append("pt\"></div><div class=\"bar\" style=\"width:")
          .append(Math.max(1, 300 * m.flagged() / max))
          .append("pt\"></div></td></tr>");
    }
    b.append("</tbody></table>");
  }

  private void cssBars(
      StringBuilder b, List<Report.Count> rows, Function<Report.Count, String> label) {
    List<Report.Count> shown = rows.stream().filter(r -> r.flagged() > 0).limit(BAR_ROWS).toList();
    long max = Math.max(1, shown.stream().mapToLong(Report.Count::flagged).max().orElse(1));
    b.append("<table class=\"bars\"><tbody>");
    for (Report.Count c : shown) {
      b.append("<tr><td>")
          .append(esc(label.apply(c)))
          .append("</td><td><div class=\"bar\" style=\"width:")
          .append(Math.max(1, 300 * c.flagged() / max))
          .append("pt\"></div></td></tr>");
    }
    b.append("</tbody></table>");
  }

  private String violation(String id) {
    return labels.text("violation." + id, id);
  }

  private static void h2(StringBuilder b, String text) {
    b.append("<h2>").append(esc(text)).append("</h2>");
  }

  private static void row(StringBuilder b, String k, String v) {
    b.append("<tr><th>")
        .append(esc(k))
        .append("</th><td class=\"num\">")
        .append(esc(v))
        .append("</td></tr>");
  }

  private void table(
      StringBuilder b, List<String> head, List<List<String>> rows, String id, int firstNumeric) {
    if (rows.isEmpty()) {
      b.append("<p class=\"muted\">").append(esc(labels.text("ops.none", "none"))).append("</p>");
      return;
    }
    b.append("<table class=\"ops report-").append(id).append("\"><thead><tr>");
    for (int i = 0; i < head.size(); i++) {
      b.append(i < firstNumeric ? "<th>" : "<th class=\"num\">")
          .append(esc(head.get(i)))
          .append("</th>");
    }
    b.append("</tr></thead><tbody>");
    for (List<String> r : rows) {
      b.append("<tr>");
      for (int i = 0; i < r.size(); i++) {
        boolean numeric = i >= firstNumeric;
        b.append(numeric ? "<td class=\"num\">" : "<td>").append(esc(r.get(i))).append("</td>");
      }
      b.append("</tr>");
    }
    b.append("</tbody></table>");
  }

  private String num(long n) {
    return NumberFormat.getIntegerInstance(
            locale.getLanguage().equals("vi") ? Locale.of("vi", "VN") : locale)
        .format(n);
  }

  private String money(BigDecimal amount) {
    return amount == null
        ? "—"
        : NumberFormat.getIntegerInstance(Locale.of("vi", "VN")).format(amount);
  }

  /** XML escaping of text and attribute values; null is empty. */
  public static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          // control characters other than tab/newline are not allowed in XML
          if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
