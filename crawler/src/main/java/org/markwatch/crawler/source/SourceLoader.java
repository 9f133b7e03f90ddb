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
   * An enabled source that was not loaded because its seeds or hosts name a variable the caller did
   * not pass (e.g. the demo sources, whose URLs only {@code markwatch demo} knows).
   */
  public record SetAside(String id, String file, int line, String reason) {
    @Override
    public String toString() {
      return id + " (" + file + ":" + line + "): " + reason;
    }
  }

  /** What {@link #loadAvailable} found: the sources ready to crawl and those set aside. */
  public record Loaded(List<Source> sources, List<SetAside> setAside) {
    public Loaded {
      sources = List.copyOf(sources);
      setAside = List.copyOf(setAside);
    }
  }

  /**
   * Like {@link #load}, but a source whose seeds or hosts name a variable not in {@code vars} is
   * set aside instead of failing the whole load. Every other error still fails it.
   */
  public static Loaded loadAvailable(Path confDir, Map<String, String> vars) {
    List<SetAside> aside = new ArrayList<>();
    List<Source> sources = loadFiles(list(confDir), vars, aside);
    return new Loaded(sources, aside);
  }

  /**
   * Loads every {@code *.yaml} file of a sources directory, in file-name order.
   *
   * @param confDir the sources directory ({@code conf/sources}), or the {@code conf} directory
   *     holding it
   * @param vars values for {@code ${name}} in seeds and hosts, e.g. {@code demo.chosi ->
   *     http://127.0.0.1:41234/}; an unknown name is an error
   * @return the enabled sources, in file order
   * @throws SourceConfigException for bad content, naming file, line and field
   * @throws UncheckedIOException when a file cannot be read
   */
  public static List<Source> load(Path confDir, Map<String, String> vars) {
    return loadFiles(list(confDir), vars, null);
  }

  private static List<Path> list(Path confDir) {
    Path dir = Files.isDirectory(confDir.resolve("sources")) ? confDir.resolve("sources") : confDir;
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("sources directory not found: " + confDir);
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files =
          s.filter(p -> p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    return files;
  }

  /**
   * Loads one source file; profiles are read from {@code profiles/} beside it. Errors as {@link
   * #load}.
   */
  public static List<Source> loadFile(Path file, Map<String, String> vars) {
    return loadFiles(List.of(file), vars, null);
  }

  private static List<Source> loadFiles(
      List<Path> files, Map<String, String> vars, List<SetAside> aside) {
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
      var parser =
          new SourceFileParser(
              file.toString(), variables, new ProfileLoader(parent.resolve("profiles")), aside);
      for (Source s : parser.parse(text)) {
        Source before = byId.putIfAbsent(s.id(), s);
        if (before != null) {
          throw new SourceConfigException(
              file.toString(),
              0,
              "id",
              "source id '" + s.id() + "' is already defined in " + before.file());
        }
        all.add(s);
      }
    }
    return List.copyOf(all);
  }
}
