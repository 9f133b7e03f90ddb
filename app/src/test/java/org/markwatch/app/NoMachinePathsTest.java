package org.markwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No tracked file names a path that exists only on one machine: a clone elsewhere must build, test
 * and read the same. Paths beside the repository are relative ({@code ../shared}) or come from the
 * environment ({@code MARKWATCH_SHARED}); system paths such as {@code /usr/bin/chromium} are the
 * same everywhere and allowed.
 */
class NoMachinePathsTest {
  /** Built from pieces so that this file does not match itself. */
  static final Pattern MACHINE_PATH =
      Pattern.compile(
          "(?<![\\w.:/~-])("
              + "/"
              + "work/"
              + "|/"
              + "root/"
              + "|/"
              + "home/[a-z_][a-z0-9_-]*/"
              + "|/"
              + "tmp/[\\w.-]+"
              + "|/"
              + "Users/[A-Za-z][\\w.-]*/"
              + ")");

  static final Path REPO = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();

  @Test
  void theMatcherFindsMachinePathsAndLeavesSystemPathsAndUrlsAlone() {
    assertThat(find("-Dmarkwatch.shared=/" + "work/shared")).containsExactly("/" + "work/");
    assertThat(find("cd /" + "home/alice/markwatch")).containsExactly("/" + "home/alice/");
    assertThat(find("--out /" + "tmp/s.jsonl")).containsExactly("/" + "tmp/s.jsonl");
    assertThat(find("see /" + "root/.m2 and /" + "Users/bob/x"))
        .containsExactly("/" + "root/", "/" + "Users/bob/");
    assertThat(
            find(
                "/usr/bin/chromium /usr/lib/jvm ../shared/data https://example.com/work/x "
                    // split like the positive cases, so this file does not itself name such a path
                    + "classpath:/"
                    + "tmp-files $HOME"
                    + "/.m2 ~/"
                    + "work/x"))
        .isEmpty();
  }

  @Test
  void noTrackedFileNamesAMachineSpecificPath() throws Exception {
    List<String> files = trackedFiles();
    assumeTrue(files != null, "not a git checkout (a source archive): nothing to scan");
    assertThat(files).as("git ls-files of " + REPO).contains("pom.xml", "markwatch");
    List<String> found = new ArrayList<>();
    for (String name : files) {
      Path file = REPO.resolve(name);
      if (!Files.isRegularFile(file) || Files.size(file) > 5_000_000) {
        continue;
      }
      byte[] bytes = Files.readAllBytes(file);
      if (isBinary(bytes)) {
        continue;
      }
      List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        for (String path : find(lines.get(i))) {
          found.add(name + ":" + (i + 1) + ": " + path);
        }
      }
    }
    assertThat(found)
        .as("machine-specific paths (use ../shared, MARKWATCH_SHARED or a relative path)")
        .isEmpty();
  }

  static List<String> find(String line) {
    List<String> paths = new ArrayList<>();
    Matcher m = MACHINE_PATH.matcher(line);
    while (m.find()) {
      paths.add(m.group(1));
    }
    return paths;
  }

  private static boolean isBinary(byte[] bytes) {
    for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }

  /** The tracked files, or null outside a git checkout. */
  private static List<String> trackedFiles() throws IOException, InterruptedException {
    if (!Files.exists(REPO.resolve(".git"))) {
      return null;
    }
    Process git =
        new ProcessBuilder("git", "-C", REPO.toString(), "ls-files", "-z")
            .redirectErrorStream(false)
            .start();
    byte[] out = git.getInputStream().readAllBytes();
    assertThat(git.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(git.exitValue()).as("git ls-files").isZero();
    List<String> files = new ArrayList<>();
    for (String name : new String(out, StandardCharsets.UTF_8).split("\0")) {
      if (!name.isEmpty()) {
        files.add(name);
      }
    }
    return files;
  }
}
