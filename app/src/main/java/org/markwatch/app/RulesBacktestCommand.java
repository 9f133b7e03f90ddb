package org.markwatch.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.markwatch.detectors.Detectors;
import org.markwatch.model.progress.Progress;
import org.markwatch.storage.Database;
import org.markwatch.storage.DatabaseSettings;
import org.markwatch.storage.StorageException;
import org.markwatch.storage.backtest.Backtest;
import org.markwatch.storage.backtest.BacktestDiff;
import org.markwatch.storage.backtest.BacktestRun;
import org.markwatch.storage.backtest.RulePrecision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code markwatch rules backtest DIR --since 30d}: scores the stored listings of the window with
 * the rules of DIR (the same detectors as the pipeline, in batch), keeps the verdicts in {@code
 * backtest_verdicts}, and prints the difference with the current verdicts and per-rule precision
 * against the analysts' decisions.
 */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    description =
        "Score stored listings of the last N days with a candidate ruleset (kept apart from the current"
            + " verdicts) and print the difference and per-rule precision against analysts' decisions.")
final class RulesBacktestCommand extends RulesCommand.Common implements Callable<Integer> {
  private static final Pattern SINCE = Pattern.compile("(\\d{1,5})([dhw]?)");

  @Option(
      names = "--since",
      paramLabel = "AGE",
      defaultValue = "30d",
      description =
          "Listings observed in the last AGE: 30d (days), 12h (hours), 4w (weeks). Default: ${DEFAULT-VALUE}.")
  String since;

  @Option(
      names = "--examples",
      paramLabel = "N",
      defaultValue = "5",
      description = "Examples printed of each kind of change (default: ${DEFAULT-VALUE}).")
  int examples;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "./markwatch-data",
      description =
          "Data directory of the embedded database (default: ${DEFAULT-VALUE}); MARKWATCH_DB_URL wins.")
  Path data;

  @Override
  public Integer call() {
    Duration window = window(since);
    DatabaseSettings settings = DatabaseChoice.fromEnvironment(data);
    try (Detectors d = compile(System.err)) {
      if (d == null) {
        System.err.println("ruleset refused: " + rulesDir());
        return 1;
      }
      try (Database db = Database.open(settings)) {
        Backtest backtest = new Backtest(db.dataSource());
        BacktestRun run =
            backtest.start(d.rulesetVersion(), Instant.now().minus(window), DbOptions.actor());
        try (Progress progress = Progress.onConsole("backtest", run.listingsTotal(), "listings")) {
          run = backtest.execute(run.id(), d::scoreAll, progress::advance);
        }
        print(BacktestDiff.of(db.dataSource(), run.id(), examples), System.out);
        return 0;
      } catch (StorageException e) {
        throw new CommandFailure("backtest failed: " + e.getMessage(), e);
      }
    }
  }

  static Duration window(String text) {
    Matcher m = SINCE.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw new CommandFailure(
          "--since " + text + ": give an age such as 30d (days), 12h (hours) or 4w (weeks)");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "h" -> Duration.ofHours(n);
      case "w" -> Duration.ofDays(7 * n);
      default -> Duration.ofDays(n);
    };
  }

  static void print(BacktestDiff diff, PrintStream out) {
    BacktestRun run = diff.run();
    out.printf(
        "backtest %s: candidate %s against %s, %d listings observed since %s%n",
        run.id(),
        run.candidateVersion(),
        run.baselineVersion() == null ? "no published ruleset" : run.baselineVersion(),
        diff.compared(),
        run.since());
    out.printf(
        "newly flagged %d, no longer flagged %d, changed violations %d%n",
        diff.newlyFlagged(), diff.noLongerFlagged(), diff.changedViolations());
    Map<String, List<BacktestDiff.Example>> kinds = new TreeMap<>();
    kinds.put("1 newly flagged", diff.newlyFlaggedExamples());
    kinds.put("2 no longer flagged", diff.noLongerFlaggedExamples());
    kinds.put("3 changed violations", diff.changedExamples());
    for (var k : kinds.entrySet()) {
      if (k.getValue().isEmpty()) {
        continue;
      }
      out.println(k.getKey().substring(2) + ":");
      for (BacktestDiff.Example e : k.getValue()) {
        out.printf(
            "  %s  %s  [%s %.2f] -> [%s %.2f]%n",
            e.listingId(),
            oneLine(e.title()),
            e.violationsBefore().isEmpty() ? "-" : e.violationsBefore(),
            e.scoreBefore(),
            e.violationsAfter().isEmpty() ? "-" : e.violationsAfter(),
            e.scoreAfter());
      }
    }
    out.println(
        "per-rule precision against analysts' decisions (confirmed or actioned / decided):");
    if (diff.rules().isEmpty()) {
      out.println("  no decided listing in the window");
    } else {
      out.printf("  %-45s %9s %9s %9s %9s%n", "rule", "cand.n", "cand.p", "curr.n", "curr.p");
      for (RulePrecision p : diff.rules()) {
        out.printf(
            "  %-45s %9d %9s %9d %9s%n",
            p.rule(),
            p.candidateFired(),
            ratio(p.candidatePrecision()),
            p.currentFired(),
            ratio(p.currentPrecision()));
      }
    }
  }

  private static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    String t = s.replaceAll("\\s+", " ").strip();
    return t.length() > 70 ? t.substring(0, 69) + "…" : t;
  }

  private static String ratio(Double p) {
    return p == null ? "-" : String.format(Locale.ROOT, "%.3f", p);
  }
}
