package org.markwatch.app.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jsoup.nodes.Entities;
import org.markwatch.storage.CrawlRun;
import org.markwatch.storage.CrawlRunDetailsStore;
import org.markwatch.storage.CrawlRunSource;
import org.markwatch.storage.CrawlRunStore;
import org.markwatch.storage.MorningReport;
import org.markwatch.storage.MorningReportQuery;
import org.markwatch.storage.MorningReportStore;

/**
 * Writes the morning report of a crawl run, in Vietnamese (the readers' language), as plain text
 * and as an HTML document, and stores it ({@link MorningReportStore}): listings newly flagged in
 * the run by violation, platform and province; the sellers with most of them; sources that failed;
 * pages per second; listings the re-visits found removed. Every value in the HTML is escaped; the
 * document has no script and no inline style, so the portal's strict CSP can show it as is.
 */
public final class MorningReportWriter {
  static final int TOP_SELLERS = 10;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CrawlSchedules.ZONE);

  private final DataSource dataSource;

  public MorningReportWriter(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Builds and stores the report of a run.
   *
   * @return the report; empty when there is no such run
   */
  public Optional<MorningReport> write(String runId, Instant now) {
    Optional<CrawlRun> found = new CrawlRunStore(dataSource).find(runId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    MorningReport report = build(found.get(), now);
    new MorningReportStore(dataSource).save(report);
    return Optional.of(report);
  }

  MorningReport build(CrawlRun run, Instant now) {
    List<CrawlRunSource> sources = new CrawlRunDetailsStore(dataSource).sources(run.id());
    MorningReportQuery.Figures f =
        new MorningReportQuery(dataSource).figures(run.id(), TOP_SELLERS);
    long ms =
        run.finishedAt() == null
            ? 0
            : Duration.between(run.startedAt(), run.finishedAt()).toMillis();
    double pagesPerSecond = ms <= 0 ? 0 : run.pagesFetched() * 1000.0 / ms;
    List<CrawlRunSource> failed =
        sources.stream().filter(s -> s.status() != CrawlRunSource.Status.OK).toList();
    String title = "Báo cáo sáng " + TIME.format(now).substring(0, 10) + ": " + run.id();

    StringBuilder t = new StringBuilder();
    t.append(title).append('\n').append("=".repeat(title.length())).append("\n\n");
    t.append(
        String.format(
            Locale.ROOT,
            "Lượt thu thập: %s, bắt đầu %s, trạng thái %s%n",
            run.id(),
            TIME.format(run.startedAt()),
            run.status().id()));
    t.append(
        String.format(
            Locale.ROOT,
            "Trang: %d đã tải, %d lỗi, %.1f trang/giây; tin đăng: %d%n",
            run.pagesFetched(),
            run.pagesFailed(),
            pagesPerSecond,
            run.listingsFound()));
    t.append(String.format(Locale.ROOT, "Tin đăng mới bị gắn cờ: %d%n", f.newlyFlagged()));
    section(t, "Theo vi phạm", f.byViolation());
    section(t, "Theo nền tảng", f.byPlatform());
    section(t, "Theo tỉnh/thành", f.byProvince());
    t.append("\nNgười bán có nhiều tin bị gắn cờ nhất\n");
    if (f.topSellers().isEmpty()) {
      t.append("  (không có)\n");
    }
    for (MorningReportQuery.SellerCount s : f.topSellers()) {
      t.append(
          String.format(
              Locale.ROOT,
              "  %4d  %s (%s, %s)%n",
              s.flagged(),
              s.name() == null ? s.sellerId() : s.name(),
              s.platform(),
              s.sellerId()));
    }
    t.append("\nNguồn thất bại\n");
    if (failed.isEmpty()) {
      t.append("  (không có)\n");
    }
    for (CrawlRunSource s : failed) {
      t.append("  ")
          .append(s.sourceId())
          .append(": ")
          .append(s.status().id())
          .append(s.note() == null ? "" : " (" + s.note() + ")")
          .append('\n');
    }
    t.append(
        String.format(
            Locale.ROOT,
            "%nTin đăng đã bị gỡ (phát hiện khi thăm lại): %d%n",
            f.removedListings()));

    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>")
        .append(esc(title))
        .append("</title></head><body>\n<h1>")
        .append(esc(title))
        .append("</h1>\n<ul>\n");
    h.append("<li>Lượt thu thập: ")
        .append(esc(run.id()))
        .append(", bắt đầu ")
        .append(esc(TIME.format(run.startedAt())))
        .append(", trạng thái ")
        .append(esc(run.status().id()))
        .append("</li>\n");
    h.append(
        String.format(
            Locale.ROOT,
            "<li>Trang: %d đã tải, %d lỗi, %.1f trang/giây; tin đăng: %d</li>%n",
            run.pagesFetched(),
            run.pagesFailed(),
            pagesPerSecond,
            run.listingsFound()));
    h.append("<li>Tin đăng mới bị gắn cờ: ").append(f.newlyFlagged()).append("</li>\n");
    h.append("<li>Tin đăng đã bị gỡ (phát hiện khi thăm lại): ")
        .append(f.removedListings())
        .append("</li>\n</ul>\n");
    table(h, "Theo vi phạm", "Vi phạm", f.byViolation());
    table(h, "Theo nền tảng", "Nền tảng", f.byPlatform());
    table(h, "Theo tỉnh/thành", "Tỉnh/thành", f.byProvince());
    h.append("<h2>Người bán có nhiều tin bị gắn cờ nhất</h2>\n<table><thead><tr><th>Người bán</th>")
        .append("<th>Nền tảng</th><th>Mã</th><th>Tin bị gắn cờ</th></tr></thead><tbody>\n");
    for (MorningReportQuery.SellerCount s : f.topSellers()) {
      h.append("<tr><td>")
          .append(esc(s.name() == null ? s.sellerId() : s.name()))
          .append("</td><td>")
          .append(esc(s.platform()))
          .append("</td><td>")
          .append(esc(s.sellerId()))
          .append("</td><td>")
          .append(s.flagged())
          .append("</td></tr>\n");
    }
    h.append("</tbody></table>\n<h2>Nguồn thất bại</h2>\n<ul>\n");
    if (failed.isEmpty()) {
      h.append("<li>(không có)</li>\n");
    }
    for (CrawlRunSource s : failed) {
      h.append("<li>")
          .append(esc(s.sourceId()))
          .append(": ")
          .append(esc(s.status().id()))
          .append(s.note() == null ? "" : " (" + esc(s.note()) + ")")
          .append("</li>\n");
    }
    h.append("</ul>\n</body></html>\n");
    return new MorningReport(run.id(), now, title, t.toString(), h.toString());
  }

  private static void section(StringBuilder t, String heading, Map<String, Long> counts) {
    t.append('\n').append(heading).append('\n');
    if (counts.isEmpty()) {
      t.append("  (không có)\n");
    }
    counts.forEach((k, v) -> t.append(String.format(Locale.ROOT, "  %4d  %s%n", v, k)));
  }

  private static void table(
      StringBuilder h, String heading, String column, Map<String, Long> counts) {
    h.append("<h2>")
        .append(esc(heading))
        .append("</h2>\n<table><thead><tr><th>")
        .append(esc(column))
        .append("</th><th>Số tin</th></tr></thead><tbody>\n");
    counts.forEach(
        (k, v) ->
            h.append("<tr><td>")
                .append(esc(k))
                .append("</td><td>")
                .append(v)
                .append("</td></tr>\n"));
    h.append("</tbody></table>\n");
  }

  private static String esc(String s) {
    return s == null ? "" : Entities.escape(s);
  }
}
