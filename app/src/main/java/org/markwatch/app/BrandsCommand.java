package org.markwatch.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.markwatch.detectors.catalog.Brand;
import org.markwatch.detectors.catalog.BrandCatalog;
import org.markwatch.detectors.catalog.BrandCatalogReader;
import org.markwatch.detectors.catalog.BrandFileWriter;
import org.markwatch.detectors.catalog.BrandImport;
import org.markwatch.detectors.config.ConfigException;
import org.markwatch.model.progress.Progress;
import org.markwatch.pipeline.DetectorConfFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code markwatch brands import FILE}: adds brands from a brand-owner CSV or a retail brand TSV.
 */
@Command(
    name = "brands",
    mixinStandardHelpOptions = true,
    description = "Manage the brand catalog.",
    subcommands = {BrandsCommand.Import.class})
final class BrandsCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Import brands into a catalog file, validated against the current catalog.",
        "CSV header: " + BrandImport.CSV_HEADER,
        "A .tsv file is read as the retail brand list (brand, wikidata, category, locationSet_include, matchNames)."
      })
  static final class Import implements Callable<Integer> {
    @Parameters(
        index = "0",
        paramLabel = "FILE",
        description = "Brand-owner CSV, or retail brand TSV.")
    Path file;

    @Option(
        names = "--out",
        paramLabel = "FILE",
        description = "Catalog file to write (default: CONF/brands/imported-<name>.yaml).")
    Path out;

    @Option(
        names = "--conf",
        paramLabel = "DIR",
        description = "Configuration directory (default: $markwatch.home/conf or ./conf).")
    Path conf;

    @Option(names = "--force", description = "Replace the output file when it exists.")
    boolean force;

    @Override
    public Integer call() {
      Path confDir = ConfLocation.confDir(conf);
      String name = file.getFileName().toString();
      String base = name.replaceAll("\\.[^.]*$", "");
      Path target =
          out != null ? out : confDir.resolve("brands").resolve("imported-" + base + ".yaml");
      try (Progress progress = Progress.ticking("brands import " + name)) {
        Map<String, String> current = DetectorConfFiles.readDir(confDir, "brands");
        Path brandsDir = confDir.resolve("brands").toAbsolutePath().normalize();
        Path abs = target.toAbsolutePath().normalize();
        if (abs.startsWith(brandsDir)) {
          current.remove("brands/" + brandsDir.relativize(abs).toString().replace('\\', '/'));
        }
        BrandCatalog existing = BrandCatalogReader.read(current);
        String text = DetectorConfFiles.readFile(file);
        boolean retail = name.endsWith(".tsv");
        List<Brand> brands;
        if (retail) {
          Set<String> ids = new HashSet<>();
          Set<String> names = new HashSet<>();
          for (Brand b : existing.brands()) {
            ids.add(b.id());
            names.addAll(b.names());
          }
          brands = BrandImport.fromRetailTsv(file.toString(), text, ids, names);
        } else {
          brands = BrandImport.fromCsv(file.toString(), text);
        }
        String yaml =
            "# Imported by `markwatch brands import "
                + name
                + "`.\n"
                + BrandFileWriter.toYaml("imported-" + base, !retail, brands);
        // the new file must load together with the current catalog before it is written
        Map<String, String> together = new TreeMap<>(current);
        together.put("brands/" + target.getFileName(), yaml);
        BrandCatalogReader.read(together);
        if (Files.exists(target) && !force) {
          System.err.println(
              "markwatch brands import: " + target + " exists; use --force to replace it");
          return 1;
        }
        Files.writeString(target, yaml, StandardCharsets.UTF_8);
        System.out.println("imported " + brands.size() + " brands into " + target);
        return 0;
      } catch (ConfigException e) {
        System.err.println("markwatch brands import: " + e.getMessage());
        return 1;
      } catch (IOException | UncheckedIOException e) {
        System.err.println("markwatch brands import: " + e.getMessage());
        return 2;
      }
    }
  }
}
