package org.markwatch.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.markwatch.model.progress.Progress;
import org.markwatch.portal.report.ReportFiles;
import org.markwatch.portal.report.ReportLabels;
import org.markwatch.storage.Database;
import org.markwatch.storage.StorageException;
import org.markwatch.storage.report.Report;
import org.markwatch.storage.report.ReportQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code markwatch report --from --to --format pdf|xlsx|html [--out FILE]}: the portal's report of
 * a period (dates inclusive, Vietnam time) as a file, for scheduled use.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Write the report of a period (by platform, category, province, violation, brand; monthly"
            + " trend; top sellers; actions taken) as PDF, XLSX or HTML.")
final class ReportCommand implements Callable<Integer> {
  @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First day.")
  String from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "Last day (included).")
  String to;

  @Option(
      names = "--format",
      defaultValue = "pdf",
      paramLabel = "pdf|xlsx|html",
      description = "File format (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "Where to write (default: markwatch-report-FROM-TO.EXT in the working directory).")
  Path out;

  @Option(
      names = "--lang",
      defaultValue = "vi",
      paramLabel = "vi|en",
      description = "Language of the report (default: ${DEFAULT-VALUE}).")
  String lang;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "./markwatch-data",
      description =
          "Data directory of the embedded database (default: ${DEFAULT-VALUE}); MARKWATCH_DB_URL wins.")
  Path data;

  @Override
  public Integer call() throws IOException {
    LocalDate first = date("--from", from);
    LocalDate last = date("--to", to);
    if (last.isBefore(first)) {
      throw new CommandFailure("--to " + to + " is before --from " + from);
    }
    ReportFiles.Format f;
    try {
      f = ReportFiles.Format.of(format);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure("--format " + format + ": use pdf, xlsx or html");
    }
    Locale locale = lang.equalsIgnoreCase("en") ? Locale.ENGLISH : Locale.of("vi");
    Path target =
        out != null ? out : Path.of("markwatch-report-" + first + "-" + last + "." + f.extension);
    long started = System.nanoTime();
    Report report;
    try (Database db = Database.open(DatabaseChoice.fromEnvironment(data));
        Progress progress = Progress.onConsole("report", -1, "listings")) {
      report = new ReportQuery(db.dataSource()).report(first, last, progress::advance);
    } catch (StorageException e) {
      throw new CommandFailure("cannot build the report: " + e.getMessage(), e);
    }
    long queried = System.nanoTime();
    byte[] bytes =
        ReportFiles.render(report, ReportLabels.bundles(locale), locale, f, Instant.now());
    Path parent = target.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.write(target, bytes);
    long done = System.nanoTime();
    System.out.printf(
        Locale.ROOT,
        "report %s..%s: %d listings, %d flagged -> %s (%d bytes; query %.1f s, render %.1f s)%n",
        first,
        last,
        report.listings(),
        report.flagged(),
        target,
        bytes.length,
        (queried - started) / 1e9,
        (done - queried) / 1e9);
    return 0;
  }

  private static LocalDate date(String option, String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new CommandFailure(
          option + " " + text + ": write the date as YYYY-MM-DD, e.g. 2026-01-31");
    }
  }
}
