package org.markwatch.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.markwatch.app.tipintake.TipIntake;
import org.markwatch.crawler.net.AddressGuard;
import org.markwatch.detectors.Detectors;
import org.markwatch.storage.Database;
import org.markwatch.storage.DatabaseSettings;
import org.markwatch.storage.users.FirstAdmin;
import org.markwatch.storage.users.UserStore;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code markwatch serve}: the portal over the central database. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Serve the portal over the central database (MARKWATCH_DB_URL, else the embedded H2 "
            + "database under --data).")
final class ServeCommand implements Callable<Integer> {
  @Option(
      names = "--data",
      description =
          "Data directory of the embedded database and evidence (default: ${DEFAULT-VALUE}).",
      defaultValue = "./markwatch-data")
  Path data;

  @Option(
      names = "--address",
      description = "Address to bind (default: ${DEFAULT-VALUE}).",
      defaultValue = "127.0.0.1")
  String address;

  @Option(
      names = "--port",
      description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).",
      defaultValue = "8080")
  int port;

  @Option(
      names = "--scheduler",
      description =
          "Also run the sources' schedules here, as `markwatch scheduler` does (with --conf).")
  boolean scheduler;

  @Option(
      names = "--conf",
      paramLabel = "DIR",
      description = "Configuration directory for --scheduler (default: the installation's conf).")
  Path conf;

  @Override
  public Integer call() {
    DatabaseSettings db = DatabaseChoice.fromEnvironment(data);
    try (Database database = Database.open(db)) {
      // Migrated here so the portal, which never migrates, finds the current schema; the first
      // admin comes from MARKWATCH_ADMIN_USER/MARKWATCH_ADMIN_PASSWORD when no user exists yet.
      UserStore users = new UserStore(database.dataSource());
      FirstAdmin.ensure(users, System.getenv())
          .ifPresent(u -> System.out.println("Created the first admin " + u.username()));
      if (users.count() == 0) {
        System.out.println(
            "No portal user yet: add one with `markwatch users add` (or set "
                + FirstAdmin.ENV_USER
                + " and "
                + FirstAdmin.ENV_PASSWORD
                + ").");
      }
    }
    // Users come from the database only: no default password outside the demo.
    ConfigurableApplicationContext portal =
        PortalServer.start(db, data.resolve("evidence"), address, port, null);
    System.out.println(
        "Portal: "
            + PortalServer.localUrl(portal, address)
            + "  (sign in with an account from `markwatch users add`; Ctrl-C to stop)");
    if (scheduler) {
      // stopped with the JVM (db-scheduler's shutdown hook); its pool lives as long as the portal
      Database schedulerDb = Database.open(db);
      SchedulerCommand.start(
          new SchedulerCommand.Settings(
              ConfLocation.confDir(conf), data, java.util.Map.of(), true, false, 6, 10_000),
          schedulerDb.dataSource(),
          System.out);
    }
    try (Database intakeDb = Database.openWithoutMigrating(db);
        TipIntake intake = startTipIntake(intakeDb)) {
      PortalServer.serveUntilStopped(portal);
    }
    return 0;
  }

  /**
   * The public's and agencies' tips are fetched, scored and queued every 30 s (issue 13); without a
   * conf directory there are no detectors, so tips wait and the portal still serves.
   */
  private static TipIntake startTipIntake(Database database) {
    Detectors detectors;
    try {
      detectors =
          Detectors.create(ConfLocation.detectorConfig(ConfLocation.confDir(null), null, null));
    } catch (RuntimeException e) {
      System.out.println("Tip intake off (tips wait until it runs): " + e.getMessage());
      return null;
    }
    // never loopback or private addresses: a tip's URL is chosen by a stranger
    return new TipIntake(
            database.dataSource(), detectors, new AddressGuard(false), Clock.systemUTC())
        .start(TipIntake.PERIOD);
  }
}
