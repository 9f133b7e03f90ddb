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
      VersionCommand.class,
      ScoreCommand.class,
      RulesCommand.class,
      BrandsCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class,
    })
public final class Main implements Runnable {
  public static void main(String[] args) {
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
