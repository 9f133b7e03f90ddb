package org.markwatch.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.markwatch.detectors.DetectorConfig;

/**
 * Reads the detectors' configuration from a conf directory: every regular file under {@code
 * brands/} and {@code rules/} (recursively; README and hidden files skipped), keyed by its path
 * relative to the conf directory with '/' separators ({@code brands/core.yaml}). The detectors
 * themselves never touch files.
 */
public final class DetectorConfFiles {
  /** Largest configuration file accepted, in bytes. */
  public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

  private DetectorConfFiles() {}

  /**
   * @throws UncheckedIOException naming the file when a directory or file cannot be read, is not
   *     UTF-8 or is too large
   */
  public static DetectorConfig read(Path confDir) {
    return new DetectorConfig(readDir(confDir, "brands"), readDir(confDir, "rules"));
  }

  /** Reads one directory of the conf dir (e.g. "rules") the same way. */
  public static Map<String, String> readDir(Path confDir, String sub) {
    Path dir = confDir.resolve(sub);
    if (!Files.isDirectory(dir)) {
      String msg = "configuration directory not found: " + dir.toAbsolutePath();
      throw new UncheckedIOException(msg, new IOException(msg));
    }
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) files.sorted()::iterator) {
        String name = p.getFileName().toString();
        if (!Files.isRegularFile(p)
            || name.startsWith(".")
            || name.toUpperCase().startsWith("README")) {
          continue;
        }
        out.put(confDir.relativize(p).toString().replace('\\', '/'), readFile(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot list " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** Reads one UTF-8 text file; the error names the file. */
  public static String readFile(Path p) {
    try {
      long size = Files.size(p);
      if (size > MAX_FILE_BYTES) {
        throw new IOException("file is " + size + " bytes, more than " + MAX_FILE_BYTES);
      }
      byte[] bytes = Files.readAllBytes(p);
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new UncheckedIOException("cannot read " + p.toAbsolutePath() + ": not UTF-8 text", e);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read " + p.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }
}
