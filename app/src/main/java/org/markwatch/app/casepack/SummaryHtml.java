package org.markwatch.app.casepack;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.markwatch.model.JsonCodec;
import org.markwatch.storage.StoredListing;
import org.markwatch.storage.cases.CaseAction;
import org.markwatch.storage.cases.CaseRecord;
import org.markwatch.storage.review.Decision;
import tools.jackson.databind.JsonNode;

/**
 * The XHTML of a case summary, in Vietnamese: every value from a page (titles, seller names) is
 * escaped, so scraped markup is shown as text, never interpreted.
 */
final class SummaryHtml {
  private SummaryHtml() {}

  static String render(
      CaseRecord k,
      List<StoredListing> listings,
      Map<String, List<Decision>> decisions,
      Instant now,
      DateTimeFormatter time) {
    StringBuilder b = new StringBuilder();
    b.append(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"vi\"><head>")
        .append("<meta charset=\"UTF-8\"/><title>")
        .append(esc(k.id()))
        .append("</title><style>")
        .append(
            "body{font-family:'DejaVu Sans',sans-serif;font-size:9pt} h1{font-size:14pt} h2{font-size:11pt;")
        .append(
            "border-bottom:1px solid #999} table{border-collapse:collapse;width:100%} td,th{border:1px solid #bbb;")
        .append(
            "padding:2px 4px;vertical-align:top} .mono{font-family:monospace;font-size:7pt;word-break:break-all}")
        .append("</style></head><body>");
    b.append("<h1>Hồ sơ vụ việc ")
        .append(esc(k.id()))
        .append(": ")
        .append(esc(k.title()))
        .append("</h1>");
    b.append("<p>Trạng thái: ")
        .append(esc(k.status()))
        .append(" · Tỉnh/thành: ")
        .append(esc(k.provinceCode() == null ? "toàn quốc" : k.provinceCode()))
        .append(" · Lập bởi ")
        .append(esc(k.createdBy()))
        .append(" lúc ")
        .append(time.format(k.createdAt()))
        .append(" · Xuất lúc ")
        .append(time.format(now))
        .append(" (giờ Việt Nam)</p>");
    if (k.summary() != null) {
      b.append("<p>").append(esc(k.summary())).append("</p>");
    }
    b.append("<h2>Người bán (").append(k.sellerIds().size()).append(")</h2><ul>");
    k.sellerIds().forEach(s -> b.append("<li>").append(esc(s)).append("</li>"));
    b.append("</ul><h2>Tin đăng (").append(listings.size()).append(")</h2>");
    for (StoredListing l : listings) {
      b.append("<table><tr><th colspan=\"2\">").append(esc(l.title())).append("</th></tr>");
      row(b, "Mã tin", l.id());
      row(b, "Địa chỉ", l.url());
      row(b, "Người bán", (l.sellerName() == null ? "" : l.sellerName() + " · ") + l.sellerId());
      row(
          b,
          "Giá",
          l.priceAmount() == null ? "" : l.priceAmount().toPlainString() + " " + l.priceCurrency());
      row(b, "Thời điểm ghi nhận", time.format(l.observedAt()));
      row(
          b,
          "Điểm rủi ro",
          l.score() == null
              ? "chưa chấm"
              : String.format(java.util.Locale.ROOT, "%.2f", l.score()));
      row(b, "Vi phạm", String.join(", ", l.violations()));
      row(b, "Bộ quy tắc", l.rulesetVersion());
      StringBuilder signals = new StringBuilder();
      if (l.scoredJson() != null) {
        for (JsonNode s : JsonCodec.mapper().readTree(l.scoredJson()).path("signals")) {
          signals
              .append(s.path("rule").asString(""))
              .append(" (")
              .append(s.path("violation").asString(""))
              .append("): ")
              .append(s.path("evidence").asString(""))
              .append("\n");
        }
      }
      row(b, "Dấu hiệu", signals.toString().strip());
      JsonNode ev = JsonCodec.mapper().readTree(l.listingJson()).path("evidence");
      b.append("<tr><td>Bằng chứng (SHA-256)</td><td class=\"mono\">")
          .append(
              esc(
                  "trang: "
                      + ev.path("htmlSha256").asString("-")
                      + " · ảnh chụp: "
                      + ev.path("screenshotSha256").asString("-")))
          .append("</td></tr>");
      StringBuilder d = new StringBuilder();
      for (Decision x : decisions.getOrDefault(l.id(), List.of())) {
        d.append(time.format(x.decidedAt()))
            .append(" ")
            .append(x.decidedBy())
            .append(": ")
            .append(x.from().sql())
            .append(" → ")
            .append(x.to().sql())
            .append(" (")
            .append(x.reasonCode())
            .append(")")
            .append(x.note() == null ? "" : " " + x.note())
            .append("\n");
      }
      row(b, "Quyết định", d.toString().strip());
      b.append("</table><p></p>");
    }
    b.append("<h2>Biện pháp xử lý (").append(k.actions().size()).append(")</h2><ul>");
    for (CaseAction a : k.actions()) {
      b.append("<li>")
          .append(
              esc(
                  a.kind()
                      + " → "
                      + a.target()
                      + ": "
                      + a.status()
                      + (a.referenceNo() == null ? "" : ", số " + a.referenceNo())
                      + (a.amountVnd() == null ? "" : ", " + a.amountVnd().toPlainString() + " VND")
                      + (a.note() == null ? "" : ", " + a.note())))
          .append("</li>");
    }
    b.append(
            "</ul><p>Các tệp trang gốc và ảnh chụp kèm theo trong gói, mỗi tệp đặt tên theo SHA-256 của nội dung;")
        .append(" manifest.json liệt kê và cho phép kiểm tra từng tệp.</p></body></html>");
    return b.toString();
  }

  private static void row(StringBuilder b, String label, String value) {
    b.append("<tr><td style=\"width:25%\">")
        .append(esc(label))
        .append("</td><td>")
        .append(esc(value == null ? "" : value).replace("\n", "<br/>"))
        .append("</td></tr>");
  }

  /** XML-escapes text and drops characters XML 1.0 cannot carry. */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            cp -> {
              switch (cp) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                  if (cp == 0x9
                      || cp == 0xA
                      || cp == 0xD
                      || (cp >= 0x20 && cp <= 0xD7FF)
                      || (cp >= 0xE000 && cp <= 0xFFFD)
                      || cp >= 0x10000) {
                    b.appendCodePoint(cp);
                  }
                }
              }
            });
    return b.toString();
  }
}
