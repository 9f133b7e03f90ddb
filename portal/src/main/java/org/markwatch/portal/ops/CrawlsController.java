package org.markwatch.portal.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.markwatch.storage.CrawlRun;
import org.markwatch.storage.CrawlRunDetailsStore;
import org.markwatch.storage.CrawlRunSource;
import org.markwatch.storage.CrawlRunStore;
import org.markwatch.storage.MorningReport;
import org.markwatch.storage.MorningReportStore;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The crawl-run dashboard: recent runs with their progress and speed (pages/s over the run's
 * elapsed time; a running run against now, and the page refreshes itself), errors by class and the
 * per-source figures of one run; the morning reports written after scheduled runs (V32), each shown
 * as its cleaned HTML ({@link MorningReportHtml}) and its text.
 */
@Controller
class CrawlsController {
  private final CrawlRunStore runs;
  private final CrawlRunDetailsStore details;
  private final MorningReportStore reports;

  CrawlsController(CrawlRunStore runs, CrawlRunDetailsStore details, MorningReportStore reports) {
    this.runs = runs;
    this.details = details;
    this.reports = reports;
  }

  /** A run as the dashboard shows it. */
  public record RunRow(CrawlRun run, double pagesPerSecond, Map<String, Long> errors) {}

  @GetMapping("/ops/crawls")
  String crawls(Model model) {
    Instant now = Instant.now();
    List<RunRow> rows = new ArrayList<>();
    boolean running = false;
    for (CrawlRun r : runs.recent(50)) {
      rows.add(
          new RunRow(
              r, pagesPerSecond(r, now), details.counts(r.id(), CrawlRunDetailsStore.ERROR)));
      running |= r.status() == CrawlRun.Status.RUNNING;
    }
    model.addAttribute("runs", rows);
    model.addAttribute("refresh", running);
    model.addAttribute("reports", reports.list(30));
    return "ops/crawls";
  }

  @GetMapping("/ops/crawl")
  String crawl(@RequestParam String id, Model model) {
    CrawlRun r = runs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    List<CrawlRunSource> sources = details.sources(id);
    model.addAttribute(
        "row",
        new RunRow(
            r, pagesPerSecond(r, Instant.now()), details.counts(id, CrawlRunDetailsStore.ERROR)));
    model.addAttribute("sources", sources);
    model.addAttribute("outcomes", details.counts(id, CrawlRunDetailsStore.OUTCOME));
    model.addAttribute("refresh", r.status() == CrawlRun.Status.RUNNING);
    model.addAttribute("hasReport", reports.find(id).isPresent());
    return "ops/crawl";
  }

  /** A morning report: its HTML cleaned of anything active, and its text (escaped). */
  @GetMapping("/ops/morning-report")
  String morningReport(@RequestParam String run, Model model) {
    MorningReport report =
        reports.find(run).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("report", report);
    model.addAttribute("html", MorningReportHtml.body(report.html()));
    return "ops/morning-report";
  }

  static double pagesPerSecond(CrawlRun r, Instant now) {
    Instant end = r.finishedAt() != null ? r.finishedAt() : now;
    double seconds = Duration.between(r.startedAt(), end).toMillis() / 1000.0;
    return seconds <= 0 ? 0 : r.pagesFetched() / seconds;
  }
}
