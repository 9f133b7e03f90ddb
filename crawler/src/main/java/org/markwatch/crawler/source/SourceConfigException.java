package org.markwatch.crawler.source;

/**
 * A source file that cannot be used. The message reads {@code file:line: field: reason}, e.g.
 * {@code conf/sources/demo.yaml:14: sources[0].politeness.delayMs: expected a whole number >= 0,
 * got 'fast'}.
 */
public final class SourceConfigException extends IllegalArgumentException {
  private final String file;
  private final int line;
  private final String field;

  public SourceConfigException(String file, int line, String field, String reason) {
    super(file + ":" + line + ": " + (field.isEmpty() ? "" : field + ": ") + reason);
    this.file = file;
    this.line = line;
    this.field = field;
  }

  /** The file as given to the loader. */
  public String file() {
    return file;
  }

  /** 1-based line, 0 when unknown. */
  public int line() {
    return line;
  }

  /** Path of the field, e.g. {@code sources[1].seeds[0]}; empty for file-level errors. */
  public String field() {
    return field;
  }
}
