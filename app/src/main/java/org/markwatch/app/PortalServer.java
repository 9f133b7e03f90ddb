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
final class PortalServer {
  private PortalServer() {}

  /** Who may sign in: the users table only, or (the demo) also its accounts with one-time passwords. */
  enum Users { DATABASE, DEMO }

  /** The demo's portal: the users table plus the demo accounts with one-time passwords. */
  static ConfigurableApplicationContext start(DatabaseSettings db, Path evidenceDir, String address, int port) {
    return start(db, evidenceDir, address, port, Users.DEMO);
  }

  static ConfigurableApplicationContext start(DatabaseSettings db, Path evidenceDir, String address, int port,
      Users users) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("markwatch.users", users == Users.DEMO ? "demo" : "database");
    properties.put("spring.datasource.url", db.url());
    properties.put("spring.datasource.username", db.user());
    properties.put("spring.datasource.password", db.password());
    properties.put("markwatch.evidence-dir", evidenceDir.toAbsolutePath().toString());
    properties.put("server.address", address);
    properties.put("server.port", port);
    properties.put("spring.main.log-startup-info", false);
    // Passed as command-line arguments: those outrank the portal's application.properties, where
    // default properties would not.
    String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
    return new SpringApplicationBuilder(PortalApplication.class).run(args);
  }

  /** Blocks until the JVM is asked to stop (Ctrl-C), then closes the portal. */
  static void serveUntilStopped(ConfigurableApplicationContext portal, AutoCloseable... alsoClose) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
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

  static String localUrl(ConfigurableApplicationContext portal, String address) {
    String port = portal.getEnvironment().getProperty("local.server.port");
    return "http://" + address + ":" + port + "/";
  }
}
