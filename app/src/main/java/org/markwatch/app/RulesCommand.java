package org.markwatch.app;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.markwatch.detectors.DetectorConfig;
import org.markwatch.detectors.Detectors;
import org.markwatch.detectors.ExampleRunner;
import org.markwatch.detectors.config.ConfigException;
import org.markwatch.detectors.rules.Rule;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Listing;
import org.markwatch.model.Scored;
import org.markwatch.model.Signal;
import org.markwatch.model.progress.Progress;
import org.markwatch.pipeline.rules.RulesetPublisher;
import org.markwatch.storage.Database;
import org.markwatch.storage.DatabaseSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code markwatch rules check|test|publish}: validates a ruleset, runs its examples, publishes it
 * in the central database.
 */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "Check, test, backtest and publish detector rules.",
    subcommands = {
      RulesCommand.Check.class,
      RulesCommand.Test.class,
      RulesBacktestCommand.class,
      RulesCommand.Publish.class
    })
final class RulesCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  /** Options shared by both subcommands. */
  static class Common {
    @Parameters(
        index = "0",
        arity = "0..1",
        paramLabel = "DIR",
        description = "Rules directory (default: CONF/rules).")
    Path dir;

    @Option(
        names = "--conf",
        paramLabel = "DIR",
        description = "Configuration directory (default: $markwatch.home/conf or ./conf).")
    Path conf;

    Path conf() {
      return ConfLocation.confDir(conf);
    }

    Path rulesDir() {
      return dir != null ? dir : conf().resolve("rules");
    }

    /** Compiles each file alone, then all together; prints every error; null when any failed. */
    Detectors compile(PrintStream err) {
      DetectorConfig all;
      try {
        all = ConfLocation.detectorConfig(conf(), rulesDir(), null);
      } catch (UncheckedIOException e) {
        err.println(e.getMessage());
        return null;
      }
      boolean failed = false;
      // each file compiled alone, then the whole ruleset: a step the progress line counts
      try (Progress progress =
          Progress.onConsole("compiling rules", all.ruleFiles().size() + 1L, "steps")) {
        for (var file : all.ruleFiles().entrySet()) {
          try (Detectors d =
              Detectors.create(
                  new DetectorConfig(all.brandFiles(), Map.of(file.getKey(), file.getValue())))) {
            d.rulesetVersion();
          } catch (ConfigException e) {
            err.println(e.getMessage());
            failed = true;
          }
          progress.advance(1);
        }
        if (failed) {
          return null;
        }
        try {
          Detectors detectors = Detectors.create(all);
          progress.advance(1);
          return detectors;
        } catch (ConfigException e) {
          err.println(e.getMessage());
          return null;
        }
      }
    }
  }

  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description =
          "Validate a ruleset: schema, unknown fields, regular expressions, ids; errors give file:line:column.")
  static final class Check extends Common implements Callable<Integer> {
    @Override
    public Integer call() {
      try (Detectors d = compile(System.err)) {
        if (d == null) {
          System.err.println("ruleset refused: " + rulesDir());
          return 1;
        }
        System.out.println(
            "ok: "
                + d.rules().size()
                + " rules in "
                + rulesDir()
                + " (ruleset "
                + d.rulesetVersion()
                + ")");
        return 0;
      }
    }
  }

  @Command(
      name = "test",
      mixinStandardHelpOptions = true,
      description =
          "Run every rule's embedded examples; with --report, per-rule precision on a labelled set.")
  static final class Test extends Common implements Callable<Integer> {
    @Option(
        names = "--report",
        description = "Also score a labelled set and report per-rule precision.")
    boolean report;

    @Option(
        names = "--listings",
        paramLabel = "FILE",
        description = "Labelled listings (default: SHARED/data/dev-listings.jsonl).")
    Path listings;

    @Option(
        names = "--labels",
        paramLabel = "FILE",
        description = "Labels (default: SHARED/data/dev-labels.jsonl).")
    Path labels;

    @Option(
        names = "--report-out",
        paramLabel = "FILE",
        description = "Also write the report to this file.")
    Path reportOut;

    @Override
    public Integer call() {
      try (Detectors d = compile(System.err)) {
        if (d == null) {
          System.err.println("ruleset refused: " + rulesDir());
          return 1;
        }
        ExampleRunner.Result r = ExampleRunner.run(d);
        r.failures().forEach(f -> System.err.println("FAIL " + f));
        System.out.println(
            r.examples()
                + " examples, "
                + r.failures().size()
                + " failed, "
                + d.rules().size()
                + " rules");
        if (report) {
          String text = report(d);
          System.out.print(text);
          if (reportOut != null) {
            Files.writeString(reportOut, text, StandardCharsets.UTF_8);
          }
        }
        return r.ok() ? 0 : 1;
      } catch (IOException | UncheckedIOException e) {
        System.err.println("markwatch rules test: " + e.getMessage());
        return 2;
      }
    }

    private String report(Detectors d) throws IOException {
      Path shared = SharedData.dir(conf());
      Path lp = listings != null ? listings : shared.resolve("data/dev-listings.jsonl");
      Path bp = labels != null ? labels : shared.resolve("data/dev-labels.jsonl");
      Map<String, JsonNode> lab = new HashMap<>();
      for (String line : Files.readAllLines(bp, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          JsonNode n = JsonCodec.mapper().readTree(line);
          lab.put(n.get("id").asString(), n);
        }
      }
      List<Listing> ls = new ArrayList<>();
      for (String line : Files.readAllLines(lp, StandardCharsets.UTF_8)) {
        var dec = JsonCodec.decodeListing(line);
        if (dec.ok()) {
          ls.add(dec.value());
        }
      }
      Map<String, int[]> counts = new LinkedHashMap<>(); // fired, labelled flagged, same violation
      for (Rule r : d.rules()) {
        counts.put(r.id(), new int[3]);
      }
      for (Scored s : d.scoreAll(ls)) {
        JsonNode l = lab.get(s.listingId());
        if (l == null) {
          continue;
        }
        Set<String> vs = new HashSet<>();
        l.get("violations").forEach(v -> vs.add(v.asString()));
        Set<String> seen = new HashSet<>();
        for (Signal sig : s.signals()) {
          if (!seen.add(sig.rule())) {
            continue;
          }
          int[] c = counts.get(sig.rule());
          if (c == null) {
            continue; // sense.dropped: a word not read in a rule's sense, no rule of the ruleset
          }
          c[0]++;
          if (l.get("flagged").asBoolean()) {
            c[1]++;
          }
          if (vs.contains(sig.violation())) {
            c[2]++;
          }
        }
      }
      StringBuilder b = new StringBuilder();
      b.append(
          String.format(
              "per-rule precision on %s (%d listings, %d labelled)%n",
              lp.getFileName(), ls.size(), lab.size()));
      b.append(
          String.format("%-45s %6s %10s %12s%n", "rule", "fired", "p(flagged)", "p(violation)"));
      for (var e : new TreeMap<>(counts).entrySet()) {
        int[] c = e.getValue();
        b.append(
            String.format(
                "%-45s %6d %10s %12s%n", e.getKey(), c[0], ratio(c[1], c[0]), ratio(c[2], c[0])));
      }
      return b.toString();
    }

    private static String ratio(int a, int n) {
      return n == 0 ? "-" : String.format("%.3f", a / (double) n);
    }
  }

  @Command(
      name = "publish",
      mixinStandardHelpOptions = true,
      description =
          "Validate a ruleset (compile, run every rule's examples) and publish it in the central database, where a running pipeline takes it up without a restart. Refused: nothing is stored.")
  static final class Publish extends Common implements Callable<Integer> {
    @Option(
        names = "--author",
        paramLabel = "NAME",
        description = "Who publishes it (default: the USER environment variable).")
    String author;

    @Option(names = "--note", paramLabel = "TEXT", description = "Why (kept with the ruleset).")
    String note;

    @Option(
        names = "--data",
        description = "Data directory of the embedded database (default: ${DEFAULT-VALUE}).",
        defaultValue = "./markwatch-data")
    Path data;

    @Override
    public Integer call() {
      DetectorConfig config;
      try {
        config = ConfLocation.detectorConfig(conf(), rulesDir(), null);
      } catch (UncheckedIOException e) {
        throw new CommandFailure(e.getMessage(), e);
      }
      String who = author != null ? author : System.getenv().getOrDefault("USER", "");
      if (who.isBlank()) {
        throw new CommandFailure("say who publishes the ruleset: --author NAME");
      }
      DatabaseSettings settings = DatabaseChoice.fromEnvironment(data);
      RulesetPublisher.Outcome outcome;
      try (Database db = Database.open(settings);
          Progress progress = Progress.ticking("rules publish")) {
        outcome = new RulesetPublisher(db.dataSource()).publish(config, who, note);
      }
      if (!outcome.published()) {
        outcome.problems().forEach(System.err::println);
        throw new CommandFailure(
            "ruleset in "
                + rulesDir()
                + " refused, nothing published: "
                + outcome.problems().size()
                + " problem(s) above; fix them and run rules publish again");
      }
      System.out.println(
          "published ruleset "
              + outcome.version()
              + " ("
              + outcome.rules()
              + " rules) by "
              + who
              + " as publication "
              + outcome.publishSeq()
              + "; running pipelines take it up at their next database refresh");
      return 0;
    }
  }
}
