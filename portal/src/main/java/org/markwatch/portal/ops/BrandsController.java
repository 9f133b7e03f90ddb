package org.markwatch.portal.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.markwatch.detectors.catalog.Brand;
import org.markwatch.detectors.catalog.BrandCatalogReader;
import org.markwatch.detectors.catalog.BrandFileWriter;
import org.markwatch.detectors.catalog.BrandImport;
import org.markwatch.detectors.config.ConfigException;
import org.markwatch.portal.security.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The brand catalog: search the whole catalog, and edit the operators' own brand file ({@link
 * RulesWorkspace#LOCAL_BRANDS}) by a form or a brand-owner CSV ({@link BrandImport}). A change is
 * checked like a rule edit (the whole configuration must compile and every example pass), then
 * stored as a draft ruleset to backtest and publish: brands are versioned with the rules.
 */
@Controller
class BrandsController {
  static final int MAX_CSV_BYTES = 2 * 1024 * 1024;
  static final int MAX_RESULTS = 100;

  private final RulesWorkspace workspace;
  private final RulesController rules;

  BrandsController(RulesWorkspace workspace, RulesController rules) {
    this.workspace = workspace;
    this.rules = rules;
  }

  @GetMapping("/ops/brands")
  String brands(
      @RequestParam(required = false) String base,
      @RequestParam(required = false) String q,
      Model model) {
    RulesWorkspace.Base b = workspace.base(base);
    Map<String, String> brandFiles = workspace.config(b.files()).brandFiles();
    Map<String, Integer> perFile = new LinkedHashMap<>();
    List<Brand> found = new ArrayList<>();
    String needle = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
    for (var f : brandFiles.entrySet()) {
      List<Brand> in = brandsOf(f.getKey(), f.getValue());
      if (!in.isEmpty()) {
        perFile.put(f.getKey(), in.size());
      }
      if (!needle.isEmpty()) {
        for (Brand br : in) {
          if (found.size() < MAX_RESULTS && matches(br, needle)) {
            found.add(br);
          }
        }
      }
    }
    model.addAttribute("base", b);
    model.addAttribute("perFile", perFile);
    model.addAttribute("q", q);
    model.addAttribute("found", found);
    model.addAttribute(
        "local",
        brandsOf(
            RulesWorkspace.LOCAL_BRANDS, b.files().getOrDefault(RulesWorkspace.LOCAL_BRANDS, "")));
    model.addAttribute("localFile", RulesWorkspace.LOCAL_BRANDS);
    model.addAttribute("hasLocal", b.files().containsKey(RulesWorkspace.LOCAL_BRANDS));
    model.addAttribute("csvHeader", BrandImport.CSV_HEADER);
    return "ops/brands";
  }

  /** One brand from the form: validated as a row of the brand-owner CSV. */
  @PostMapping("/ops/brands/add")
  String add(
      @RequestParam(required = false) String base,
      @RequestParam String id,
      @RequestParam String name,
      @RequestParam(defaultValue = "") String category,
      @RequestParam(defaultValue = "") String aliases,
      @RequestParam(defaultValue = "") String storeName,
      Viewer viewer,
      Model model) {
    String csv =
        BrandImport.CSV_HEADER
            + "\n"
            + String.join(
                ",",
                List.of(
                    quote(id),
                    quote(name),
                    quote(category),
                    quote(aliases.replace(',', '|')),
                    "",
                    "",
                    "",
                    "",
                    storeName.isBlank() ? "" : "*",
                    quote(storeName),
                    ""))
            + "\n";
    return importBrands(base, "form", csv, viewer, model);
  }

  @PostMapping("/ops/brands/import")
  String importCsv(
      @RequestParam(required = false) String base,
      @RequestParam("file") MultipartFile file,
      Viewer viewer,
      Model model)
      throws IOException {
    if (file.isEmpty() || file.getSize() > MAX_CSV_BYTES) {
      throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE);
    }
    String name = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
    return importBrands(
        base, name, new String(file.getBytes(), StandardCharsets.UTF_8), viewer, model);
  }

  private String importBrands(String base, String source, String csv, Viewer viewer, Model model) {
    RulesWorkspace.Base b = workspace.base(base);
    List<Brand> added;
    try {
      added = BrandImport.fromCsv(source, csv);
    } catch (ConfigException e) {
      model.addAttribute("importError", e.getMessage());
      return brands(base, null, model);
    }
    Map<String, Brand> merged = new TreeMap<>();
    for (Brand br :
        brandsOf(
            RulesWorkspace.LOCAL_BRANDS, b.files().getOrDefault(RulesWorkspace.LOCAL_BRANDS, ""))) {
      merged.put(br.id(), br);
    }
    for (Brand br : added) {
      merged.put(br.id(), br);
    }
    String yaml =
        "# The operators' brands: edited in the portal (/ops/brands), versioned with the rules.\n"
            + BrandFileWriter.toYaml("operators", true, new ArrayList<>(merged.values()));
    Map<String, String> files = new TreeMap<>(b.files());
    files.put(RulesWorkspace.LOCAL_BRANDS, yaml);
    return rules.checkAndSave(
        files,
        b,
        RulesWorkspace.LOCAL_BRANDS,
        viewer,
        model,
        added.size() + " brands from " + source);
  }

  private static List<Brand> brandsOf(String file, String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    try {
      return new ArrayList<>(BrandCatalogReader.read(Map.of(file, text)).brands());
    } catch (ConfigException e) {
      return List.of();
    }
  }

  private static boolean matches(Brand b, String needle) {
    if (b.id().contains(needle) || b.name().toLowerCase(Locale.ROOT).contains(needle)) {
      return true;
    }
    return b.aliases().stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).contains(needle));
  }

  private static String quote(String s) {
    return "\"" + s.strip().replace("\"", "\"\"") + "\"";
  }
}
