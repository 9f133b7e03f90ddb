package org.markwatch.pipeline;

import java.nio.file.Path;
import java.util.Optional;
import org.markwatch.detectors.DetectorConfig;

/**
 * Notices that the detectors' configuration in a conf directory changed: each {@link #poll}
 * reads {@code brands/} and {@code rules/} ({@link DetectorConfFiles}) and compares the SHA-256 of
 * their names and contents with the last one seen. Content, not modification times: a file
 * rewritten within one clock tick, or touched without a change, is judged by what it says. The
 * files are small (about 120 KB for the default conf), so reading them every few seconds costs
 * little. Not thread-safe: one per operator, polled from its own thread.
 */
final class ConfWatcher {
  private final Path confDir;
  private String lastHash;

  /** @param running the configuration in use, so an unchanged directory is not reported as new */
  ConfWatcher(Path confDir, DetectorConfig running) {
    this.confDir = confDir;
    this.lastHash = running.sha256();
  }

  /**
   * The configuration now in the directory when its content differs from the last one seen
   * (given or refused alike: a refused version is reported once, not at every poll), else empty.
   *
   * @throws java.io.UncheckedIOException naming the file when the directory cannot be read
   */
  Optional<DetectorConfig> poll() {
    DetectorConfig now = DetectorConfFiles.read(confDir);
    String h = now.sha256();
    if (h.equals(lastHash)) {
      return Optional.empty();
    }
    lastHash = h;
    return Optional.of(now);
  }

  Path confDir() {
    return confDir;
  }
}
