package org.markwatch.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code markwatch} command. Each subcommand is one class; they are all listed here, the one
 * place that wires the modules together.
 */
@Command(
    name = "markwatch",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = "Finds counterfeit and illegal goods sold on marketplaces and social networks.",
    subcommands = {
      DemoCommand.class,
      ServeCommand.class,
      VersionCommand.class,
      ScoreCommand.class,
      ExtractCommand.class,
      RulesCommand.class,
      BrandsCommand.class,
      PricesCommand.class,
      PipelineCommand.class,
      BenchCommand.class,
      CrawlCommand.class,
      CommandLine.HelpCommand.class,
    })
public final class Main implements Runnable {
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
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
