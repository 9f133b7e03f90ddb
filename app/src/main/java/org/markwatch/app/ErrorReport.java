package org.markwatch.app;

import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The one place that turns an exception escaping a command into what the user reads: a single line
 * {@code markwatch <command>: <what happened and what to do>}, and the stack trace only with {@code
 * --verbose}. Failures the commands already phrase ({@link CommandFailure}) are printed as they
 * are; a few well-known failures of the parts underneath (a locked embedded database, a missing
 * file, a missing browser) are recognised here wherever they happen.
 */
final class ErrorReport implements IExecutionExceptionHandler {
  /**
   * H2's error code "Database may be already in use"
   * (org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1).
   */
  private static final int H2_DATABASE_ALREADY_OPEN = 90020;

  private static final Pattern LOCKED_FILE =
      Pattern.compile(
          "(?:already in use|file is locked)[:\\s]*\"?([^\"\\s\\[]+\\.mv\\.db)",
          Pattern.CASE_INSENSITIVE);

  private final BooleanSupplier verbose;

  ErrorReport(BooleanSupplier verbose) {
    this.verbose = verbose;
  }

  @Override
  public int handleExecutionException(
      Exception e, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    err.println(commandLine.getCommandSpec().qualifiedName() + ": " + oneLine(e));
    if (verbose.getAsBoolean()) {
      e.printStackTrace(err);
    } else {
      err.println("(run again with --verbose for the details)");
    }
    err.flush();
    return 1;
  }

  /**
   * The line of Playwright's launch error that says what failed ("Executable doesn't exist at
   * PATH"); its message starts with a multi-line "Error {" dump, so its first line says nothing.
   */
  private static String chromiumDetail(String message) {
    for (String line : message.lines().toList()) {
      for (String what : new String[] {"Executable doesn't exist", "Failed to launch"}) {
        int at = line.indexOf(what);
        if (at >= 0) {
          return line.substring(at).strip().replaceAll("['\"]+$", "");
        }
      }
    }
    return firstLine(message);
  }

  /** What went wrong and what to do, on one line. */
  static String oneLine(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CommandFailure) {
        return t.getMessage();
      }
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage() == null ? "" : t.getMessage();
      if (isLockedH2(t, message)) {
        return lockedDatabase(message);
      }
      if (t instanceof BindException) {
        return "a port is already in use ("
            + message
            + "); choose another with --port (0 picks a free one)";
      }
      if (t instanceof NoSuchFileException) {
        return "no such file or directory: " + message;
      }
      if (message.contains("Executable doesn't exist")
          || message.contains("Failed to launch chromium")) {
        return "Chromium could not be started ("
            + chromiumDetail(message)
            + "); install it with apt-get install -y chromium";
      }
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String outer = firstLine(e.getMessage());
    String inner = firstLine(root.getMessage());
    if (root == e || outer.contains(inner)) {
      return outer.isEmpty() ? e.getClass().getSimpleName() : outer;
    }
    return (outer.isEmpty() ? e.getClass().getSimpleName() : outer) + ": " + inner;
  }

  private static boolean isLockedH2(Throwable t, String message) {
    return (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN)
        || LOCKED_FILE.matcher(message).find();
  }

  static String lockedDatabase(String message) {
    Matcher m = LOCKED_FILE.matcher(message);
    String where = m.find() ? "in " + Path.of(m.group(1)).getParent() : "under --data";
    return "the embedded H2 database "
        + where
        + " is locked: another markwatch (demo, serve or pipeline) "
        + "holds it. Stop that one, or use PostgreSQL, which many can share: set MARKWATCH_DB_URL="
        + "jdbc:postgresql://HOST:5432/DB";
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("").strip();
  }
}
