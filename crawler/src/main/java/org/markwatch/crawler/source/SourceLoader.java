package org.markwatch.crawler.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads crawl sources from YAML files (format: conf/sources/README.md). Extraction profiles named
 * by a source are read from {@code profiles/<name>.yaml} beside the source files.
 */
public final class SourceLoader {
  private SourceLoader() {}

  /**
   * Loads every {@code *.yaml} file of a sources directory, in file-name order.
   *
   * @param confDir the sources directory ({@code conf/sources}), or the {@code conf} directory holding it
   * @param vars values for {@code ${name}} in seeds and hosts, e.g. {@code demo.chosi ->
   *     http://127.0.0.1:41234/}; an unknown name is an error
   * @return the enabled sources, in file order
   * @throws SourceConfigException for bad content, naming file, line and field
   * @throws UncheckedIOException when a file cannot be read
   */
  public static List<Source> load(Path confDir, Map<String, String> vars) {
    Path dir = Files.isDirectory(confDir.resolve("sources")) ? confDir.resolve("sources") : confDir;
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("sources directory not found: " + confDir);
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    return loadFiles(files, vars);
  }

  /** Loads one source file; profiles are read from {@code profiles/} beside it. Errors as {@link #load}. */
  public static List<Source> loadFile(Path file, Map<String, String> vars) {
    return loadFiles(List.of(file), vars);
  }

  private static List<Source> loadFiles(List<Path> files, Map<String, String> vars) {
    Variables variables = new Variables(vars);
    List<Source> all = new ArrayList<>();
    Map<String, Source> byId = new HashMap<>();
    for (Path file : files) {
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read source file " + file, e);
      }
      Path parent = file.toAbsolutePath().getParent();
      var parser = new SourceFileParser(file.toString(), variables, new ProfileLoader(parent.resolve("profiles")));
      for (Source s : parser.parse(text)) {
        Source before = byId.putIfAbsent(s.id(), s);
        if (before != null) {
          throw new SourceConfigException(file.toString(), 0, "id",
              "source id '" + s.id() + "' is already defined in " + before.file());
        }
        all.add(s);
      }
    }
    return List.copyOf(all);
  }
}
