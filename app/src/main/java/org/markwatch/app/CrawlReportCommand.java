package org.markwatch.app;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.markwatch.app.schedule.CrawlSchedules;
import org.markwatch.app.schedule.MorningReportWriter;
import org.markwatch.storage.Database;
import org.markwatch.storage.MorningReport;
import org.markwatch.storage.MorningReportStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code markwatch crawl report [RUN]}: prints a stored morning report (the newest without RUN), as
 * text or HTML; {@code --write} builds one now for any crawl run; {@code --list} lists them.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Print the morning report of a crawl run (the newest stored one without RUN).",
      "Reports are written after each scheduled run (markwatch scheduler); --write makes one now."
    })
final class CrawlReportCommand implements Callable<Integer> {
  @Parameters(arity = "0..1", paramLabel = "RUN", description = "Crawl run id.")
  String runId;

  @Option(names = "--html", description = "Print the HTML document instead of the text.")
  boolean html;

  @Option(names = "--list", description = "List the stored reports, newest first.")
  boolean list;

  @Option(
      names = "--write",
      description = "Build the report of RUN from the database now and store it, then print it.")
  boolean write;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "./markwatch-data",
      description = "Data directory of the embedded database (default: ${DEFAULT-VALUE}).")
  Path data;

  @Override
  public Integer call() {
    try (Database database = Database.open(DatabaseChoice.fromEnvironment(data))) {
      MorningReportStore store = new MorningReportStore(database.dataSource());
      if (list) {
        List<MorningReport.Entry> entries = store.list(50);
        if (entries.isEmpty()) {
          System.out.println("No morning report stored yet.");
        }
        for (MorningReport.Entry e : entries) {
          System.out.println(
              CrawlSchedules.format(e.createdAt()) + "  " + e.runId() + "  " + e.title());
        }
        return 0;
      }
      Optional<MorningReport> report;
      if (write) {
        if (runId == null) {
          throw new CommandFailure(
              "--write needs the crawl run id: markwatch crawl report RUN --write");
        }
        report = new MorningReportWriter(database.dataSource()).write(runId, Instant.now());
        if (report.isEmpty()) {
          throw new CommandFailure(
              "no crawl run '" + runId + "' in the database; `markwatch crawl` prints the run id");
        }
      } else {
        report = runId == null ? store.latest() : store.find(runId);
      }
      if (report.isEmpty()) {
        throw new CommandFailure(
            runId == null
                ? "no morning report stored yet (markwatch scheduler writes one after each"
                    + " scheduled run; markwatch crawl report RUN --write makes one now)"
                : "no morning report for run '"
                    + runId
                    + "' (markwatch crawl report RUN --write makes one; --list shows the stored ones)");
      }
      System.out.print(html ? report.get().html() : report.get().text());
      return 0;
    }
  }
}
