package org.markwatch.portal.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Sources and schedules, read from the conf directory's {@code sources/*.yaml} (what {@code
 * markwatch crawl} runs): platform, fetch mode, seeds, limits, politeness and the schedule when a
 * source names one (without, it is crawled when an operator or a timer runs {@code crawl}).
 */
@Controller
class SourcesController {
  private static final YAMLMapper YAML = new YAMLMapper();
  private final RulesWorkspace workspace;

  SourcesController(RulesWorkspace workspace) {
    this.workspace = workspace;
  }

  /** One source as the page shows it. */
  public record SourceRow(
      String file,
      String id,
      String platform,
      String fetch,
      List<String> seeds,
      String maxPages,
      String delayMs,
      String schedule) {}

  @GetMapping("/ops/sources")
  String sources(Model model) {
    List<SourceRow> rows = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> f : workspace.readDir("sources").entrySet()) {
      if (f.getKey().startsWith("sources/profiles/") || !f.getKey().endsWith(".yaml")) {
        continue;
      }
      JsonNode root;
      try {
        root = YAML.readTree(f.getValue());
      } catch (RuntimeException e) {
        problems.add(f.getKey() + ": " + e.getMessage());
        continue;
      }
      JsonNode list = root == null ? null : root.get("sources");
      if (list == null || !list.isArray()) {
        continue;
      }
      for (JsonNode s : list) {
        List<String> seeds = new ArrayList<>();
        if (s.get("seeds") != null) {
          s.get("seeds").forEach(n -> seeds.add(n.asString()));
        }
        rows.add(
            new SourceRow(
                f.getKey(),
                text(s, "id"),
                text(s, "platform"),
                text(s, "fetch"),
                seeds,
                text(s, "maxPages"),
                s.get("politeness") == null ? "" : text(s.get("politeness"), "delayMs"),
                text(s, "schedule")));
      }
    }
    model.addAttribute("sources", rows);
    model.addAttribute("problems", problems);
    return "ops/sources";
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? "" : v.isValueNode() ? v.asString() : v.toString();
  }
}
