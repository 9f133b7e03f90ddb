package org.markwatch.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Predicate;
import org.apache.flink.core.fs.Path;

/**
 * Which paths under the spool directory are read: directories (to recurse) and files ending in
 * {@code .jsonl}, except hidden ones ({@code .name}, {@code _name}) such as files being written.
 */
final class SpoolFileFilter implements Predicate<Path> {
  static final String SUFFIX = ".jsonl";

  @Override
  public boolean test(Path path) {
    String name = path.getName();
    if (name.startsWith(".") || name.startsWith("_")) {
      return false;
    }
    if (name.endsWith(SUFFIX)) {
      return true;
    }
    try {
      return path.getFileSystem().getFileStatus(path).isDir();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read spool path " + path, e);
    }
  }
}
