package org.markwatch.app;

/**
 * A failure the user can act on. Its message is the whole report: one line that names the file,
 * port, directory or setting at fault and says what to do. {@link ErrorReport} prints it without a
 * stack trace (unless {@code --verbose}).
 */
public final class CommandFailure extends RuntimeException {
  public CommandFailure(String message) {
    super(message);
  }

  public CommandFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
