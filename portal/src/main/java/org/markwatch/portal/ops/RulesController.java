package org.markwatch.portal.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.markwatch.detectors.DetectorConfig;
import org.markwatch.detectors.Detectors;
import org.markwatch.detectors.ExampleRunner;
import org.markwatch.detectors.RulesetGate;
import org.markwatch.portal.security.Viewer;
import org.markwatch.storage.Ruleset;
import org.markwatch.storage.backtest.Backtest;
import org.markwatch.storage.backtest.BacktestDiff;
import org.markwatch.storage.backtest.BacktestRun;
import org.markwatch.storage.backtest.DecisionPrecision;
import org.markwatch.storage.rulesconsole.RulesetPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rules console: a ruleset's files as YAML, edited and checked (errors at file:line, the
 * examples run), saved as a draft when they pass, backtested against stored listings, published
 * (audited) and rolled back; per-rule precision from the analysts' decisions.
 */
@Controller
class RulesController {
  static final int MAX_YAML_CHARS = 2_000_000;
  static final int MAX_DAYS = 3660;
  static final int EXAMPLES = 10;

  private final RulesWorkspace workspace;
  private final RulesetPublisher publisher;
  private final Backtest backtest;
  private final OpsJobs jobs;
  private final javax.sql.DataSource dataSource;
  private final CompiledRulesets compiled;

  RulesController(
      RulesWorkspace workspace,
      RulesetPublisher publisher,
      Backtest backtest,
      OpsJobs jobs,
      javax.sql.DataSource dataSource) {
    this.workspace = workspace;
    this.publisher = publisher;
    this.backtest = backtest;
    this.jobs = jobs;
    this.dataSource = dataSource;
    this.compiled = new CompiledRulesets(jobs);
  }

  @GetMapping("/ops")
  String home() {
    return "ops/home";
  }

  @GetMapping("/ops/rules")
  String rules(@RequestParam(required = false) String base, Model model) {
    RulesWorkspace.Base b = base(base);
    model.addAttribute("base", b);
    model.addAttribute("files", b.files().keySet());
    List<Ruleset> history = publisher.history();
    model.addAttribute("history", history);
    model.addAttribute("current", publisher.current().map(Ruleset::version).orElse(null));
    model.addAttribute("withFiles", withFiles(history));
    model.addAttribute("precision", DecisionPrecision.current(dataSource));
    model.addAttribute("backtests", backtest.recent(10));
    model.addAttribute("jobs", jobs.recent());
    return "ops/rules";
  }

  @GetMapping("/ops/rules/edit")
  String edit(@RequestParam String file, @RequestParam(required = false) String base, Model model) {
    RulesWorkspace.Base b = base(base);
    String text = b.files().get(file);
    if (text == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    model.addAttribute("base", b);
    model.addAttribute("file", file);
    model.addAttribute("content", text);
    return "ops/rule-edit";
  }

  /**
   * Compiles the base ruleset with this file replaced and runs every example; a ruleset that passes
   * is stored as a draft (its version is the content hash) ready to backtest or publish.
   */
  @PostMapping("/ops/rules/check")
  String check(
      @RequestParam String file,
      @RequestParam String content,
      @RequestParam(required = false) String base,
      Viewer viewer,
      Model model) {
    if (content.length() > MAX_YAML_CHARS) {
      throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE);
    }
    RulesWorkspace.Base b = base(base);
    if (!b.files().containsKey(file) && !file.equals(RulesWorkspace.LOCAL_BRANDS)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown file " + file);
    }
    Map<String, String> files = new TreeMap<>(b.files());
    files.put(file, content.replace("\r\n", "\n"));
    return checkAndSave(files, b, file, viewer, model, "edited " + file);
  }

  /** Shared by the rule editor and the brand editor: check, then store a draft when it passes. */
  String checkAndSave(
      Map<String, String> files,
      RulesWorkspace.Base base,
      String file,
      Viewer viewer,
      Model model,
      String note) {
    DetectorConfig config = workspace.config(files);
    RulesetGate.Admission admission = RulesetGate.admit(config);
    model.addAttribute("base", base);
    model.addAttribute("file", file);
    model.addAttribute("content", files.get(file));
    model.addAttribute("problems", admission.problems());
    if (!admission.admitted()) {
      return "ops/rule-edit";
    }
    Detectors d = admission.detectors();
    String version = d.rulesetVersion();
    try {
      publisher.saveDraft(version, files, viewer.username(), note);
      model.addAttribute("version", version);
      model.addAttribute("rules", d.rules().size());
      model.addAttribute("examples", ExampleRunner.run(d).examples());
    } catch (RuntimeException e) {
      d.close();
      throw e;
    }
    // kept for the backtest and the publication that usually follow (used by the jobs thread)
    compiled.put(version, d);
    return "ops/rule-checked";
  }

  @PostMapping("/ops/rules/backtest")
  String startBacktest(
      @RequestParam String version, @RequestParam(defaultValue = "30") int days, Viewer viewer) {
    Map<String, String> files = storedFiles(version);
    int window = Math.max(1, Math.min(MAX_DAYS, days));
    BacktestRun run =
        backtest.start(version, Instant.now().minus(Duration.ofDays(window)), viewer.username());
    jobs.submit(
        run.id(),
        "backtest " + version,
        viewer.username(),
        job -> {
          Detectors d = compiled.get(version, () -> Detectors.create(workspace.config(files)));
          backtest.execute(run.id(), d::scoreAll, job::advance);
        });
    return "redirect:/ops/backtest?id=" + run.id();
  }

  @GetMapping("/ops/backtest")
  String backtestPage(@RequestParam String id, Model model) {
    BacktestRun run =
        backtest.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("run", run);
    model.addAttribute("refresh", run.running());
    if (run.finished()) {
      model.addAttribute("diff", BacktestDiff.of(dataSource, id, EXAMPLES));
    }
    return "ops/backtest";
  }

  @PostMapping("/ops/rules/publish")
  String publish(
      @RequestParam String version,
      @RequestParam(defaultValue = "30") int days,
      Viewer viewer,
      RedirectAttributes redirect) {
    storedFiles(version);
    publisher.publish(version, viewer.username(), "published from the rules console");
    apply(version, days, viewer);
    redirect.addFlashAttribute("published", version);
    return "redirect:/ops/rules";
  }

  @PostMapping("/ops/rules/rollback")
  String rollback(
      @RequestParam String version,
      @RequestParam(defaultValue = "30") int days,
      Viewer viewer,
      RedirectAttributes redirect) {
    storedFiles(version);
    try {
      publisher.rollback(version, viewer.username());
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
    }
    apply(version, days, viewer);
    redirect.addFlashAttribute("rolledBack", version);
    return "redirect:/ops/rules";
  }

  /**
   * Rescores the stored listings of the last {@code days} with the published ruleset, so the
   * publication takes effect on them now (new crawls are scored by the pipeline with it).
   */
  private void apply(String version, int days, Viewer viewer) {
    Map<String, String> files = storedFiles(version);
    Instant since = Instant.now().minus(Duration.ofDays(Math.max(1, Math.min(MAX_DAYS, days))));
    jobs.submit(
        UUID.randomUUID().toString(),
        "apply " + version,
        viewer.username(),
        job -> {
          Detectors d = compiled.get(version, () -> Detectors.create(workspace.config(files)));
          long changed = backtest.applyToStored(since, d::scoreAll, job::advance);
          job.outcome(Long.toString(changed));
        });
  }

  private Map<String, String> storedFiles(String version) {
    Map<String, String> files = publisher.files(version);
    if (files.isEmpty()) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "ruleset " + version + " has no stored files");
    }
    return files;
  }

  private RulesWorkspace.Base base(String version) {
    try {
      return workspace.base(version);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
    }
  }

  private List<String> withFiles(List<Ruleset> history) {
    List<String> out = new ArrayList<>();
    for (Ruleset r : history) {
      if (!publisher.files(r.version()).isEmpty()) {
        out.add(r.version());
      }
    }
    return out;
  }
}
