package org.markwatch.detectors.config;

/**
 * A configuration file the detectors refuse, with the file name and, when known, the 1-based line
 * and column of the problem.
 */
public final class ConfigException extends RuntimeException {
  private final String file;
  private final int line;
  private final int column;

  public ConfigException(String file, int line, int column, String message) {
    super(file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + message);
    this.file = file;
    this.line = line;
    this.column = column;
  }

  public String file() {
    return file;
  }

  /** 1-based line, 0 when unknown. */
  public int line() {
    return line;
  }

  /** 1-based column, 0 when unknown. */
  public int column() {
    return column;
  }
}
