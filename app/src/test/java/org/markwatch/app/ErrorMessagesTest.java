package org.markwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What a user reads when something is wrong, through {@link Main#run} (or {@link Main#main} in a
 * child JVM when the environment must differ): one line naming the port, directory or setting and
 * what to do, the stack trace only with --verbose; and --help on every command.
 */
class ErrorMessagesTest {
  private static final Path CONF = Path.of("..", "conf");

  @TempDir Path dir;

  /** What a run printed. */
  record Run(int status, String out, String err) {
    /** Standard error without the portal's one-time password lines, printed when it starts. */
    List<String> errLines() {
      return err.lines().filter(l -> !l.isBlank() && !l.startsWith("Portal login")).toList();
    }
  }

  @Test
  void everyCommandAndSubcommandAnswersHelp() {
    List<List<String>> paths = new ArrayList<>();
    collect(Main.commandLine(), new ArrayList<>(), paths);
    assertThat(paths)
        .extracting(p -> String.join(" ", p))
        .contains(
            "extract",
            "rules check",
            "bench score",
            "serve",
            "version",
            "pipeline",
            "prices observe");
    for (List<String> path : paths) {
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      Run run = run(args.toArray(String[]::new));
      assertThat(run.status()).as("%s --help: %s", path, run.err()).isZero();
      assertThat(run.out())
          .as("%s --help", path)
          .contains("Usage: markwatch " + String.join(" ", path));
      assertThat(run.err()).as("%s --help", path).isEmpty();
    }
  }

  @Test
  void aMissingConfDirectoryIsNamedAndTheStackTraceComesOnlyWithVerbose() {
    Path missing = dir.resolve("no-conf");
    Run run = run("rules", "check", "--conf", missing.toString());
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.errLines()).as(run.err()).hasSize(2);
    assertThat(run.errLines().get(0))
        .isEqualTo(
            "markwatch rules check: configuration directory "
                + missing.toAbsolutePath().normalize()
                + " given with --conf does not exist; give the conf directory of a "
                + "markwatch checkout with --conf DIR");
    assertThat(run.errLines().get(1)).contains("--verbose");

    Run verbose = run("rules", "check", "--conf", missing.toString(), "--verbose");
    assertThat(verbose.status()).isEqualTo(1);
    assertThat(verbose.errLines().get(0)).isEqualTo(run.errLines().get(0));
    assertThat(verbose.err())
        .contains("CommandFailure", "\tat org.markwatch.app.ConfLocation.confDir");
  }

  @Test
  void aLockedEmbeddedDatabaseNamesItsDirectoryAndTheWayOut() throws Exception {
    Path dataDir = dir.resolve("data");
    Process holder =
        childJvm(HoldDatabase.class.getName(), List.of(dataDir.resolve("db").toString()), null);
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).as("the holding process started").isEqualTo("holding");
      Run run = run("serve", "--data", dataDir.toString(), "--port", "0");
      assertThat(run.status()).isEqualTo(1);
      assertThat(run.errLines()).as(run.err()).hasSize(2);
      assertThat(run.errLines().get(0))
          .startsWith(
              "markwatch serve: the embedded H2 database in "
                  + dataDir.resolve("db").toAbsolutePath().normalize()
                  + " is locked: another markwatch")
          .contains("Stop that one", "MARKWATCH_DB_URL=jdbc:postgresql://");
    } finally {
      holder.getOutputStream().close();
      holder.waitFor(20, TimeUnit.SECONDS);
      holder.destroy();
    }
  }

  @Test
  void aDatabaseUrlMarkwatchCannotUseNamesTheVariable() throws Exception {
    Process p =
        childJvm(
            Main.class.getName(),
            List.of("serve", "--data", dir.toString(), "--port", "0"),
            "mysql://127.0.0.1/markwatch");
    p.getOutputStream().close();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(err).isEqualTo(1);
    List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
    assertThat(lines).as(err).hasSize(2);
    assertThat(lines.get(0))
        .startsWith("markwatch serve: MARKWATCH_DB_URL is not a database markwatch can use (")
        .contains("mysql://127.0.0.1/markwatch", "jdbc:postgresql://HOST:5432/DB", "unset it");
  }

  @Test
  void theProductionCommandSetHasNoDemoAndSaysWhereItIs() {
    Run run = run("demo", "--no-serve");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).contains("production build, without the demo", "./markwatch demo");
  }

  private static void collect(CommandLine command, List<String> path, List<List<String>> into) {
    command
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              if (name.equals("help") || !sub.getCommandName().equals(name)) {
                return; // picocli's help command takes no --help; aliases are the same command
              }
              List<String> subPath = new ArrayList<>(path);
              subPath.add(name);
              into.add(subPath);
              collect(sub, subPath, into);
            });
  }

  private static Process childJvm(String mainClass, List<String> args, String dbUrl)
      throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                mainClass));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().remove("MARKWATCH_DB_URL");
    if (dbUrl != null) {
      pb.environment().put("MARKWATCH_DB_URL", dbUrl);
    }
    return pb.start();
  }

  static Run run(String... args) {
    PrintStream savedOut = System.out;
    PrintStream savedErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int status = Main.run(args);
      return new Run(
          status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(savedOut);
      System.setErr(savedErr);
    }
  }
}
