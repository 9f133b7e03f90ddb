package org.markwatch.portal.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import javax.sql.DataSource;
import org.markwatch.portal.security.Viewer;
import org.markwatch.storage.audit.AuditAction;
import org.markwatch.storage.audit.AuditLog;
import org.markwatch.storage.report.Report;
import org.markwatch.storage.report.ReportQuery;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Reports of any period and the plan's reviews (6 months, a year, 2 years): the page, and the same
 * report as HTML, PDF or XLSX (each download audited as an export).
 */
@Controller
class ReportController {
  private final ReportQuery query;
  private final MessageSource messages;
  private final DataSource dataSource;
  private final AuditLog audit = new AuditLog();

  ReportController(ReportQuery query, MessageSource messages, DataSource dataSource) {
    this.query = query;
    this.messages = messages;
    this.dataSource = dataSource;
  }

  @GetMapping("/ops/reports")
  String page(
      @RequestParam(required = false) String period,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      Model model) {
    ReportPeriod p = period(period, from, to);
    Locale locale = LocaleContextHolder.getLocale();
    long started = System.nanoTime();
    Report report = query.report(p.from(), p.to(), n -> {});
    model.addAttribute("period", p);
    model.addAttribute("body", new ReportDocument(report, labels(locale), locale, false).body());
    model.addAttribute("title", new ReportDocument(report, labels(locale), locale, false).title());
    model.addAttribute("millis", (System.nanoTime() - started) / 1_000_000);
    return "ops/reports";
  }

  @GetMapping("/ops/reports/export")
  ResponseEntity<byte[]> export(
      @RequestParam String format,
      @RequestParam(required = false) String period,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      Viewer viewer) {
    ReportFiles.Format f;
    try {
      f = ReportFiles.Format.of(format);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format: html, pdf or xlsx");
    }
    ReportPeriod p = period(period, from, to);
    Locale locale = LocaleContextHolder.getLocale();
    Report report = query.report(p.from(), p.to(), n -> {});
    byte[] bytes = ReportFiles.render(report, labels(locale), locale, f, Instant.now());
    audit.appendNow(
        dataSource,
        viewer.username(),
        AuditAction.EXPORT,
        "report " + p.from() + ".." + p.to(),
        f.extension + ", " + report.listings() + " listings");
    String name = "markwatch-report-" + p.from() + "-" + p.to() + "." + f.extension;
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_TYPE, f.contentType)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .body(bytes);
  }

  private ReportPeriod period(String period, String from, String to) {
    try {
      return ReportPeriod.of(period, from, to, LocalDate.now(ReportQuery.ZONE));
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
    }
  }

  private ReportLabels labels(Locale locale) {
    return (key, fallback, args) -> messages.getMessage(key, args, fallback, locale);
  }
}
