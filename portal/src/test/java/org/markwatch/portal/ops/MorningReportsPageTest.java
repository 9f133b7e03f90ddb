package org.markwatch.portal.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markwatch.portal.PortalTestSupport;
import org.markwatch.storage.CrawlRun;
import org.markwatch.storage.CrawlRunStore;
import org.markwatch.storage.Database;
import org.markwatch.storage.MorningReport;
import org.markwatch.storage.MorningReportStore;

/**
 * Morning reports on the crawl dashboard over real HTTP: listed on /ops/crawls (newest first),
 * linked from their run, and shown with their HTML cleaned of anything active (a stored report is a
 * row of the database, not trusted: script, event handler, style attribute, javascript: link,
 * image, frame) while its structure stays, and their text escaped. Operators only.
 */
class MorningReportsPageTest extends PortalTestSupport {
  static final String HOSTILE =
      """
      <!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>t</title>
      <script>alert('head')</script><style>body{display:none}</style></head><body>
      <h1>Báo cáo sáng 07/12</h1>
      <ul><li>Tin đăng mới bị gắn cờ: 12</li></ul>
      <table onclick="alert('table')"><thead><tr><th>Người bán</th></tr></thead>
      <tbody><tr><td style="color:red">Shop Hoa Mai &lt;script&gt;alert(2)&lt;/script&gt;</td></tr></tbody></table>
      <script>alert('body')</script>
      <p><a href="javascript:alert('link')">xem</a> <a href="https://chosi.example/p/2">tin 2</a></p>
      <img src="x" onerror="alert('img')"><iframe src="https://evil.example"></iframe>
      <svg onload="alert('svg')"></svg>
      </body></html>
      """;

  @Test
  void aReportIsListedAndShownCleaned() throws Exception {
    try (Database db = Database.openWithoutMigrating(settings)) {
      CrawlRunStore runs = new CrawlRunStore(db.dataSource());
      Instant start = Instant.parse("2026-12-06T19:00:00Z");
      runs.start(CrawlRun.started("crawl-morning-1", start, List.of("demo-chosi")));
      runs.start(
          CrawlRun.started("crawl-morning-2", start.plusSeconds(86_400), List.of("demo-chosi")));
      MorningReportStore reports = new MorningReportStore(db.dataSource());
      reports.save(
          new MorningReport(
              "crawl-morning-1",
              start.plusSeconds(3_600),
              "Báo cáo sáng 2026-12-07 <b>",
              "Tin mới bị gắn cờ: 12\n<script>alert('text')</script>",
              HOSTILE));
      reports.save(
          new MorningReport(
              "crawl-morning-2",
              start.plusSeconds(90_000),
              "Báo cáo sáng 2026-12-08",
              "Không có gì mới",
              "<html><body><p>Không có gì mới</p></body></html>"));
    }
    Client operator = new Client().signedIn("operator");
    String dashboard = operator.get("/ops/crawls").body();
    assertThat(dashboard)
        .contains("id=\"morning-reports\"")
        .contains("Báo cáo sáng 2026-12-07 &lt;b&gt;");
    assertThat(dashboard.indexOf("Báo cáo sáng 2026-12-08"))
        .as("newest first")
        .isLessThan(dashboard.indexOf("Báo cáo sáng 2026-12-07"));
    assertThat(operator.get("/ops/crawl?id=crawl-morning-1").body())
        .contains("/ops/morning-report?run=crawl-morning-1");

    HttpResponse<String> page = operator.get("/ops/morning-report?run=crawl-morning-1");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'")
        .doesNotContain("unsafe-inline");
    String body = page.body();
    String html =
        body.substring(body.indexOf("id=\"report-html\""), body.indexOf("id=\"report-text\""));
    assertThat(html)
        .contains("<h1>Báo cáo sáng 07/12</h1>")
        .contains("<li>Tin đăng mới bị gắn cờ: 12</li>")
        .contains("<th>Người bán</th>")
        .contains("Shop Hoa Mai &lt;script&gt;alert(2)&lt;/script&gt;")
        .contains("href=\"https://chosi.example/p/2\"")
        .doesNotContain("<script")
        .doesNotContain("alert('")
        .doesNotContain("onclick")
        .doesNotContain("onerror")
        .doesNotContain("onload")
        .doesNotContain("style=")
        .doesNotContain("javascript:")
        .doesNotContain("<img")
        .doesNotContain("<iframe")
        .doesNotContain("<svg")
        .doesNotContain("display:none");
    assertThat(body)
        .contains("Tin mới bị gắn cờ: 12\n&lt;script&gt;alert(&#39;text&#39;)&lt;/script&gt;")
        .doesNotContain("<script>alert");
    assertThat(operator.get("/ops/morning-report?run=no-such-run").statusCode()).isEqualTo(404);

    Client analyst = new Client().signedIn("analyst");
    assertThat(analyst.get("/ops/morning-report?run=crawl-morning-1").statusCode()).isEqualTo(403);
  }
}
