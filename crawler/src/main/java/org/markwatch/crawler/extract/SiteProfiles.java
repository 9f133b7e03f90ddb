package org.markwatch.crawler.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The site profiles of a directory ({@code conf/sources/profiles}), checked when loaded. */
public record SiteProfiles(List<SiteProfile> profiles) {
  public SiteProfiles {
    profiles = List.copyOf(profiles);
  }

  /**
   * Loads every {@code *.yaml} and {@code *.yml} file of {@code dir} (not recursive), sorted by
   * file name. A bad file fails the whole load with its file, line and field named; a missing
   * directory gives no profiles.
   */
  public static SiteProfiles load(Path dir) {
    if (!Files.isDirectory(dir)) {
      return new SiteProfiles(List.of());
    }
    List<SiteProfile> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f :
          files
              .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .sorted()
              .toList()) {
        out.add(SiteProfile.parse(f.toString(), Files.readString(f, StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read profiles in " + dir, e);
    }
    return new SiteProfiles(out);
  }

  /** The first profile whose URL patterns match {@code url}. */
  public Optional<SiteProfile> forUrl(String url) {
    return profiles.stream().filter(p -> p.matches(url)).findFirst();
  }

  /** The profile named {@code name}. */
  public Optional<SiteProfile> named(String name) {
    return profiles.stream().filter(p -> p.name().equals(name)).findFirst();
  }
}
