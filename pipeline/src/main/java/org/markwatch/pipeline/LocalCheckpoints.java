package org.markwatch.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporary checkpoint directories of local streaming runs. Each is named after the process
 * that owns it ({@code markwatch-checkpoints-<pid>-<random>}); a run deletes its own when it ends,
 * and the next run deletes those of processes that are gone (killed with {@code kill -9}, or a
 * machine that lost power), so they do not pile up in the temporary directory.
 */
final class LocalCheckpoints {
  static final String PREFIX = "markwatch-checkpoints-";
  private static final Pattern OWNED = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-.*");

  private LocalCheckpoints() {}

  /** A new directory in {@code java.io.tmpdir}, after removing those of dead processes. */
  static Path create() {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    removeOrphans(tmp);
    try {
      return Files.createTempDirectory(PREFIX + ProcessHandle.current().pid() + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create a temporary directory for the job's checkpoints: check java.io.tmpdir", e);
    }
  }

  /** Deletes the checkpoint directories under {@code tmp} whose owning process is gone. */
  static int removeOrphans(Path tmp) {
    int removed = 0;
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, PREFIX + "*")) {
      for (Path dir : dirs) {
        Matcher m = OWNED.matcher(dir.getFileName().toString());
        if (m.matches() && Files.isDirectory(dir) && !alive(Long.parseLong(m.group(1)))) {
          RunningScoringJob.deleteQuietly(dir);
          removed++;
        }
      }
    } catch (IOException | RuntimeException e) {
      // Tidying only: a run must not fail because another's leftovers cannot be listed.
    }
    return removed;
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
