package org.markwatch.pipeline;

import java.nio.file.Path;
import java.util.Optional;
import org.markwatch.detectors.DetectorConfig;

/**
 * Notices that the detectors' configuration in a conf directory changed: each {@link #poll} reads
 * {@code brands/} and {@code rules/} ({@link DetectorConfFiles}) and compares the SHA-256 of their
 * names and contents with the last one seen. Content, not modification times: a file rewritten
 * within one clock tick, or touched without a change, is judged by what it says. The files are
 * small (about 120 KB for the default conf), so reading them every few seconds costs little. Not
 * thread-safe: one per operator, polled from its own thread.
 */
final class ConfWatcher {
  private final Path confDir;
  private String lastHash;

  /** Hash of a content read at the last poll that differs from {@code lastHash}, or null. */
  private String seenOnce;

  /**
   * @param running the configuration in use, so an unchanged directory is not reported as new
   */
  ConfWatcher(Path confDir, DetectorConfig running) {
    this.confDir = confDir;
    this.lastHash = running.sha256();
  }

  /**
   * The configuration now in the directory when its content differs from the last one reported and
   * this poll reads the same content as the poll before (so a change is reported one poll after it
   * is first seen); given or refused alike, a version is reported once, not at every poll. Else
   * empty.
   *
   * @throws java.io.UncheckedIOException naming the file when the directory cannot be read
   */
  Optional<DetectorConfig> poll() {
    DetectorConfig now = DetectorConfFiles.read(confDir);
    String h = now.sha256();
    if (h.equals(lastHash)) {
      seenOnce = null;
      return Optional.empty();
    }
    if (!h.equals(seenOnce)) {
      // New content is reported only when two polls in a row read it: a file caught while an
      // editor rewrites it in place (emptied, then written) may still compile and pass its
      // examples, and would replace the ruleset with one missing rules until the next poll.
      seenOnce = h;
      return Optional.empty();
    }
    lastHash = h;
    seenOnce = null;
    return Optional.of(now);
  }

  Path confDir() {
    return confDir;
  }
}
