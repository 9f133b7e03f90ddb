package org.markwatch.crawler.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Builds pages and loads the project's profiles for tests. */
final class TestPages {
  private TestPages() {}

  static Page html(String url, String html) {
    return new Page(
        url,
        200,
        Map.of("Content-Type", List.of("text/html; charset=utf-8")),
        html.getBytes(StandardCharsets.UTF_8),
        null,
        null,
        "2026-11-24T01:00:00Z",
        "run-1",
        null);
  }

  static Page rendered(String url, String html, SiteProfile profile) {
    return new Page(
        url,
        200,
        Map.of(),
        null,
        html,
        profile.platform(),
        "2026-11-24T01:00:00Z",
        "run-1",
        profile);
  }

  static Page withProfile(String url, String html, SiteProfile profile) {
    return new Page(
        url,
        200,
        Map.of(),
        html.getBytes(StandardCharsets.UTF_8),
        null,
        profile.platform(),
        "2026-11-24T01:00:00Z",
        "run-1",
        profile);
  }

  /** A profile of conf/sources/profiles (the repo root is two levels above the module). */
  static SiteProfile profile(String name) {
    Path p = Path.of("..", "conf", "sources", "profiles", name + ".yaml");
    try {
      return SiteProfile.parse(p.toString(), Files.readString(p));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String resource(String name) {
    try (var in = TestPages.class.getResourceAsStream("/extract/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
