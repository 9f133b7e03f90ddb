package org.markwatch.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.markwatch.portal.PortalApplication;
import org.markwatch.storage.DatabaseSettings;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the portal (Spring Boot) over a database and an evidence directory. */
public final class PortalServer {
  private PortalServer() {}

  /**
   * Starts the portal. With {@code demoLogins} (the demo), the demo's accounts sign in with the
   * passwords settled earlier (see {@link PortalLogins#settle}: commands settle them first thing,
   * so one-time passwords are on the console before any long work); with {@code null}, users come
   * from the database only and there is no default password (add one with {@code markwatch users
   * add}).
   *
   * @throws CommandFailure when the port is taken
   */
  public static ConfigurableApplicationContext start(
      DatabaseSettings db, Path evidenceDir, String address, int port, PortalLogins demoLogins) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("markwatch.users", demoLogins == null ? "database" : "demo");
    if (demoLogins != null) {
      properties.putAll(demoLogins.asProperties());
    }
    properties.put("spring.datasource.url", db.url());
    properties.put("spring.datasource.username", db.user());
    properties.put("spring.datasource.password", db.password());
    if (db.isPostgres()) {
      // The portal runs many short queries at once, most of them "the first 51 rows in this
      // order". PostgreSQL's parallel workers read ahead of such a LIMIT: on the million-listing
      // bench a search walked 85,800 rows in parallel where 8,199 in one process found its page
      // (4.8 s against 1.4 s), and the CPUs they take are the other requests' (bench queue).
      // Custom plans always: the queue's SQL text is the same for every search word and filter
      // value, and a cached generic plan cannot see the word, so it cannot choose between walking
      // the queue in score order (a common word) and the trigram index (a rare one: a walk would
      // read the whole queue); the JDBC driver prepares a statement on the server after 5 uses.
      properties.put(
          "spring.datasource.hikari.connection-init-sql",
          "SELECT set_config('max_parallel_workers_per_gather', '0', false),"
              + " set_config('plan_cache_mode', 'force_custom_plan', false)");
    }
    properties.put("markwatch.evidence-dir", evidenceDir.toAbsolutePath().toString());
    properties.put("server.address", address);
    properties.put("server.port", port);
    properties.put("spring.main.log-startup-info", false);
    // A failed start is reported once, on one line, by the command (ErrorReport; the trace with
    // --verbose); Spring Boot would log a failure analysis and the whole trace besides.
    properties.put("logging.level.org.springframework.boot.SpringApplication", "OFF");
    properties.put(
        "logging.level.org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter", "OFF");
    properties.put("logging.level.org.springframework.boot.web.server.servlet.context", "ERROR");
    // Passed as command-line arguments: those outrank the portal's application.properties, where
    // default properties would not.
    String[] args =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    try {
      return new SpringApplicationBuilder(PortalApplication.class).run(args);
    } catch (RuntimeException e) {
      if (portInUse(e)) {
        throw new CommandFailure(
            "port "
                + port
                + " on "
                + address
                + " is already in use (another markwatch or "
                + "another server); choose another with --port, e.g. --port "
                + (port + 1)
                + ", or --port 0 for a free one",
            e);
      }
      throw e;
    }
  }

  /** Spring Boot reports a taken port as its PortInUseException, or a BindException underneath. */
  private static boolean portInUse(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.net.BindException
          || t.getClass().getSimpleName().equals("PortInUseException")) {
        return true;
      }
    }
    return false;
  }

  /** Blocks until the JVM is asked to stop (Ctrl-C), then closes the portal. */
  public static void serveUntilStopped(
      ConfigurableApplicationContext portal, AutoCloseable... alsoClose) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  portal.close();
                  for (AutoCloseable c : alsoClose) {
                    try {
                      c.close();
                    } catch (Exception ignored) {
                      // shutting down: nothing left to tell
                    }
                  }
                  stopped.countDown();
                }));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public static String localUrl(ConfigurableApplicationContext portal, String address) {
    String port = portal.getEnvironment().getProperty("local.server.port");
    return "http://" + address + ":" + port + "/";
  }
}
