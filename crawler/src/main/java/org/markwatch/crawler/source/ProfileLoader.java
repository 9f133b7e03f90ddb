package org.markwatch.crawler.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.markwatch.crawler.extract.SiteProfile;

/**
 * Reads {@code profiles/<name>.yaml} beside the source files and hands it to extraction's parser.
 */
final class ProfileLoader {
  private final Path profilesDir;

  ProfileLoader(Path profilesDir) {
    this.profilesDir = profilesDir;
  }

  SiteProfile load(String name, String file, int line, String field) {
    if (!name.matches("[a-z0-9][a-z0-9_-]*")) {
      throw new SourceConfigException(
          file,
          line,
          field,
          "profile name must be lower-case letters, digits, '-' or '_', got '" + name + "'");
    }
    Path path = profilesDir.resolve(name + ".yaml");
    if (!Files.isRegularFile(path)) {
      throw new SourceConfigException(
          file, line, field, "profile '" + name + "' not found: no file " + path);
    }
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read profile " + path, e);
    }
    return SiteProfile.parse(path.toString(), text);
  }
}
