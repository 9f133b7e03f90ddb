package org.markwatch.app;

import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code markwatch} command. Each subcommand is one class; they are all listed here, the one
 * place that wires the modules together. Commands of modules the production jar leaves out (the
 * demo) are found on the class path as {@link PluggableCommand}s.
 */
@Command(
    name = "markwatch",
    // Inherited: every command and subcommand answers --help and --version, whatever it requires.
    scope = CommandLine.ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = "Finds counterfeit and illegal goods sold on marketplaces and social networks.",
    subcommands = {
      ServeCommand.class,
      VersionCommand.class,
      ScoreCommand.class,
      ExtractCommand.class,
      RulesCommand.class,
      BrandsCommand.class,
      PricesCommand.class,
      PipelineCommand.class,
      BenchCommand.class,
      DbCommand.class,
      UsersCommand.class,
      CaseCommand.class,
      CrawlCommand.class,
      SchedulerCommand.class,
      ApiClientsCommand.class,
      OriginCommand.class,
      ReportCommand.class,
      CommandLine.HelpCommand.class,
    })
public final class Main implements Runnable {
  @Option(
      names = "--verbose",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Print the stack trace of an error, not only its one-line message.")
  boolean verbose;

  /**
   * Lucene reports through java.util.logging that the incubating Vector API is not enabled; the
   * scalar code path is what we benchmark and ship, so the notice is noise on the command line.
   * Held in a field because java.util.logging keeps loggers only weakly.
   */
  private static final java.util.logging.Logger LUCENE_VECTORIZATION_LOG =
      java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

  public static void main(String[] args) {
    LUCENE_VECTORIZATION_LOG.setLevel(java.util.logging.Level.SEVERE);
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit status (tests call this, not {@link #main}). */
  public static int run(String... args) {
    CommandLine commandLine = commandLine();
    Main main = commandLine.getCommand();
    if (args.length > 0
        && args[0].equals("demo")
        && !commandLine.getSubcommands().containsKey("demo")) {
      System.err.println(
          "markwatch: this jar is the production build, without the demo; run ./markwatch demo "
              + "from a markwatch checkout (it adds demo/target/markwatch-demo.jar to the class path)");
      return 2;
    }
    return commandLine
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(new ErrorReport(() -> main.verbose))
        .execute(args);
  }

  /** The whole command tree: every built-in command and the pluggable ones on the class path. */
  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new Main());
    for (PluggableCommand command : ServiceLoader.load(PluggableCommand.class)) {
      commandLine.addSubcommand(command);
    }
    return commandLine;
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
